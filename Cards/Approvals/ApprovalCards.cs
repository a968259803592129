using System.Globalization;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Model;
using HelpdeskBot.Cards.Tickets;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Money;

namespace HelpdeskBot.Cards.Approvals;

/// <summary>
/// The card of a change request or an expenditure. One card, drawn for whoever looks at it: the current approver gets
/// approve/reject with a comment, the requester the status and a withdraw button, IT the assessment, delivery and stage
/// forms, everyone else a read-only view. Teams asks for each person's view through <c>refresh</c>.
/// </summary>
public static class ApprovalCards
{
    /// <summary>The card size stays far below Teams' ~80 KB: a long list of items is cut.</summary>
    private const int LinesShown = 20;

    public static AdaptiveCard Request(RequestView v, RequestViewer viewer, CultureInfo c)
    {
        List<CardElement> body =
        [
            new ColumnSet(
            [
                new Column([new TextBlock(Title(v, c)) { Weight = "Bolder", Size = "Medium" }]) { Width = "stretch" },
                new Column([new TextBlock(Text.Get($"RequestStatus_{v.Status}", c)) { Weight = "Bolder", Color = StatusColor(v.Status) }]) { Width = "auto" },
            ]),
            TicketCards.UserText(Text.Get("Card_Requester", c) + ": " + v.RequesterName + (v.UnitName is null ? string.Empty : " · " + v.UnitName)),
            new FactSet(Facts(v, c)),
            Label("Request_Items", c),
            .. v.Lines.Take(LinesShown).Select(l => TicketCards.UserText(LineText(l))),
        ];
        if (v.Lines.Count > LinesShown)
        {
            body.Add(new TextBlock(Text.Format("Request_MoreItems", c, v.Lines.Count - LinesShown)) { IsSubtle = true });
        }

        body.Add(Label("Request_Justification", c));
        body.Add(TicketCards.UserText(v.Justification));
        if (v.AssessmentNote is not null)
        {
            body.Add(Label("Request_AssessmentNote", c));
            body.Add(TicketCards.UserText(v.AssessmentNote));
        }

        body.AddRange(Warnings(v, c));
        if (v.Steps.Count > 0)
        {
            body.Add(Label("Request_Approvals", c));
            body.AddRange(v.Steps.SelectMany(s => StepLines(s, v.CurrentStep, c)));
        }

        var actions = new List<CardAction>();
        if (viewer.CanDecide && v.CurrentStep is { } step)
        {
            body.Add(new TextInput { Id = "comment", Label = Text.Get("Input_ApprovalComment", c), IsMultiline = true, MaxLength = 500 });
            actions.Add(Execute(v, RequestVerbs.Approve, "Action_Approve", c, "positive") with { AssociatedInputs = "auto" });
            actions.Add(Execute(v, RequestVerbs.Reject, "Action_Reject", c, "destructive") with { AssociatedInputs = "auto" });
        }

        if (viewer.IsRequester && v.CanWithdraw)
        {
            actions.Add(Form(Text.Get("Action_Withdraw", c), [Input("reason", "Input_WithdrawReason", c, required: false, multiline: true)],
                Execute(v, RequestVerbs.Withdraw, "Action_WithdrawConfirm", c, "destructive")));
        }

        if (viewer.IsIt)
        {
            actions.AddRange(ItActions(v, c));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = actions.Count == 0 ? null : actions,
            Refresh = new Refresh(Execute(v, RequestVerbs.Refresh, "Action_Show", c), v.RefreshUserIds.Take(Refresh.MaxUserIds).ToList()),
            FallbackText = Text.Format("Request_Fallback", c, Title(v, c), Text.Get($"RequestStatus_{v.Status}", c)),
        };
    }

    /// <summary>Asked when a press arrived without what it needs (Teams can send a channel card's inputs empty): nothing changed.</summary>
    public static AdaptiveCard Validation(RequestView v, RequestViewer viewer, string problem, CultureInfo c)
    {
        var card = Request(v, viewer, c);
        return card with
        {
            Body =
            [
                new Container([new TextBlock(problem) { Weight = "Bolder", Color = "Attention" }]) { Style = "attention" },
                .. card.Body,
            ],
        };
    }

    public static string Title(RequestView v, CultureInfo c) =>
        Text.Format(v.Type == RequestType.Change ? "Request_ChangeTitle" : "Request_ExpenditureTitle", c, v.Number);

    public static string StepCapacity(IReadOnlyList<ApproverKind> kinds, CultureInfo c) =>
        string.Join(" · ", kinds.Select(k => Text.Get($"Approver_{k}", c)));

    public static string LineText(RequestLine l) =>
        l.UnitPrice is { } price
            ? string.Create(CultureInfo.InvariantCulture, $"{l.Quantity} × {l.Description} — {TurkishMoney.Format(price)} = {TurkishMoney.Format(price * l.Quantity)}")
            : string.Create(CultureInfo.InvariantCulture, $"{l.Quantity} × {l.Description}");

