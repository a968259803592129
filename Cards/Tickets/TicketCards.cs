using System.Globalization;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Model;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Cards.Tickets;

/// <summary>Pure builders of the ticket cards: the IT channel card, the requester's notices, the detail and list views.</summary>
public static class TicketCards
{
    private const int HistoryLinesShown = 12;

    /// <summary>The card in the IT channel. Its buttons follow the status; the server re-checks every press.</summary>
    public static AdaptiveCard Channel(TicketView t, CultureInfo c)
    {
        List<CardElement> body =
        [
            Header(t, c),
            UserFact(Text.Get("Card_Requester", c), t.RequesterName),
            new FactSet(Facts(t, c)),
            .. TypedFacts(t, c),
            Label("Card_Description", c),
            UserText(t.Description),
        ];
        if (t.ChecksTried.Count > 0)
        {
            body.Add(new TextBlock(Text.Format("Card_ChecksTried", c, string.Join(", ", t.ChecksTried.Select(k => Text.Get($"Check_{k}_Title", c))))) { IsSubtle = true, Size = "Small" });
        }

        AddResolution(body, t, c);
        AddHistory(body, t, c);
        return new AdaptiveCard
        {
            Body = body,
            Actions = ChannelActions(t, c),
            FallbackText = Text.Format("Card_Fallback", c, t.Number, Text.Get($"Status_{t.Status}", c)),
        };
    }

    /// <summary>The requester's notice of a change; a resolved ticket asks to confirm (with a 1–5 rating) or reopen.</summary>
    public static AdaptiveCard RequesterNotice(TicketView t, TicketNotice notice, string actorName, CultureInfo c)
    {
        var body = new List<CardElement>
        {
            new TextBlock(Text.Format("Notice_Title", c, t.Number)) { Weight = "Bolder", Size = "Medium" },
            new TextBlock(EventText(notice.Kind, actorName, notice.Detail, c)),
        };
        if (notice.Detail is not null && notice.Kind is TicketEventKind.PutOnHold or TicketEventKind.Resolved or TicketEventKind.NoteAdded)
        {
            body.Add(UserText(notice.Detail));
        }

        body.Add(new FactSet(
        [
            new Fact(Text.Get("Card_Topic", c), Text.Get($"Topic_{t.Topic}", c)),
            new Fact(Text.Get("Card_Status", c), Text.Get($"Status_{t.Status}", c)),
        ]));
        return new AdaptiveCard
        {
            Body = body,
            Actions = notice.Kind == TicketEventKind.Resolved && t.Status == TicketStatus.Resolved ? ResolutionActions(t, c) : null,
            FallbackText = EventText(notice.Kind, actorName, notice.Detail, c),
        };
    }

    /// <summary>One ticket as its requester (or IT) sees it in the personal chat.</summary>
    public static AdaptiveCard Detail(TicketView t, bool viewerIsRequester, CultureInfo c)
    {
        List<CardElement> body =
        [
            Header(t, c),
            .. viewerIsRequester ? Array.Empty<CardElement>() : [UserFact(Text.Get("Card_Requester", c), t.RequesterName)],
            new FactSet(Facts(t, c)),
            .. TypedFacts(t, c),
            Label("Card_Description", c),
            UserText(t.Description),
        ];
        AddResolution(body, t, c);
        AddHistory(body, t, c);
        var actions = new List<CardAction>();
        if (viewerIsRequester)
        {
            if (t.Status == TicketStatus.Resolved)
            {
                actions.AddRange(ResolutionActions(t, c));
            }

            if (t.Status is not (TicketStatus.Closed or TicketStatus.Cancelled))
            {
                actions.Add(WithInput(t, TicketVerbs.Note, "Action_AddNote", "note", "Input_Note", c, required: true, multiline: true));
            }

            if (t.Status is TicketStatus.New or TicketStatus.Assigned or TicketStatus.Pending or TicketStatus.Reopened)
            {
                actions.Add(WithInput(t, TicketVerbs.Cancel, "Action_Cancel", "reason", "Input_CancelReason", c, required: false, multiline: false));
            }
        }

        return new AdaptiveCard { Body = body, Actions = actions.Count > 0 ? actions : null, FallbackText = t.Number };
    }

