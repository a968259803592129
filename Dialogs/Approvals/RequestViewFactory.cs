using HelpdeskBot.Cards.Approvals;
using HelpdeskBot.Cards.Tickets;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;

namespace HelpdeskBot.Dialogs.Approvals;

/// <summary>Turns a request into what its card shows, and works out what a given person may do with it.</summary>
public sealed class RequestViewFactory(IDirectory directory, IAssetRepository assets, IApprovalRepository approvals, TimeProvider clock)
{
    public async Task<RequestView> CreateAsync(ApprovalRequest r, CancellationToken ct = default)
    {
        var ids = r.Steps.SelectMany(s => new[] { s.ApproverId, s.DecidedById, s.OnBehalfOfId, s.EscalatedToId }).OfType<int>().Append(r.RequesterId);
        var people = (await directory.FindManyAsync(ids.Distinct(), ct)).ToDictionary(p => p.Id);
        string Name(int id) => people.TryGetValue(id, out var p) ? p.DisplayName : "#" + id;
        string? Maybe(int? id) => id is { } i ? Name(i) : null;
        var unit = r.UnitId is { } u ? await directory.FindUnitAsync(u, ct) : null;
        var replaced = r.ReplacedAssetId is { } a ? await assets.FindAsync(a, ct) : null;
        var line = r.BudgetLineId is { } b ? await approvals.FindBudgetLineAsync(b, ct) : null;
        var view = new RequestView(
            r.Id,
            r.Number,
            r.Type,
            r.Status,
            r.Urgency,
            Name(r.RequesterId),
            unit?.Name,
            r.Kind,
            r.Lines,
            r.Justification,
            replaced?.Label,
            r.Assessment,
            r.AssessmentNote,
            r.Total,
            line is null ? null : ToView(line),
            r.Type == RequestType.Expenditure ? new DirectPurchaseWarning(r.DirectPurchaseLimit, r.OverDirectPurchaseLimit, r.LooksSplit) : null,
            r.Steps.Select(s => new StepView(s.Order, s.Kinds, Name(s.ApproverId), s.State, Maybe(s.DecidedById), Maybe(s.OnBehalfOfId), s.DecidedAt, s.Comment,
                Maybe(s.EscalatedToId))).ToList(),
            r.CurrentStep?.Order,
            r.NextStage,
            r.CanWithdraw,
            r.DeliverySlip,
            r.CreatedAt)
        {
            RequesterId = r.RequesterId,
            ReplacedFate = r.Status != RequestStatus.Delivered ? null : replaced?.State switch
            {
                AssetState.Scrap => ReplacedAssetFate.Scrap,
                AssetState.InStock => ReplacedAssetFate.ReturnToStock,
                _ => null,
            },
        };
        if (r.Status == RequestStatus.AwaitingAssessment)
        {
            view = view with { BudgetLines = (await approvals.ListBudgetLinesAsync(Istanbul.Year(clock.GetUtcNow()), ct)).Select(ToView).ToList() };
        }

        if (r.Type == RequestType.Change && r.Status == RequestStatus.Approved)
        {
            // The requester first, then their unit's people: whoever the item is entrusted to.
            var requester = people.GetValueOrDefault(r.RequesterId);
            var unitPeople = r.UnitId is { } unitId ? (await directory.ListUnitMembersAsync(unitId, ct)) : [];
            view = view with
            {
                Holders = unitPeople.Prepend(requester).OfType<Person>().DistinctBy(p => p.Id).Take(50).Select(p => new PersonOption(p.Id, p.DisplayName)).ToList(),
            };
        }

        if (r.Type == RequestType.Change && r.Status == RequestStatus.Delivered)
        {
            var delivered = await assets.ListDeliveredByAsync(r.Id, ct);
            var holders = (await directory.FindManyAsync(delivered.Select(a => a.EntrustedToId).OfType<int>(), ct)).ToDictionary(p => p.Id, p => p.DisplayName);
            view = view with
            {
                DeliveredAssets = delivered.Select(a => a.Label + (a.EntrustedToId is { } h && holders.TryGetValue(h, out var n) ? " → " + n : string.Empty)).ToList(),
            };
        }

        return view;
    }

    /// <summary>What <paramref name="person"/> may do with the request now: decide (as approver, valid substitute or escalation manager), withdraw, work it as IT.</summary>
    public async Task<RequestViewer> ViewerAsync(ApprovalRequest r, Person person, CancellationToken ct = default)
    {
        var substitutions = r.CurrentStep is { } step ? await approvals.SubstitutionsOfAsync(step.ApproverId, ct) : [];
        return new RequestViewer(r.ActingFor(person, substitutions, clock.GetUtcNow()) is not null, r.RequesterId == person.Id, person.IsItStaff);
    }

    /// <summary>Whether the person may see the request at all: a participant, a substitute of one, or IT.</summary>
    public async Task<bool> MaySeeAsync(ApprovalRequest r, Person person, CancellationToken ct = default)
    {
        if (person.IsItStaff || r.Participants().Contains(person.Id))
        {
            return true;
        }

        foreach (var approver in r.Steps.Where(s => s.ActivatedAt is not null).Select(s => s.ApproverId).Distinct())
        {
            if ((await approvals.SubstitutionsOfAsync(approver, ct)).Any(s => s.SubstituteId == person.Id && s.IsValidOn(clock.GetUtcNow())))
            {
                return true;
            }
        }

        return false;
    }

    private static BudgetLineView ToView(BudgetLine b) => new(b.Id, b.Label, b.Appropriation, b.Committed, b.Spent);
}