    private static List<Fact> Facts(RequestView v, CultureInfo c)
    {
        var facts = new List<Fact>();
        if (v.Kind is { } kind)
        {
            facts.Add(new Fact(Text.Get("Request_Kind", c), Text.Get($"ChangeKind_{kind}", c)));
        }

        facts.Add(new Fact(Text.Get("Card_Urgency", c), Text.Get($"Urgency_{v.Urgency}", c)));
        if (v.ReplacedAsset is not null)
        {
            facts.Add(new Fact(Text.Get("Request_ReplacedAsset", c), Text.Literal(v.ReplacedAsset)
                + (v.ReplacedFate is { } fate ? " → " + Text.Get($"FateDone_{fate}", c) : string.Empty)));
        }

        if (v.Assessment is { } a)
        {
            facts.Add(new Fact(Text.Get("Request_Assessment", c), Text.Get($"Assessment_{a}", c)));
        }

        if (v.Total > 0)
        {
            facts.Add(new Fact(Text.Get(v.Type == RequestType.Expenditure ? "Request_Total" : "Request_EstimatedCost", c), TurkishMoney.Format(v.Total)));
        }

        if (v.BudgetLine is { } line)
        {
            facts.Add(new Fact(Text.Get("Request_BudgetLine", c), Text.Literal(line.Label)));
            facts.Add(new Fact(Text.Get("Request_BudgetRemaining", c), TurkishMoney.Format(line.Remaining)));
        }

        if (v.DeliveredAssets.Count > 0)
        {
            facts.Add(new Fact(Text.Get("Request_Delivered", c), Text.Literal(string.Join(", ", v.DeliveredAssets))));
        }

        if (v.DeliverySlip is not null)
        {
            facts.Add(new Fact(Text.Get("Request_Slip", c), Text.Literal(v.DeliverySlip)));
        }

        facts.Add(new Fact(Text.Get("Card_Created", c), Domain.Common.Istanbul.ToLocal(v.CreatedAt).ToString("g", c)));
        return facts;
    }

    private static IEnumerable<CardElement> Warnings(RequestView v, CultureInfo c)
    {
        if (v.DirectPurchase is not { } d)
        {
            yield break;
        }

        var limit = d.Limit is { } l ? TurkishMoney.Format(l) : "?";
        if (d.OverLimit)
        {
            yield return Warning(Text.Format("Request_OverDirectLimit", c, TurkishMoney.Format(v.Total), limit));
        }
        else if (d.LooksSplit)
        {
            yield return Warning(Text.Format("Request_LooksSplit", c, limit, DirectPurchasePolicy.SplitWindowDays));
        }
        else if (d.Limit is null)
        {
            yield return Warning(Text.Get("Request_LimitUnknown", c));
        }
    }

    private static Container Warning(string text) => new([new TextBlock("⚠ " + text) { Color = "Warning", Weight = "Bolder" }]) { Style = "warning" };

    private static IEnumerable<CardElement> StepLines(StepView s, int? current, CultureInfo c)
    {
        var who = s.ApproverName + " (" + StepCapacity(s.Capacities, c) + ")";
        var what = s.State switch
        {
            StepState.Approved or StepState.Rejected when s.DecidedByName == s.ApproverName && s.OnBehalfOfName is null =>
                Text.Format($"Step_{s.State}Self", c, Domain.Common.Istanbul.ToLocal(s.DecidedAt ?? default).ToString("g", c)),
            StepState.Approved or StepState.Rejected => Text.Format($"Step_{s.State}", c, s.DecidedByName ?? "?",
                Domain.Common.Istanbul.ToLocal(s.DecidedAt ?? default).ToString("g", c))
                + (s.OnBehalfOfName is null ? string.Empty : " " + Text.Format("Step_OnBehalfOf", c, s.OnBehalfOfName)),
            StepState.Pending => Text.Get("Step_Pending", c) + (s.EscalatedToName is null ? string.Empty : " " + Text.Format("Step_Escalated", c, s.EscalatedToName)),
            _ => Text.Get($"Step_{s.State}", c),
        };
        yield return new RichTextBlock(
        [
            new TextRun($"{s.Order}. ") { Weight = "Bolder" },
            new TextRun(who + ": ") { Weight = s.Order == current ? "Bolder" : null },
            new TextRun(what) { Color = StepColor(s.State) },
        ]);
        if (s.Comment is not null)
        {
            yield return new RichTextBlock([new TextRun("“" + s.Comment + "”") { Italic = true, IsSubtle = true }]) { Spacing = "None" };
        }
    }

