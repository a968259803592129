using System.Globalization;
using System.Text.Json;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Bot.Teams;
using HelpdeskBot.Cards.Approvals;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Dialogs.Approvals;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Money;
using Microsoft.Bot.Schema;

namespace HelpdeskBot.Bot.Approvals;

/// <summary>
/// The request buttons (Action.Execute) and Teams' refresh calls. Every press is checked on the server: the presser
/// must be the current step's approver (or their valid substitute, or the manager it was escalated to), the
/// requester, or IT, as the action needs. The presser gets their own view of the card back; every other copy is
/// updated through the outbox. A press that misses an input gets the card back with the problem on top, and nothing changes.
/// </summary>
public sealed class RequestCardActions(
    IApprovalRepository approvals,
    RequestViewFactory views,
    DecideApproval decide,
    WithdrawRequest withdraw,
    AssessChangeRequest assess,
    DeliverChangeRequest deliver,
    AdvanceExpenditure advance,
    ILogger<RequestCardActions> logger)
{
    public async Task<AdaptiveCardInvokeResponse> HandleAsync(string verb, JsonElement data, Person person, CultureInfo c, bool repeated, CancellationToken ct)
    {
        var d = Json.TryRead<RequestActionData>(data);
        var request = d is { RequestId: > 0 } ? await approvals.FindAsync(d.RequestId, ct) : null;
        if (d is null || request is null || !await views.MaySeeAsync(request, person, ct))
        {
            // The same answer whether it does not exist or is not theirs to see.
            return Replies.MessageResponse(Text.Get("Action_RequestNotFound", c));
        }

        if (repeated || verb == RequestVerbs.Refresh)
        {
            // A Teams retry re-renders from the stored state; a refresh is each viewer's own view.
            return await CardAsync(request, person, null, c, ct);
        }

        if (Validate(verb, d, request, c) is { } missing)
        {
            logger.RequestAction(verb, person.Id, request.Id, "missing input");
            return await CardAsync(request, person, missing, c, ct);
        }

        try
        {
            var change = await ActAsync(verb, d, person, ct);
            if (change is null)
            {
                return Replies.MessageResponse(Text.Get("Action_Unknown", c));
            }

            logger.RequestAction(verb, person.Id, request.Id, change.Changed ? "changed" : "unchanged");
            var note = change.Changed ? null : Text.Format("Request_AlreadyDecided", c, Text.Get($"RequestStatus_{change.Request.Status}", c));
            return await CardAsync(change.Request, person, note, c, ct);
        }
        catch (BudgetExceededException ex)
        {
            logger.RequestAction(verb, person.Id, request.Id, "budget exceeded");
            return Replies.MessageResponse(RequestDialog.BudgetText(ex, c, onFiledRequest: true));
        }
        catch (DomainException ex)
        {
            logger.RequestAction(verb, person.Id, request.Id, ex.Error.ToString());
            return Replies.MessageResponse(Describe(ex, c));
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or UniqueConflictException)
        {
            logger.RequestAction(verb, person.Id, request.Id, "conflict after retries");
            return Replies.MessageResponse(Text.Get("Action_Failed", c));
        }
    }

    private async Task<RequestChange?> ActAsync(string verb, RequestActionData d, Person person, CancellationToken ct) => verb switch
    {
        RequestVerbs.Approve => await decide.ExecuteAsync(d.RequestId, d.Step!.Value, person, true, d.Comment, ct),
        RequestVerbs.Reject => await decide.ExecuteAsync(d.RequestId, d.Step!.Value, person, false, d.Comment, ct),
        RequestVerbs.Withdraw => await withdraw.ExecuteAsync(d.RequestId, person, d.Reason, ct),
        RequestVerbs.Assess => await assess.ExecuteAsync(d.RequestId, person, Enum.Parse<Assessment>(d.Assessment!), Money(d.Cost), Int(d.BudgetLine), d.Note, ct),
        RequestVerbs.Deliver => await deliver.ExecuteAsync(new DeliveryCommand(d.RequestId, person, Tags(d.Tags), d.Model!, Int(d.Holder)!.Value,
            Enum.TryParse<ReplacedAssetFate>(d.Fate, out var fate) && Enum.IsDefined(fate) ? fate : null, d.Slip), ct),
        RequestVerbs.Advance => await advance.ExecuteAsync(d.RequestId, person, Enum.Parse<RequestStatus>(d.To!), Money(d.Amount), d.Note, ct),
        _ => null,
    };

    /// <summary>What the press lacks (Teams can send a channel card's inputs empty), in the presser's language; null when it is complete.</summary>
    private static string? Validate(string verb, RequestActionData d, ApprovalRequest r, CultureInfo c)
    {
        switch (verb)
        {
            case RequestVerbs.Approve or RequestVerbs.Reject when d.Step is null:
                return Text.Get("Request_MissingStep", c);
            case RequestVerbs.Reject when string.IsNullOrWhiteSpace(d.Comment) && r.CurrentStep?.Order == d.Step:
                return Text.Get("Action_CommentRequired", c);
            case RequestVerbs.Assess when !Enum.TryParse<Assessment>(d.Assessment, out var a) || !Enum.IsDefined(a) || int.TryParse(d.Assessment, out _):
                return Text.Get("Request_MissingAssessment", c);
            case RequestVerbs.Assess when Enum.Parse<Assessment>(d.Assessment!) == Assessment.Purchase && (Money(d.Cost) is null || Int(d.BudgetLine) is null):
                return Text.Get("Request_MissingCost", c);
            case RequestVerbs.Deliver when Tags(d.Tags).Count == 0 || string.IsNullOrWhiteSpace(d.Model) || Int(d.Holder) is null:
                return Text.Get("Request_MissingDelivery", c);
            case RequestVerbs.Advance when !Enum.TryParse<RequestStatus>(d.To, out var to) || !Enum.IsDefined(to) || int.TryParse(d.To, out _):
                return Text.Get("Action_Unknown", c);
            case RequestVerbs.Advance or RequestVerbs.Assess when d.Amount is { Length: > 0 } && Money(d.Amount) is null:
            case RequestVerbs.Assess when d.Cost is { Length: > 0 } && Money(d.Cost) is null:
                return Text.Get("Request_BadAmount", c);
            default:
                return null;
        }
    }

    private async Task<AdaptiveCardInvokeResponse> CardAsync(ApprovalRequest request, Person person, string? problem, CultureInfo c, CancellationToken ct)
    {
        var view = await views.CreateAsync(request, ct);
        var viewer = await views.ViewerAsync(request, person, ct);
        return Replies.CardResponse(problem is null ? ApprovalCards.Request(view, viewer, c) : ApprovalCards.Validation(view, viewer, problem, c));
    }

    private static string Describe(DomainException ex, CultureInfo c) => ex.Error switch
    {
        DomainError.InvalidTransition => Text.Format("Request_InvalidTransition", c, Text.Get($"RequestStatus_{ex.Args[0]}", c)),
        DomainError.NoApprover => Text.Format("Action_NoApprover", c, Text.Get($"Approver_{ex.Args[0]}", c)),
        DomainError.AssetTagTaken => Text.Format("Action_AssetTagTaken", c, Text.Literal(ex.Args[0])),
        DomainError.TooManyTags => Text.Format("Action_TooManyTags", c, ex.Args[0], ex.Args[1]),
        DomainError.BudgetLineNotThisYear => Text.Format("Action_BudgetLineNotThisYear", c, ex.Args[0]),
        DomainError.TextTooLong => Text.Format("Action_TextTooLong", c, ex.Args.Count > 0 ? ex.Args[0] : "500"),
        _ => Text.Get($"Action_{ex.Error}", c),
    };

    private static decimal? Money(string? text) => TurkishMoney.TryParse(text, out var amount) ? amount : null;

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;

    private static List<string> Tags(string? text) =>
        (text ?? string.Empty).Split([',', ';', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
