using System.Globalization;
using HelpdeskBot.Cards.Approvals;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Conversations;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Money;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Dialogs.Approvals;

public enum RequestStep
{
    Kind,
    Items,
    BudgetLine,
    Justification,
    ReplacedAsset,
    Urgency,
    Confirm,
}

/// <summary>A change request or an expenditure being written. The next question is the first one without an answer.</summary>
public sealed record RequestDialogState
{
    public string Id { get; init; } = Guid.NewGuid().ToString("N")[..12];
    public RequestType Type { get; init; }
    public ChangeKind? Kind { get; init; }
    public IReadOnlyList<RequestLine>? Items { get; init; }
    public int? BudgetLineId { get; init; }
    public string? Justification { get; init; }
    public bool ReplacedAnswered { get; init; }
    public int? ReplacedAssetId { get; init; }
    public Urgency? Urgency { get; init; }

    public RequestStep Step =>
        Type == RequestType.Change && Kind is null ? RequestStep.Kind
        : Items is null ? RequestStep.Items
        : Type == RequestType.Expenditure && BudgetLineId is null ? RequestStep.BudgetLine
        : Justification is null ? RequestStep.Justification
        : Kind == ChangeKind.Replacement && !ReplacedAnswered ? RequestStep.ReplacedAsset
        : Urgency is null ? RequestStep.Urgency
        : RequestStep.Confirm;

    public RequestDialogState Back() => Step switch
    {
        RequestStep.Items => this with { Kind = null },
        RequestStep.BudgetLine => this with { Items = null },
        RequestStep.Justification when Type == RequestType.Expenditure => this with { BudgetLineId = null },
        RequestStep.Justification => this with { Items = null },
        RequestStep.ReplacedAsset => this with { Justification = null },
        RequestStep.Urgency when Kind == ChangeKind.Replacement => this with { ReplacedAnswered = false, ReplacedAssetId = null },
        RequestStep.Urgency => this with { Justification = null },
        RequestStep.Confirm => this with { Urgency = null },
        _ => this,
    };
}