    private static IEnumerable<CardAction> ItActions(RequestView v, CultureInfo c)
    {
        if (v.Status == RequestStatus.AwaitingAssessment)
        {
            var choices = Enum.GetValues<Assessment>().Select(a => new Choice(Text.Get($"Assessment_{a}", c), a.ToString())).ToList();
            yield return Form(Text.Get("Action_Assess", c),
            [
                new ChoiceSetInput(choices) { Id = "assessment", Label = Text.Get("Input_Assessment", c), Style = "expanded", IsRequired = true, ErrorMessage = Text.Get("Input_Required", c) },
                Input("cost", "Input_EstimatedCost", c, required: false, multiline: false) with { Placeholder = "1.250,50" },
                new ChoiceSetInput(v.BudgetLines.Select(b => new Choice($"{b.Label} ({Text.Get("Request_BudgetRemaining", c)}: {TurkishMoney.Format(b.Remaining)})",
                    b.Id.ToString(CultureInfo.InvariantCulture))).ToList())
                {
                    Id = "budgetLine",
                    Label = Text.Get("Input_BudgetLine", c),
                },
                Input("note", "Input_AssessmentNote", c, required: false, multiline: true),
            ], Execute(v, RequestVerbs.Assess, "Action_Send", c, "positive"));
        }

        if (v.Type == RequestType.Change && v.Status == RequestStatus.Approved)
        {
            List<CardElement> inputs =
            [
                Input("tags", "Input_AssetTags", c, required: true, multiline: false) with { Placeholder = "PC-0100, PC-0101" },
                Input("model", "Input_AssetModel", c, required: true, multiline: false),
                new ChoiceSetInput(v.Holders.Select(p => new Choice(p.Name, p.Id.ToString(CultureInfo.InvariantCulture))).ToList())
                {
                    Id = "holder",
                    Label = Text.Get("Input_Holder", c),
                    Value = v.RequesterId.ToString(CultureInfo.InvariantCulture),
                    IsRequired = true,
                    ErrorMessage = Text.Get("Input_Required", c),
                },
            ];
            if (v.ReplacedAsset is not null)
            {
                inputs.Add(new ChoiceSetInput(Enum.GetValues<ReplacedAssetFate>().Select(f => new Choice(Text.Get($"Fate_{f}", c), f.ToString())).ToList())
                {
                    Id = "fate",
                    Label = Text.Get("Input_Fate", c),
                    Value = nameof(ReplacedAssetFate.ReturnToStock),
                    Style = "expanded",
                });
            }

            inputs.Add(Input("slip", "Input_Slip", c, required: false, multiline: false));
            yield return Form(Text.Get("Action_Deliver", c), inputs, Execute(v, RequestVerbs.Deliver, "Action_DeliverConfirm", c, "positive"));
        }

        if (v.NextStage is { } next)
        {
            List<CardElement> inputs = [];
            if (next == RequestStatus.Ordered)
            {
                inputs.Add(Input("amount", "Input_ContractAmount", c, required: false, multiline: false) with { Placeholder = TurkishMoney.Format(v.Total) });
            }

            inputs.Add(Input("note", "Input_StageNote", c, required: false, multiline: true));
            yield return Form(Text.Format("Action_Advance", c, Text.Get($"RequestStatus_{next}", c)), inputs,
                new ExecuteAction(Text.Get("Action_Send", c), RequestVerbs.Advance, CardJson.Data(new RequestActionData(v.Id) { To = next.ToString() }))
                {
                    Style = "positive",
                });
        }
    }

    private static ShowCardAction Form(string title, IReadOnlyList<CardElement> inputs, ExecuteAction submit) =>
        new(title, new AdaptiveCard { Body = inputs, Actions = [submit with { AssociatedInputs = "auto" }] });

    private static TextInput Input(string id, string labelKey, CultureInfo c, bool required, bool multiline) => new()
    {
        Id = id,
        Label = Text.Get(labelKey, c),
        IsMultiline = multiline,
        IsRequired = required ? true : null,
        MaxLength = 500,
        ErrorMessage = required ? Text.Get("Input_Required", c) : null,
    };

    private static ExecuteAction Execute(RequestView v, string verb, string titleKey, CultureInfo c, string? style = null) =>
        new(Text.Get(titleKey, c), verb, CardJson.Data(new RequestActionData(v.Id) { Step = verb is RequestVerbs.Approve or RequestVerbs.Reject ? v.CurrentStep : null }))
        {
            Style = style,
        };

    private static TextBlock Label(string key, CultureInfo c) => new(Text.Get(key, c)) { Weight = "Bolder", Spacing = "Medium" };

    private static string StatusColor(RequestStatus s) => s switch
    {
        RequestStatus.AwaitingAssessment or RequestStatus.AwaitingApproval => "Warning",
        RequestStatus.Rejected or RequestStatus.Withdrawn => "Attention",
        RequestStatus.Delivered or RequestStatus.Paid or RequestStatus.Approved or RequestStatus.Repaired => "Good",
        _ => "Accent",
    };

    private static string? StepColor(StepState s) => s switch
    {
        StepState.Approved => "Good",
        StepState.Rejected => "Attention",
        StepState.Pending => "Warning",
        _ => null,
    };
}
