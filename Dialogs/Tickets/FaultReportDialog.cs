using System.Globalization;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Conversations;
using HelpdeskBot.Cards.Tickets;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Dialogs.Tickets;

public enum ReportStep
{
    Topic,
    Unit,
    Location,
    Device,
    Checks,
    Description,
    Urgency,
    Confirm,
}

/// <summary>
/// The state of a fault report in progress. The next question is always the first one without an answer, so
/// "back" simply forgets the previous answer, and a state written by an older build is read as it is.
/// </summary>
public sealed record FaultReportState
{
    /// <summary>This report's id, stamped on its buttons.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N")[..12];

    public TicketTopic? Topic { get; init; }
    public int? UnitId { get; init; }
    public int? LocationId { get; init; }
    public bool DeviceAnswered { get; init; }
    public string? Device { get; init; }
    public int? AssetId { get; init; }
    public int CheckIndex { get; init; }
    public bool ChecksDone { get; init; }
    public IReadOnlyList<PrinterCheck> ChecksTried { get; init; } = [];
    public string? Description { get; init; }
    public Urgency? Urgency { get; init; }

    /// <summary>When free text matched several units or locations, the short list offered, as ids.</summary>
    public IReadOnlyList<int>? Narrowed { get; init; }

    public ReportStep Step =>
        Topic is null ? ReportStep.Topic
        : UnitId is null ? ReportStep.Unit
        : LocationId is null ? ReportStep.Location
        : !DeviceAnswered ? ReportStep.Device
        : Topic == TicketTopic.Printer && !ChecksDone ? ReportStep.Checks
        : Description is null ? ReportStep.Description
        : Urgency is null ? ReportStep.Urgency
        : ReportStep.Confirm;

    /// <summary>Forgets the answer before <paramref name="current"/>, so that question is asked again.</summary>
    public FaultReportState Back(ReportStep current) => current switch
    {
        ReportStep.Unit => this with { Topic = null, Narrowed = null },
        ReportStep.Location => this with { UnitId = null, Narrowed = null },
        ReportStep.Device => this with { LocationId = null, Narrowed = null },
        ReportStep.Checks when CheckIndex > 0 => this with { CheckIndex = CheckIndex - 1, ChecksTried = ChecksTried.Take(CheckIndex - 1).ToList() },
        ReportStep.Checks => this with { DeviceAnswered = false, Device = null, AssetId = null },
        ReportStep.Description when Topic == TicketTopic.Printer => this with { ChecksDone = false, CheckIndex = 0, ChecksTried = [] },
        ReportStep.Description => this with { DeviceAnswered = false, Device = null, AssetId = null },
        ReportStep.Urgency => this with { Description = null },
        ReportStep.Confirm => this with { Urgency = null },
        _ => this,
    };
}

