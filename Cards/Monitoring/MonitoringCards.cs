using System.Globalization;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Model;
using HelpdeskBot.Domain.Monitoring;

namespace HelpdeskBot.Cards.Monitoring;

/// <summary>
/// The IT channel's monitoring cards: the daily status of an area (failures first, the rest behind a button, so the card
/// stays readable and far under Teams' size limit for hundreds of targets) and the at-once announcement of a change.
/// </summary>
public static class MonitoringCards
{
    /// <summary>Problem lines shown open on the card; the rest are behind "show all".</summary>
    public const int ProblemsShown = 15;

    /// <summary>Problem lines in the "show all" part; beyond this the card says how many more there are (the chat command lists them).</summary>
    public const int AllShown = 60;

    public static AdaptiveCard DailyStatus(MonitoringStatusReport report, CultureInfo c)
    {
        var down = report.Lines.Where(l => l.Status is CheckStatus.Failed or CheckStatus.Unreadable).ToList();
        var warnings = report.Lines.Where(l => l.Status is CheckStatus.Warning).ToList();
        var unchecked_ = report.Lines.Count(l => l.Status is null);
        var title = Text.Format("Mon_DailyTitle", c, Text.Get($"Mon_Area_{report.Area}", c), Date(report.AsOf, c));
        List<CardElement> body =
        [
            new TextBlock(title) { Weight = "Bolder", Size = "Medium", Color = down.Count > 0 ? "Attention" : warnings.Count > 0 ? "Warning" : "Good" },
            new TextBlock(Text.Format("Mon_Counts", c, report.Lines.Count, report.Counts.Ok, report.Counts.Warning, report.Counts.Failed + report.Counts.Unreadable, unchecked_))
            {
                IsSubtle = true,
            },
        ];
        if (down.Count == 0 && warnings.Count == 0)
        {
            body.Add(new TextBlock(Text.Get("Mon_AllGood", c)) { Color = "Good" });
        }

        var problems = down.Concat(warnings).ToList();
        body.AddRange(problems.Take(ProblemsShown).Select(l => Line(l, c)));
        if (problems.Count > ProblemsShown)
        {
            body.Add(new TextBlock(Text.Format("Mon_MoreProblems", c, problems.Count - ProblemsShown)) { IsSubtle = true, Size = "Small" });
        }

        // Behind the button: the remaining problems one per line, then the working targets as one literal list of
        // names, which stays small for hundreds of targets.
        List<CardElement> all = [.. problems.Skip(ProblemsShown).Take(AllShown).Select(l => (CardElement)Line(l, c))];
        if (problems.Count > ProblemsShown + AllShown)
        {
            all.Add(new TextBlock(Text.Format("Mon_MoreTargets", c, problems.Count - ProblemsShown - AllShown)) { IsSubtle = true, Size = "Small" });
        }

        var working = report.Lines.Where(l => l.Status is CheckStatus.Ok).Select(l => l.Name).ToList();
        if (working.Count > 0)
        {
            all.Add(new TextBlock(Text.Format("Mon_WorkingList", c, working.Count)) { Weight = "Bolder", Spacing = "Medium" });
            all.Add(new RichTextBlock([new TextRun(string.Join(" · ", working)) { Size = "Small" }]));
        }

        var notChecked = report.Lines.Where(l => l.Status is null).Select(l => l.Name).ToList();
        if (notChecked.Count > 0)
        {
            all.Add(new TextBlock(Text.Format("Mon_UncheckedList", c, notChecked.Count)) { Weight = "Bolder", Spacing = "Medium" });
            all.Add(new RichTextBlock([new TextRun(string.Join(" · ", notChecked)) { Size = "Small" }]));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ShowCardAction(Text.Format("Mon_ShowAll", c, report.Lines.Count), new AdaptiveCard { Body = all })],
            FallbackText = title,
        };
    }

    /// <summary>A target went down or came back (announced once the new state held, so a flapping target is not announced each time).</summary>
    public static AdaptiveCard StateChange(MonitorStateChange change, string? ticketNumber, CultureInfo c)
    {
        var down = change.Kind == StateChangeKind.WentDown;
        var title = Text.Format(down ? "Mon_WentDown" : "Mon_CameBack", c, Text.Get($"Mon_Area_{change.Area}", c), change.TargetName);
        List<CardElement> body =
        [
            new TextBlock(title) { Weight = "Bolder", Color = down ? "Attention" : "Good", Wrap = true },
            new TextBlock(Problems(change.Problems, c)) { Wrap = true },
            new RichTextBlock([new TextRun(change.Detail) { IsSubtle = true, Size = "Small" }]),
            new TextBlock(Text.Format("Mon_Since", c, Time(change.Since, c))) { IsSubtle = true, Size = "Small" },
        ];
        if (ticketNumber is not null)
        {
            body.Add(new TextBlock(Text.Format(down ? "Mon_TicketOpened" : "Mon_TicketNoted", c, ticketNumber)) { Size = "Small" });
        }

        return new AdaptiveCard { Body = body, FallbackText = title };
    }

    /// <summary>The status an operator asks for in chat: every target, worst first, with its 30-day availability.</summary>
    public static AdaptiveCard Status(MonitoringStatusReport report, CultureInfo c)
    {
        const int StatusLines = 120;
        var title = Text.Format("Mon_StatusTitle", c, Text.Get($"Mon_Area_{report.Area}", c), (int)report.Window.TotalDays);
        List<CardElement> body =
        [
            new TextBlock(title) { Weight = "Bolder", Size = "Medium" },
            new TextBlock(Text.Format("Mon_Counts", c, report.Lines.Count, report.Counts.Ok, report.Counts.Warning, report.Counts.Failed + report.Counts.Unreadable,
                report.Lines.Count(l => l.Status is null))) { IsSubtle = true },
            .. report.Lines.Take(StatusLines).Select(l => Line(l, c)),
        ];
        if (report.Lines.Count == 0)
        {
            body.Add(new TextBlock(Text.Get("Mon_NoTargets", c)));
        }

        return new AdaptiveCard { Body = body, FallbackText = title };
    }

    private static ColumnSet Line(TargetStatusLine l, CultureInfo c)
    {
        var status = l.Status is { } s ? Text.Get($"Mon_Status_{s}", c) : Text.Get("Mon_Status_Unchecked", c);
        var availability = l.Availability is { } a ? string.Create(c, $"%{a * 100:0.0}") : "—";
        var what = l.Problems.Count > 0 ? Problems(l.Problems, c) : status;
        return new ColumnSet(
        [
            new Column([new TextBlock(Icon(l.Status)) { Color = Color(l.Status) }]) { Width = "16px" },
            new Column(
            [
                new RichTextBlock([new TextRun(l.Name) { Weight = "Bolder" }]),
                new TextBlock(what) { Size = "Small", IsSubtle = true, Spacing = "None" },
            ]) { Width = "stretch" },
            new Column([new TextBlock(availability) { Size = "Small", IsSubtle = true }]) { Width = "auto" },
        ])
        { Spacing = "Small" };
    }

    private static string Problems(IReadOnlyList<CheckProblem> problems, CultureInfo c) =>
        problems.Count == 0 ? Text.Get("Mon_NoProblem", c) : string.Join(", ", problems.Distinct().Select(p => Text.Get($"Mon_Problem_{p}", c)));

    private static string Icon(CheckStatus? s) => s switch
    {
        CheckStatus.Ok => "●",
        CheckStatus.Warning => "▲",
        CheckStatus.Failed or CheckStatus.Unreadable => "■",
        _ => "○",
    };

    private static string Color(CheckStatus? s) => s switch
    {
        CheckStatus.Ok => "Good",
        CheckStatus.Warning => "Warning",
        CheckStatus.Failed or CheckStatus.Unreadable => "Attention",
        _ => "Default",
    };

    private static string Date(DateTimeOffset at, CultureInfo c) => HelpdeskBot.Domain.Common.Istanbul.ToLocal(at).ToString("d", c);

    private static string Time(DateTimeOffset at, CultureInfo c) => HelpdeskBot.Domain.Common.Istanbul.ToLocal(at).ToString("g", c);
}