/// <summary>
/// Walks a person through a change request (kind, items, justification, the asset replaced, urgency) or, for IT
/// staff, a directorate expenditure (items with unit prices, budget line, justification, urgency), then files it.
/// </summary>
public sealed class RequestDialog(
    IApprovalRepository approvals,
    IAssetRepository assets,
    IDialogStateRepository states,
    SubmitRequest submit,
    DirectPurchasePolicy directPurchase,
    TimeProvider clock) : Dialog<RequestDialogState>
{
    public const string DialogName = "approval-request";

    public override string Name => DialogName;

    public override int Version => 1;

    public async Task<DialogStep<RequestDialogState>> StartAsync(UserTurn turn, RequestType type, ChangeKind? kind, CancellationToken ct)
    {
        var state = new RequestDialogState { Type = type, Kind = kind };
        var intro = Text.Get(type == RequestType.Change ? "ChangeDialog_Intro" : "ExpenseDialog_Intro", turn.Culture);
        return new DialogStep<RequestDialogState>(state, [new TextReply(intro), .. await PromptAsync(state, turn, ct)]);
    }

    public override async Task<DialogStep<RequestDialogState>> ContinueAsync(RequestDialogState state, UserTurn turn, CancellationToken ct)
    {
        var c = turn.Culture;
        var step = state.Step;
        var input = DialogInput.Read(turn, state.Id, step.ToString());
        switch (input.Kind)
        {
            case DialogInputKind.Back:
                var previous = state.Back();
                return previous == state
                    ? await ReaskAsync(state, Text.Get("Dialog_NoBack", c), turn, ct)
                    : Stay(previous, [.. await PromptAsync(previous, turn, ct)]);
            case DialogInputKind.Help:
                return await ReaskAsync(state, Text.Get("Dialog_Help", c), turn, ct);
            case DialogInputKind.Problem:
                return await ReaskAsync(state, input.Problem!, turn, ct);
        }

        var answer = input.Answer!;
        return step switch
        {
            RequestStep.Kind => await ChooseAsync(state, answer, KindChoices(c), v => state with { Kind = Enum.Parse<ChangeKind>(v) }, turn, ct),
            RequestStep.Items => await AnswerItemsAsync(state, answer, turn, ct),
            RequestStep.BudgetLine => await AnswerBudgetLineAsync(state, answer, turn, ct),
            RequestStep.Justification => TurkishText.Words(answer).Length < 2
                ? await ReaskAsync(state, Text.Get("ChangeDialog_JustificationShort", c), turn, ct)
                : await NextAsync(state with { Justification = answer }, turn, ct),
            RequestStep.ReplacedAsset => await AnswerReplacedAsync(state, answer, turn, ct),
            RequestStep.Urgency => await ChooseAsync(state, answer, Tickets.FaultReportDialog.UrgencyChoices(c), v => state with { Urgency = Enum.Parse<Urgency>(v) }, turn, ct),
            _ => await ConfirmAsync(state, answer, turn, ct),
        };
    }

    private async Task<DialogStep<RequestDialogState>> ChooseAsync(RequestDialogState s, string answer, IReadOnlyList<PromptChoice> choices,
        Func<string, RequestDialogState> apply, UserTurn turn, CancellationToken ct)
    {
        var matches = ChoiceMatcher.Match(answer, choices);
        return matches.Count == 1
            ? await NextAsync(apply(matches[0]), turn, ct)
            : await ReaskAsync(s, Text.Get(matches.Count == 0 ? "Dialog_ChooseOne" : "Report_Ambiguous", turn.Culture), turn, ct);
    }

    private async Task<DialogStep<RequestDialogState>> AnswerItemsAsync(RequestDialogState s, string answer, UserTurn turn, CancellationToken ct)
    {
        var withPrices = s.Type == RequestType.Expenditure;
        var parsed = ItemParser.Parse(answer, withPrices);
        if (parsed.BadLine is { } bad)
        {
            var line = Text.Literal(parsed.BadText!.Length > 40 ? parsed.BadText[..40] + "…" : parsed.BadText);
            var problem = parsed.Problem == ItemProblem.Quantity
                ? Text.Format("Items_BadQuantity", turn.Culture, bad, line, RequestLine.MaxQuantity)
                : Text.Format(withPrices ? "ExpenseDialog_BadLine" : "ChangeDialog_BadLine", turn.Culture, bad, line);
            return await ReaskAsync(s, problem, turn, ct);
        }

        if (parsed.Lines.Count is 0 or > ItemParser.MaxLines)
        {
            return await ReaskAsync(s, Text.Format("ChangeDialog_TooManyLines", turn.Culture, ItemParser.MaxLines), turn, ct);
        }

        return await NextAsync(s with { Items = parsed.Lines }, turn, ct);
    }

    private async Task<DialogStep<RequestDialogState>> AnswerReplacedAsync(RequestDialogState s, string answer, UserTurn turn, CancellationToken ct)
    {
        if (TurkishText.IsExactly(answer, "none", "yok", "bilmiyorum", "atla", "skip", "don't know"))
        {
            return await NextAsync(s with { ReplacedAnswered = true, ReplacedAssetId = null }, turn, ct);
        }

        var matches = ChoiceMatcher.Match(answer, await AssetChoicesAsync(turn, ct));
        if (matches.Count == 1 && int.TryParse(matches[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return await NextAsync(s with { ReplacedAnswered = true, ReplacedAssetId = id }, turn, ct);
        }

        if (await assets.FindByTagAsync(answer, ct) is { } byTag)
        {
            return byTag.MayBeReplacedFor(turn.User)
                ? await NextAsync(s with { ReplacedAnswered = true, ReplacedAssetId = byTag.Id }, turn, ct)
                : await ReaskAsync(s, Text.Format("ChangeDialog_AssetNotYours", turn.Culture, byTag.Tag), turn, ct);
        }

        return await ReaskAsync(s, Text.Format("ChangeDialog_AssetUnknown", turn.Culture, Text.Literal(answer.Length > 40 ? answer[..40] : answer)), turn, ct);
    }

    private async Task<DialogStep<RequestDialogState>> ConfirmAsync(RequestDialogState s, string answer, UserTurn turn, CancellationToken ct)
    {
        var c = turn.Culture;
        if (answer == "back" || TurkishText.IsExactly(answer, "düzelt", "duzelt", "edit"))
        {
            var previous = s.Back();
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

        // Ending the dialog and filing the request commit together: a second "send" cannot file twice.
        await states.ForgetAsync(turn.ConversationId, ct);
        ApprovalRequest request;
        try
        {
            request = s.Type == RequestType.Change
                ? await submit.ChangeAsync(new ChangeRequestCommand(turn.User, turn.User.UnitId, s.Kind!.Value, s.Items!, s.Justification!, s.ReplacedAssetId, s.Urgency!.Value), ct)
                : await submit.ExpenditureAsync(new ExpenditureCommand(turn.User, s.BudgetLineId!.Value, s.Items!, s.Justification!, s.Urgency!.Value), ct);
        }
        catch (BudgetExceededException ex)
        {
            // Refused with the figures; the request stays open to correct ("geri") or cancel.
            return Stay(s, [new TextReply(BudgetText(ex, c)), .. await PromptAsync(s, turn, ct)]);
        }
        catch (DomainException ex) when (ex.Error == DomainError.NoApprover)
        {
            return Stay(s, [new TextReply(Text.Format("Action_NoApprover", c, Text.Get($"Approver_{ex.Args[0]}", c))), .. await PromptAsync(s, turn, ct)]);
        }

        return End(new TextReply(Text.Format(s.Type == RequestType.Change ? "ChangeDialog_Filed" : "ExpenseDialog_Filed", c, request.Number)));
    }

    /// <summary>The refusal with the line's figures: of a new request (nothing filed), or of an action on a filed one (<paramref name="onFiledRequest"/>).</summary>
    public static string BudgetText(BudgetExceededException ex, CultureInfo c, bool onFiledRequest = false) =>
        Text.Format(onFiledRequest ? "Budget_ExceededAction" : "Budget_Exceeded", c, Text.Literal(ex.Line), TurkishMoney.Format(ex.Requested), TurkishMoney.Format(ex.Appropriation),
            TurkishMoney.Format(ex.Committed), TurkishMoney.Format(ex.Spent), TurkishMoney.Format(ex.Remaining));

    private async Task<DialogStep<RequestDialogState>> NextAsync(RequestDialogState s, UserTurn turn, CancellationToken ct) =>
        Stay(s, [.. await PromptAsync(s, turn, ct)]);

    private async Task<DialogStep<RequestDialogState>> ReaskAsync(RequestDialogState s, string reason, UserTurn turn, CancellationToken ct) =>
        Stay(s, [new TextReply(reason), .. await PromptAsync(s, turn, ct)]);

    public async Task<IReadOnlyList<Reply>> PromptAsync(RequestDialogState s, UserTurn turn, CancellationToken ct)
    {
        var c = turn.Culture;
        var step = s.Step.ToString();
        return s.Step switch
        {
            RequestStep.Kind => [new CardReply(PromptCards.Choice(Text.Get("ChangeDialog_AskKind", c), null, step, KindChoices(c), c, s.Id))],
            RequestStep.Items => [new TextReply(Text.Get(s.Type == RequestType.Change ? "ChangeDialog_AskItems" : "ExpenseDialog_AskItems", c))],
            RequestStep.BudgetLine => [await BudgetLinePromptAsync(s, c, ct)],
            RequestStep.Justification => [new TextReply(Text.Get(s.Type == RequestType.Change ? "ChangeDialog_AskJustification" : "ExpenseDialog_AskJustification", c))],
            RequestStep.ReplacedAsset => [new CardReply(PromptCards.Choice(Text.Get("ChangeDialog_AskReplaced", c), Text.Get("ChangeDialog_AskReplacedHint", c), step,
                [.. (await AssetChoicesAsync(turn, ct)).Take(4), new PromptChoice(Text.Get("Report_DeviceNone", c), "none")], c, s.Id))],
            RequestStep.Urgency => [new CardReply(PromptCards.Choice(Text.Get("Report_AskUrgency", c), null, step, Tickets.FaultReportDialog.UrgencyChoices(c), c, s.Id))],
            _ => [new CardReply(PromptCards.Summary(Text.Get("ChangeDialog_SummaryTitle", c), await SummaryAsync(s, turn, ct), step, c, s.Id))],
        };
    }

    private async Task<IReadOnlyList<(string, string, bool)>> SummaryAsync(RequestDialogState s, UserTurn turn, CancellationToken ct)
    {
        var c = turn.Culture;
        var lines = new List<(string, string, bool)>();
        if (s.Kind is { } kind)
        {
            lines.Add((Text.Get("Request_Kind", c), Text.Get($"ChangeKind_{kind}", c), false));
        }

        lines.Add((Text.Get("Request_Items", c), string.Join("\n", s.Items!.Select(ApprovalCards.LineText)), true));
        if (s.Type == RequestType.Expenditure && await approvals.FindBudgetLineAsync(s.BudgetLineId!.Value, ct) is { } line)
        {
            var total = s.Items!.Sum(i => (i.UnitPrice ?? 0) * i.Quantity);
            lines.Add((Text.Get("Request_Total", c), TurkishMoney.Format(total), false));
            lines.Add((Text.Get("Request_BudgetLine", c), $"{line.Label} — {Text.Get("Request_BudgetRemaining", c)}: {TurkishMoney.Format(line.Remaining)}", false));
            var check = await directPurchase.CheckAsync(line.Id, total, clock.GetUtcNow(), ct);
            if (check.OverLimit || check.LooksSplit)
            {
                var limit = TurkishMoney.Format(check.Limit ?? 0);
                lines.Add(("⚠", check.OverLimit ? Text.Format("Request_OverDirectLimit", c, TurkishMoney.Format(total), limit)
                    : Text.Format("Request_LooksSplit", c, limit, DirectPurchasePolicy.SplitWindowDays), false));
            }

            if (total > line.Remaining)
            {
                lines.Add(("⚠", Text.Format("Budget_WillBeRefused", c, TurkishMoney.Format(line.Remaining)), false));
            }
        }

        lines.Add((Text.Get("Request_Justification", c), s.Justification!, true));
        if (s.ReplacedAssetId is { } assetId && await assets.FindAsync(assetId, ct) is { } asset)
        {
            lines.Add((Text.Get("Request_ReplacedAsset", c), asset.Label, true));
        }

        lines.Add((Text.Get("Card_Urgency", c), Text.Get($"Urgency_{s.Urgency}", c), false));
        return lines;
    }

    /// <summary>What the person holds (zimmet) first, then the unit's computers.</summary>
    private async Task<IReadOnlyList<PromptChoice>> AssetChoicesAsync(UserTurn turn, CancellationToken ct)
    {
        var mine = await assets.ListEntrustedToAsync(turn.User.Id, ct);
        var unit = turn.User.UnitId is { } u ? await assets.ListAsync(null, u, null, ct) : [];
        return mine.Concat(unit).DistinctBy(a => a.Id).Where(a => a.MayBeReplacedFor(turn.User)).Select(a => new PromptChoice(a.Label, a.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    private async Task<IReadOnlyList<BudgetLine>> BudgetLinesAsync(CancellationToken ct) =>
        await approvals.ListBudgetLinesAsync(Istanbul.Year(clock.GetUtcNow()), ct);

    /// <summary>This year's lines as buttons (code and name), with what remains of each listed above them.</summary>
    private async Task<Reply> BudgetLinePromptAsync(RequestDialogState s, CultureInfo c, CancellationToken ct)
    {
        var lines = await BudgetLinesAsync(ct);
        var remaining = string.Join("\n", lines.Select(b => $"- {Text.Literal(b.Label)}: {Text.Get("Request_BudgetRemaining", c)} {TurkishMoney.Format(b.Remaining)}"));
        var choices = lines.Select(b => new PromptChoice(b.Label, b.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        return new CardReply(PromptCards.Choice(Text.Get("ExpenseDialog_AskBudgetLine", c), remaining, nameof(RequestStep.BudgetLine), choices, c, s.Id));
    }

    /// <summary>A line's economic code as typed ("06.1"), or its name or a button.</summary>
    private async Task<DialogStep<RequestDialogState>> AnswerBudgetLineAsync(RequestDialogState s, string answer, UserTurn turn, CancellationToken ct)
    {
        var lines = await BudgetLinesAsync(ct);
        var code = answer.Trim().TrimEnd('.');
        if (lines.SingleOrDefault(b => string.Equals(b.EconomicCode, code, StringComparison.Ordinal)) is { } byCode)
        {
            return await NextAsync(s with { BudgetLineId = byCode.Id }, turn, ct);
        }

        var choices = lines.Select(b => new PromptChoice(b.Label, b.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        return await ChooseAsync(s, answer, choices, v => s with { BudgetLineId = int.Parse(v, CultureInfo.InvariantCulture) }, turn, ct);
    }

    private static List<PromptChoice> KindChoices(CultureInfo c) =>
        Enum.GetValues<ChangeKind>().Select(k => new PromptChoice(Text.Get($"ChangeKind_{k}", c), k.ToString())).ToList();
}