    public static AdaptiveCard MyTickets(IReadOnlyList<TicketView> tickets, CultureInfo c)
    {
        var body = new List<CardElement> { new TextBlock(Text.Get("MyTickets_Title", c)) { Weight = "Bolder", Size = "Medium" } };
        if (tickets.Count == 0)
        {
            body.Add(new TextBlock(Text.Get("MyTickets_None", c)));
        }

        foreach (var t in tickets)
        {
            body.Add(new ColumnSet(
            [
                new Column([new TextBlock(t.Number) { Weight = "Bolder" }]) { Width = "auto" },
                new Column([new RichTextBlock([new TextRun(Shorten(t.Description, 60))])]) { Width = "stretch" },
                new Column([new TextBlock(Text.Get($"Status_{t.Status}", c)) { Color = StatusColor(t.Status) }]) { Width = "auto" },
                new Column([new ActionSet([Execute(t, TicketVerbs.Show, "Action_Show", c)])]) { Width = "auto" },
            ])
            { Separator = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = Text.Get("MyTickets_Title", c) };
    }

    private static TextBlock Header(TicketView t, CultureInfo c) =>
        new(Text.Format("Card_Header", c, t.Number, Text.Get($"Topic_{t.Topic}", c), Text.Get($"Status_{t.Status}", c)))
        {
            Weight = "Bolder",
            Size = "Medium",
            Color = StatusColor(t.Status),
        };

    private static List<Fact> Facts(TicketView t, CultureInfo c)
    {
        var facts = new List<Fact>();
        facts.Add(new Fact(Text.Get("Card_Unit", c), t.UnitName ?? "—"));
        facts.Add(new Fact(Text.Get("Card_Location", c), t.LocationName ?? "—"));
        facts.Add(new Fact(Text.Get("Card_Topic", c), Text.Get($"Topic_{t.Topic}", c)));
        facts.Add(new Fact(Text.Get("Card_Urgency", c), Text.Get($"Urgency_{t.Urgency}", c)));
        facts.Add(new Fact(Text.Get("Card_Status", c), Text.Get($"Status_{t.Status}", c)));
        if (t.AssigneeName is not null)
        {
            facts.Add(new Fact(Text.Get("Card_Assignee", c), t.AssigneeName));
        }

        if (t.Rating is not null)
        {
            facts.Add(new Fact(Text.Get("Card_Rating", c), new string('★', t.Rating.Value) + new string('☆', 5 - t.Rating.Value)));
        }

        facts.Add(new Fact(Text.Get("Card_Created", c), Istanbul(t.CreatedAt, c)));
        return facts;
    }

    /// <summary>
    /// Typed values (device, hold reason) as label + literal text, since a FactSet value is read as markdown. The
    /// requester's name is shown the same way: it comes from Teams and may hold markdown.
    /// </summary>
    private static IEnumerable<CardElement> TypedFacts(TicketView t, CultureInfo c)
    {
        if (t.Device is not null)
        {
            yield return UserFact(Text.Get("Card_Device", c), t.Device);
        }

        if (t.PendingReason is not null && t.Status == TicketStatus.Pending)
        {
            yield return UserFact(Text.Get("Card_PendingReason", c), t.PendingReason);
        }
    }

    private static ColumnSet UserFact(string label, string value) => new(
    [
        new Column([new TextBlock(label) { Weight = "Bolder" }]) { Width = "auto" },
        new Column([UserText(value)]) { Width = "stretch" },
    ])
    { Spacing = "Small" };

    private static void AddResolution(List<CardElement> body, TicketView t, CultureInfo c)
    {
        if (t.ResolutionNote is not null)
        {
            body.Add(Label("Card_ResolutionNote", c));
            body.Add(UserText(t.ResolutionNote));
        }
    }

    private static void AddHistory(List<CardElement> body, TicketView t, CultureInfo c)
    {
        // TextRuns: a cartridge model or a name in the history is shown as typed, never as markdown.
        var lines = t.History.TakeLast(HistoryLinesShown)
            .Select(h => (CardElement)new RichTextBlock([new TextRun($"{Istanbul(h.At, c)} · {EventText(h.Kind, h.ActorName, HistoryDetail(h), c)}{FreeText(h)}") { Size = "Small", IsSubtle = true }])
            {
                Spacing = "None",
            })
            .ToList();
        body.Add(new Container([new TextBlock(Text.Get("Card_History", c)) { Weight = "Bolder", Size = "Small" }, .. lines]) { Separator = true, Spacing = "Medium" });
    }

    private static List<CardAction> ChannelActions(TicketView t, CultureInfo c)
    {
        var actions = new List<CardAction>();
        switch (t.Status)
        {
            case TicketStatus.New or TicketStatus.Reopened:
                actions.Add(Execute(t, TicketVerbs.Claim, "Action_Claim", c, "positive"));
                break;
            case TicketStatus.Assigned:
                actions.Add(WithInput(t, TicketVerbs.Hold, "Action_Hold", "reason", "Input_HoldReason", c, required: true, multiline: false));
                break;
            case TicketStatus.Pending:
                actions.Add(Execute(t, TicketVerbs.Resume, "Action_Resume", c));
                break;
            default:
                return actions;
        }

        if (t.Technicians.Count > 0)
        {
            var choose = new ChoiceSetInput(t.Technicians.Select(p => new Choice(p.Name, p.Id.ToString(CultureInfo.InvariantCulture))).ToList())
            {
                Id = "assignee",
                Label = Text.Get("Input_Assignee", c),
                IsRequired = true,
                ErrorMessage = Text.Get("Input_Required", c),
            };
            actions.Add(new ShowCardAction(Text.Get("Action_HandOver", c), new AdaptiveCard
            {
                Body = [choose],
                Actions = [Execute(t, TicketVerbs.HandOver, "Action_HandOverConfirm", c) with { AssociatedInputs = "auto" }],
            }));
        }

        actions.Add(ResolveAction(t, c));
        return actions;
    }

    private static ShowCardAction ResolveAction(TicketView t, CultureInfo c)
    {
        var inputs = new List<CardElement>
        {
            new TextInput
            {
                Id = "note",
                Label = Text.Get("Input_ResolutionNote", c),
                IsMultiline = true,
                IsRequired = true,
                MaxLength = 500,
                ErrorMessage = Text.Get("Input_Required", c),
            },
        };
        if (t.Topic == TicketTopic.Printer)
        {
            inputs.Add(new TextInput
            {
                Id = "cartridge",
                Label = Text.Get("Input_Cartridge", c),
                Placeholder = t.CartridgeModel ?? Text.Get("Input_CartridgePlaceholder", c),
                MaxLength = 100,
            });
        }

        return new ShowCardAction(Text.Get("Action_Resolve", c), new AdaptiveCard
        {
            Body = inputs,
            Actions = [Execute(t, TicketVerbs.Resolve, "Action_ResolveConfirm", c, "positive") with { AssociatedInputs = "auto" }],
        });
    }

    private static List<CardAction> ResolutionActions(TicketView t, CultureInfo c)
    {
        var rating = new ChoiceSetInput(Enumerable.Range(1, 5).Reverse()
            .Select(i => new Choice(new string('★', i) + " " + Text.Get($"Rating_{i}", c), i.ToString(CultureInfo.InvariantCulture))).ToList())
        {
            Id = "rating",
            Label = Text.Get("Input_Rating", c),
            Style = "expanded",
        };
        return
        [
            new ShowCardAction(Text.Get("Action_Confirm", c), new AdaptiveCard
            {
                Body = [rating],
                Actions = [Execute(t, TicketVerbs.Confirm, "Action_ConfirmSend", c, "positive") with { AssociatedInputs = "auto" }],
                }),
            WithInput(t, TicketVerbs.Reopen, "Action_Reopen", "reason", "Input_ReopenReason", c, required: true, multiline: true),
        ];
    }

    private static ShowCardAction WithInput(TicketView t, string verb, string titleKey, string inputId, string labelKey, CultureInfo c, bool required, bool multiline) =>
        new(Text.Get(titleKey, c), new AdaptiveCard
        {
            Body =
            [
                new TextInput
                {
                    Id = inputId,
                    Label = Text.Get(labelKey, c),
                    IsMultiline = multiline,
                    IsRequired = required,
                    MaxLength = 500,
                    ErrorMessage = required ? Text.Get("Input_Required", c) : null,
                },
            ],
            Actions = [Execute(t, verb, "Action_Send", c) with { AssociatedInputs = "auto" }],
        });

    private static ExecuteAction Execute(TicketView t, string verb, string titleKey, CultureInfo c, string? style = null) =>
        new(Text.Get(titleKey, c), verb, CardJson.Data(new TicketActionData(t.Id))) { Style = style };

    /// <summary>The detail a history line shows: who it went to, the rating, the cartridge; free text (reasons, notes) stays out.</summary>
    private static string? HistoryDetail(TicketHistoryLine h) =>
        h.Kind is TicketEventKind.HandedOver or TicketEventKind.Rated or TicketEventKind.ConsumableReplaced ? h.Detail : null;

    /// <summary>A note, a hold or reopen reason typed by someone, after the event (a TextRun: shown as typed).</summary>
    private static string FreeText(TicketHistoryLine h) =>
        h.Detail is { Length: > 0 } d && h.Kind is TicketEventKind.NoteAdded or TicketEventKind.PutOnHold or TicketEventKind.Reopened or TicketEventKind.Cancelled
            ? ": " + d
            : string.Empty;

    public static string EventText(TicketEventKind kind, string actor, string? detail, CultureInfo c) =>
        Text.Format($"Event_{kind}", c, actor, detail ?? string.Empty);

    /// <summary>What a person typed, shown literally: a TextRun is never read as markdown or a link.</summary>
    public static RichTextBlock UserText(string text) => new([new TextRun(text)]);

    private static TextBlock Label(string key, CultureInfo c) => new(Text.Get(key, c)) { Weight = "Bolder", Spacing = "Medium" };

    private static string Istanbul(DateTimeOffset at, CultureInfo c) =>
        HelpdeskBot.Domain.Common.Istanbul.ToLocal(at).ToString("g", c);

    private static string Shorten(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");

    private static string StatusColor(TicketStatus s) => s switch
    {
        TicketStatus.New or TicketStatus.Reopened => "Attention",
        TicketStatus.Pending => "Warning",
        TicketStatus.Resolved or TicketStatus.Closed => "Good",
        _ => "Default",
    };
}