/// <summary>
/// Walks a staff member through a fault / help request: topic, unit, service location, device, the printer
/// self-checks, what happened, urgency, and a summary to confirm. Then files the ticket.
/// </summary>
public sealed class FaultReportDialog(
    IDirectory directory,
    IAssetRepository assets,
    IDialogStateRepository states,
    FileTicket fileTicket,
    RecordSelfResolution recordSelfResolution,
    TicketViewFactory views) : Dialog<FaultReportState>
{
    public const string DialogName = "fault-report";

    private static readonly PrinterCheck[] Checks = Enum.GetValues<PrinterCheck>();

    public override string Name => DialogName;

    public override int Version => 1;

    /// <summary>Starts a report; what the first message already said (topic, description) is kept.</summary>
    public async Task<DialogStep<FaultReportState>> StartAsync(UserTurn turn, TicketTopic? topic, string? description, CancellationToken ct)
    {
        var state = new FaultReportState { Topic = topic, Description = description };
        var intro = topic is null
            ? Text.Get("Report_Intro", turn.Culture)
            : Text.Format("Report_IntroWithTopic", turn.Culture, Text.Get($"Topic_{topic}", turn.Culture));
        return new DialogStep<FaultReportState>(state, [new TextReply(intro), .. await PromptAsync(state, turn, ct)]);
    }

    public override async Task<DialogStep<FaultReportState>> ContinueAsync(FaultReportState state, UserTurn turn, CancellationToken ct)
    {
        var c = turn.Culture;
        var step = state.Step;
        var input = DialogInput.Read(turn, state.Id, step.ToString());
        switch (input.Kind)
        {
            case DialogInputKind.Back when step == ReportStep.Topic:
                return await ReaskAsync(state, Text.Get("Dialog_NoBack", c), turn, ct);
            case DialogInputKind.Back:
                var previous = state.Back(step);
                return Stay(previous, [.. await PromptAsync(previous, turn, ct)]);
            case DialogInputKind.Help:
                return await ReaskAsync(state, Text.Get("Dialog_Help", c), turn, ct);
            case DialogInputKind.Problem:
                return await ReaskAsync(state, input.Problem!, turn, ct);
        }

        var answer = input.Answer!;
        return step switch
        {
            ReportStep.Topic => await AnswerTopicAsync(state, answer, turn, ct),
            ReportStep.Unit => await AnswerUnitAsync(state, answer, turn, ct),
            ReportStep.Location => await AnswerLocationAsync(state, answer, turn, ct),
            ReportStep.Device => await AnswerDeviceAsync(state, answer, turn, ct),
            ReportStep.Checks => await AnswerCheckAsync(state, answer, turn, ct),
            ReportStep.Description => await AnswerDescriptionAsync(state, answer, turn, ct),
            ReportStep.Urgency => await AnswerUrgencyAsync(state, answer, turn, ct),
            _ => await AnswerConfirmAsync(state, answer, turn, ct),
        };
    }

    private async Task<DialogStep<FaultReportState>> AnswerTopicAsync(FaultReportState s, string answer, UserTurn turn, CancellationToken ct)
    {
        var topic = Enum.TryParse<TicketTopic>(answer, out var t) && Enum.IsDefined(t) && !int.TryParse(answer, out _)
            ? t
            : ChoiceMatcher.Match(answer, TopicChoices(turn.Culture)).Select(v => (TicketTopic?)Enum.Parse<TicketTopic>(v)).FirstOrDefault()
              ?? TopicRecognizer.Recognize(answer);
        if (topic is null)
        {
            return await ReaskAsync(s, Text.Format("Report_TopicUnknown", turn.Culture, Shorten(answer)), turn, ct);
        }

        return await NextAsync(s with { Topic = topic }, turn, ct);
    }

    private async Task<DialogStep<FaultReportState>> AnswerUnitAsync(FaultReportState s, string answer, UserTurn turn, CancellationToken ct)
    {
        var units = await directory.ListUnitsAsync(ct);
        var candidates = units.Where(u => s.Narrowed is null || s.Narrowed.Contains(u.Id)).Select(u => new PromptChoice(u.Name, Id(u.Id))).ToList();
        var matches = ChoiceMatcher.Match(answer, candidates);
        return matches.Count switch
        {
            1 => await NextAsync(s with { UnitId = int.Parse(matches[0], CultureInfo.InvariantCulture), Narrowed = null }, turn, ct),
            0 => await ReaskAsync(s with { Narrowed = null }, Text.Format("Report_UnitUnknown", turn.Culture, Shorten(answer)), turn, ct),
            _ => await ReaskAsync(s with { Narrowed = matches.Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToList() }, Text.Get("Report_Ambiguous", turn.Culture), turn, ct),
        };
    }

    private async Task<DialogStep<FaultReportState>> AnswerLocationAsync(FaultReportState s, string answer, UserTurn turn, CancellationToken ct)
    {
        var locations = await directory.ListLocationsAsync(ct);
        var candidates = locations.Where(l => s.Narrowed is null || s.Narrowed.Contains(l.Id)).Select(l => new PromptChoice(l.Name, Id(l.Id))).ToList();
        var matches = ChoiceMatcher.Match(answer, candidates);
        return matches.Count switch
        {
            1 => await NextAsync(s with { LocationId = int.Parse(matches[0], CultureInfo.InvariantCulture), Narrowed = null }, turn, ct),
            0 => await ReaskAsync(s with { Narrowed = null }, Text.Format("Report_LocationUnknown", turn.Culture, Shorten(answer)), turn, ct),
            _ => await ReaskAsync(s with { Narrowed = matches.Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToList() }, Text.Get("Report_Ambiguous", turn.Culture), turn, ct),
        };
    }

    private async Task<DialogStep<FaultReportState>> AnswerDeviceAsync(FaultReportState s, string answer, UserTurn turn, CancellationToken ct)
    {
        if (TurkishText.IsExactly(answer, "none", "atla", "skip", "yok", "bilmiyorum", "listede yok", "geç", "gec"))
        {
            return await NextAsync(s with { DeviceAnswered = true, Device = null, AssetId = null }, turn, ct);
        }

        var devices = await DevicesAsync(s, ct);
        var matches = ChoiceMatcher.Match(answer, devices.Select(a => new PromptChoice(a.Label, Id(a.Id))).ToList());
        if (matches.Count == 0)
        {
            // Not one of ours: an asset tag of any printer, or a free description of the device.
            var all = await assets.ListAsync(null, null, null, ct);
            var byTag = all.FirstOrDefault(a => string.Equals(TurkishText.Fold(a.Tag), TurkishText.Fold(answer), StringComparison.Ordinal));
            if (byTag is not null)
            {
                return await NextAsync(s with { DeviceAnswered = true, AssetId = byTag.Id, Device = null }, turn, ct);
            }

            if (answer.Trim().Length > TextRules.MaxShortText)
            {
                return await ReaskAsync(s, Text.Format("Dialog_TooLong", turn.Culture, TextRules.MaxShortText), turn, ct);
            }

            return await NextAsync(s with { DeviceAnswered = true, Device = answer.Trim(), AssetId = null }, turn, ct);
        }

        return await NextAsync(s with { DeviceAnswered = true, AssetId = int.Parse(matches[0], CultureInfo.InvariantCulture), Device = null }, turn, ct);
    }

    private async Task<DialogStep<FaultReportState>> AnswerCheckAsync(FaultReportState s, string answer, UserTurn turn, CancellationToken ct)
    {
        var c = turn.Culture;
        var check = Checks[s.CheckIndex];
        if (answer == "solved" || TurkishText.IsExactly(answer, "çözüldü", "cozuldu", "düzeldi", "oldu", "solved", "fixed", "yes it works", "evet"))
        {
            // Solved alone: recorded for the deflection rate, and IT is not bothered. The dialog ends in the same transaction.
            await states.ForgetAsync(turn.ConversationId, ct);
            await recordSelfResolution.ExecuteAsync(turn.User, TicketTopic.Printer, check, s.AssetId, ct);
            return End(new TextReply(Text.Get("Check_SelfResolved", c)));
        }

        if (answer == "skip" || TurkishText.IsExactly(answer, "hepsini atla", "atla", "skip", "skip all"))
        {
            return await NextAsync(s with { ChecksDone = true }, turn, ct);
        }

        if (answer == "next" || TurkishText.IsExactly(answer, "sonraki", "devam", "hayır", "hayir", "olmadı", "olmadi", "next", "no"))
        {
            var tried = s.ChecksTried.Append(check).ToList();
            if (s.CheckIndex + 1 >= Checks.Length)
            {
                var done = s with { ChecksTried = tried, ChecksDone = true };
                return Stay(done, [new TextReply(Text.Get("Check_NotSolved", c)), .. await PromptAsync(done, turn, ct)]);
            }

            return await NextAsync(s with { ChecksTried = tried, CheckIndex = s.CheckIndex + 1 }, turn, ct);
        }

        return await ReaskAsync(s, Text.Get("Check_Unclear", c), turn, ct);
    }

    private async Task<DialogStep<FaultReportState>> AnswerDescriptionAsync(FaultReportState s, string answer, UserTurn turn, CancellationToken ct)
    {
        var text = answer; // trimmed, at most TextRules.MaxDescription (DialogInput)
        if (TurkishText.Words(text).Length < 2 && text.Length < 10)
        {
            return await ReaskAsync(s, Text.Get("Report_DescriptionTooShort", turn.Culture), turn, ct);
        }

        return await NextAsync(s with { Description = text }, turn, ct);
    }

    private async Task<DialogStep<FaultReportState>> AnswerUrgencyAsync(FaultReportState s, string answer, UserTurn turn, CancellationToken ct)
    {
        var urgency = Enum.TryParse<Urgency>(answer, out var u) && Enum.IsDefined(u) && !int.TryParse(answer, out _)
            ? u
            : ChoiceMatcher.Match(answer, UrgencyChoices(turn.Culture)).Select(v => (Urgency?)Enum.Parse<Urgency>(v)).FirstOrDefault();
        urgency ??= TurkishText.Fold(answer) switch
        {
            "acil" or "urgent" or "hemen" => Urgency.High,
            "orta" or "medium" => Urgency.Normal,
            "cok acil" or "very urgent" => Urgency.Critical,
            _ => null,
        };
        if (urgency is null)
        {
            return await ReaskAsync(s, Text.Format("Report_UrgencyUnknown", turn.Culture, Shorten(answer)), turn, ct);
        }

        return await NextAsync(s with { Urgency = urgency }, turn, ct);
    }

    private async Task<DialogStep<FaultReportState>> AnswerConfirmAsync(FaultReportState s, string answer, UserTurn turn, CancellationToken ct)
    {
        var c = turn.Culture;
        if (answer == "back" || TurkishText.IsExactly(answer, "düzelt", "duzelt", "edit"))
        {
            var previous = s.Back(ReportStep.Confirm);
            return Stay(previous, [.. await PromptAsync(previous, turn, ct)]);
        }

        if (answer == "cancel")
        {
            await states.ForgetAsync(turn.ConversationId, ct);
            return End(new TextReply(Text.Get("Dialog_Cancelled", c)));
        }

        if (answer != "send" && !TurkishText.IsExactly(answer, "gönder", "gonder", "evet", "tamam", "onayla", "send", "yes", "ok", "confirm"))
        {
            return await ReaskAsync(s, Text.Get("Report_ConfirmUnclear", c), turn, ct);
        }

        // Ending the dialog and filing the ticket commit together: a second press of "send" cannot file twice.
        await states.ForgetAsync(turn.ConversationId, ct);
        var ticket = await fileTicket.ExecuteAsync(new FileTicketCommand(turn.User, s.Topic!.Value, s.UnitId, s.LocationId, s.Device, s.AssetId,
            s.Description!, s.Urgency!.Value, s.ChecksTried), ct);
        var view = await views.CreateAsync(ticket, ct);
        return End(new TextReply(Text.Format("Report_Filed", c, ticket.Number)), new CardReply(TicketCards.Detail(view, viewerIsRequester: true, c)));
    }

    private async Task<DialogStep<FaultReportState>> NextAsync(FaultReportState s, UserTurn turn, CancellationToken ct) =>
        Stay(s, [.. await PromptAsync(s, turn, ct)]);

    private async Task<DialogStep<FaultReportState>> ReaskAsync(FaultReportState s, string reason, UserTurn turn, CancellationToken ct) =>
        Stay(s, [new TextReply(reason), .. await PromptAsync(s, turn, ct)]);

    /// <summary>The question for the state's current step.</summary>
    public async Task<IReadOnlyList<Reply>> PromptAsync(FaultReportState s, UserTurn turn, CancellationToken ct)
    {
        var c = turn.Culture;
        var step = s.Step.ToString();
        switch (s.Step)
        {
            case ReportStep.Topic:
                return [new CardReply(PromptCards.Choice(Text.Get("Report_AskTopic", c), Text.Get("Report_AskTopicHint", c), step, TopicChoices(c), c, s.Id))];
            case ReportStep.Unit:
                {
                    var units = await directory.ListUnitsAsync(ct);
                    var own = turn.User.UnitId;
                    var choices = units.Where(u => s.Narrowed is null || s.Narrowed.Contains(u.Id))
                        .OrderBy(u => u.Id == own ? 0 : 1)
                        .Select(u => new PromptChoice(u.Id == own ? Text.Format("Report_YourUnit", c, u.Name) : u.Name, Id(u.Id))).ToList();
                    return [new CardReply(PromptCards.Choice(Text.Get("Report_AskUnit", c), Text.Get("Report_AskFreeTextHint", c), step, choices, c, s.Id))];
                }

            case ReportStep.Location:
                {
                    var locations = await directory.ListLocationsAsync(ct);
                    var choices = locations.Where(l => s.Narrowed is null || s.Narrowed.Contains(l.Id))
                        .OrderBy(l => l.UnitId == s.UnitId ? 0 : l.UnitId is null ? 1 : 2)
                        .Select(l => new PromptChoice(l.Name, Id(l.Id))).ToList();
                    return [new CardReply(PromptCards.Choice(Text.Get("Report_AskLocation", c), Text.Get("Report_AskFreeTextHint", c), step, choices, c, s.Id))];
                }

            case ReportStep.Device:
                {
                    var devices = await DevicesAsync(s, ct);
                    var choices = devices.Take(4).Select(a => new PromptChoice(a.Label, Id(a.Id))).Append(new PromptChoice(Text.Get("Report_DeviceNone", c), "none")).ToList();
                    var key = s.Topic == TicketTopic.Printer ? "Report_AskPrinter" : "Report_AskDevice";
                    var hint = devices.Count > 0 ? "Report_AskDeviceHint" : "Report_AskDeviceHintFree";
                    return [new CardReply(PromptCards.Choice(Text.Get(key, c), Text.Get(hint, c), step, choices, c, s.Id))];
                }

            case ReportStep.Checks:
                {
                    var check = Checks[s.CheckIndex];
                    var intro = s.CheckIndex == 0 ? new Reply[] { new TextReply(Text.Get("Check_Intro", c)) } : [];
                    return [.. intro, new CardReply(PromptCards.PrinterCheck(Text.Get($"Check_{check}_Title", c), Text.Get($"Check_{check}_Text", c), s.CheckIndex, Checks.Length, step, c, s.Id))];
                }

            case ReportStep.Description:
                return [new TextReply(Text.Get("Report_AskDescription", c))];
            case ReportStep.Urgency:
                return [new CardReply(PromptCards.Choice(Text.Get("Report_AskUrgency", c), null, step, UrgencyChoices(c), c, s.Id))];
            default:
                return [new CardReply(PromptCards.Summary(Text.Get("Report_SummaryTitle", c), await SummaryLinesAsync(s, c, ct), step, c, s.Id))];
        }
    }

    private async Task<IReadOnlyList<(string, string, bool)>> SummaryLinesAsync(FaultReportState s, CultureInfo c, CancellationToken ct)
    {
        var unit = s.UnitId is { } u ? await directory.FindUnitAsync(u, ct) : null;
        var location = s.LocationId is { } l ? await directory.FindLocationAsync(l, ct) : null;
        var asset = s.AssetId is { } a ? await assets.FindAsync(a, ct) : null;
        var lines = new List<(string, string, bool)>
        {
            (Text.Get("Card_Topic", c), Text.Get($"Topic_{s.Topic}", c), false),
            (Text.Get("Card_Unit", c), unit?.Name ?? "—", false),
            (Text.Get("Card_Location", c), location?.Name ?? "—", false),
            (Text.Get("Card_Device", c), asset?.Label ?? s.Device ?? "—", asset is null),
            (Text.Get("Card_Description", c), s.Description ?? string.Empty, true),
            (Text.Get("Card_Urgency", c), Text.Get($"Urgency_{s.Urgency}", c), false),
        };
        if (s.ChecksTried.Count > 0)
        {
            lines.Add((Text.Get("Card_ChecksTriedLabel", c), string.Join(", ", s.ChecksTried.Select(k => Text.Get($"Check_{k}_Title", c))), false));
        }

        return lines;
    }

    private async Task<IReadOnlyList<Asset>> DevicesAsync(FaultReportState s, CancellationToken ct)
    {
        var kind = s.Topic switch
        {
            TicketTopic.Printer => AssetKind.Printer,
            TicketTopic.Computer => AssetKind.Computer,
            _ => (AssetKind?)null,
        };
        if (kind is null)
        {
            return [];
        }

        var all = await assets.ListAsync(kind, null, null, ct);
        // Devices at the chosen location first, then the unit's.
        return all.Where(a => a.LocationId == s.LocationId || a.UnitId == s.UnitId)
            .OrderBy(a => a.LocationId == s.LocationId ? 0 : 1).ThenBy(a => a.Tag, StringComparer.Ordinal).ToList();
    }

    private static List<PromptChoice> TopicChoices(CultureInfo c) =>
        Enum.GetValues<TicketTopic>().Where(t => t != TicketTopic.Backup).Select(t => new PromptChoice(Text.Get($"Topic_{t}", c), t.ToString())).ToList();

    public static List<PromptChoice> UrgencyChoices(CultureInfo c) =>
        Enum.GetValues<Urgency>().Select(u => new PromptChoice(Text.Get($"Urgency_{u}", c), u.ToString())).ToList();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The user's answer, shortened and made literal, to quote it back in a message.</summary>
    private static string Shorten(string s) => Text.Literal(s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 39), "…"));
}
