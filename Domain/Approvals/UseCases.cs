using System.Globalization;
using System.Text.Json;
using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Domain.Approvals;

/// <summary>Turns the chain kept as data into people: the unit's manager, the IT director (group), the budget's spending authority.</summary>
public sealed class ApproverResolver(IApprovalRepository approvals, IDirectory directory)
{
    public async Task<IReadOnlyList<(ApproverKind Kind, int ApproverId)>> ResolveAsync(ApprovalRequest request, CancellationToken ct)
    {
        var chain = (await approvals.ChainAsync(request.Type, ct)).Where(s => s.AppliesTo(request.IsPurchase)).OrderBy(s => s.Order).ToList();
        var resolved = new List<(ApproverKind, int)>();
        foreach (var step in chain)
        {
            var approver = step.Approver switch
            {
                ApproverKind.UnitManager => request.UnitId is { } unit ? (await directory.FindUnitManagerAsync(unit, ct))?.Id : null,
                ApproverKind.ItDirector => (await directory.ListInRoleAsync(Role.ItDirector, ct)).OrderBy(p => p.Id).FirstOrDefault()?.Id,
                ApproverKind.SpendingAuthority => await SpendingAuthorityAsync(request, ct),
                _ => null,
            };
            resolved.Add((step.Approver, approver ?? throw new DomainException(DomainError.NoApprover, step.Approver.ToString())));
        }

        return resolved;
    }

    private async Task<int?> SpendingAuthorityAsync(ApprovalRequest request, CancellationToken ct)
    {
        var line = request.BudgetLineId is { } id ? await approvals.FindBudgetLineAsync(id, ct) : null;
        return line is null ? null : await approvals.SpendingAuthorityOfAsync(line.UnitId, ct);
    }
}

public sealed record ChangeRequestCommand(Person Requester, int? UnitId, ChangeKind Kind, IReadOnlyList<RequestLine> Items, string Justification, int? ReplacedAssetId, Urgency Urgency);

public sealed record ExpenditureCommand(Person Requester, int BudgetLineId, IReadOnlyList<RequestLine> Items, string Justification, Urgency Urgency);

/// <summary>Files a request with a number unique per type and year, and queues its cards (IT channel, requester).</summary>
public sealed class SubmitRequest(IApprovalRepository approvals, ApproverResolver resolver, IOutbox outbox, IUnitOfWork uow, TimeProvider clock,
    DirectPurchasePolicy directPurchase)
{
    private const int MaxNumberAttempts = 8;

    public async Task<ApprovalRequest> ChangeAsync(ChangeRequestCommand cmd, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var request = ApprovalRequest.NewChange(cmd.Requester, cmd.UnitId, cmd.Kind, cmd.Items, cmd.Justification, cmd.ReplacedAssetId, cmd.Urgency, now);
        return await SaveNewAsync(request, now, ct);
    }

    /// <exception cref="BudgetExceededException">the total does not fit in what remains of the budget line.</exception>
    public async Task<ApprovalRequest> ExpenditureAsync(ExpenditureCommand cmd, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var line = await approvals.FindBudgetLineAsync(cmd.BudgetLineId, ct) ?? throw new DomainException(DomainError.BudgetLineRequired);
        var total = cmd.Items.Sum(i => (i.UnitPrice ?? 0) * i.Quantity);
        var warning = await directPurchase.CheckAsync(line.Id, total, now, ct);
        var request = ApprovalRequest.NewExpenditure(cmd.Requester, line, cmd.Items, cmd.Justification, cmd.Urgency, warning, now);
        if (request.StartChain(await resolver.ResolveAsync(request, ct), now))
        {
            // Nobody else had to approve (the requester holds every capacity): the money is committed at once.
            line.Commit(request.Total);
            request.RecordCommitment(request.Total);
        }

        return await SaveNewAsync(request, now, ct);
    }

    private async Task<ApprovalRequest> SaveNewAsync(ApprovalRequest request, DateTimeOffset now, CancellationToken ct)
    {
        approvals.Add(request);
        var year = Istanbul.Year(now);
        for (var attempt = 1; ; attempt++)
        {
            request.AssignNumber(year, await approvals.NextSequenceAsync(request.Type, year, ct));
            try
            {
                if (attempt == 1)
                {
                    outbox.Enqueue(OutboxMessage.ForRequest(OutboxKind.RequestCards, request, null, string.Empty, now));
                }

                await uow.SaveChangesAsync(ct);
                return request;
            }
            catch (UniqueConflictException) when (attempt < MaxNumberAttempts)
            {
                // Another request took the number between our read and our write: take the next one.
            }
        }
    }
}

/// <summary>The 22/d direct-purchase check of an expenditure: the limit of the day, and whether recent purchases on the same line suggest a split.</summary>
public sealed class DirectPurchasePolicy(IApprovalRepository approvals, ProcurementSettings settings)
{
    /// <summary>Purchases on the same line within this many days count toward the split-purchase warning.</summary>
    public const int SplitWindowDays = 30;

    public async Task<DirectPurchaseWarning> CheckAsync(int budgetLineId, decimal total, DateTimeOffset now, CancellationToken ct)
    {
        var recent = await approvals.RecentExpenditureTotalsAsync(budgetLineId, now.AddDays(-SplitWindowDays), ct);
        var day = DateOnly.FromDateTime(Istanbul.ToLocal(now).DateTime);
        var check = Procurement.DirectPurchaseRules.Assess(total, day, settings.WithinMetropolitan, recent);
        return new DirectPurchaseWarning(check.Limit, check.OverLimit, check.LooksSplit);
    }
}

/// <summary>Where the municipality stands for the 22/d limits (within a metropolitan municipality's borders, or elsewhere).</summary>
public sealed record ProcurementSettings(bool WithinMetropolitan);

/// <summary>
/// Runs one change on a request: load, act, queue the card updates and the requester's notice, save. On a
/// concurrency conflict it reloads and decides again, so two approvers pressing together yield one outcome.
/// </summary>
public sealed class ApprovalWorkflow(IApprovalRepository approvals, IOutbox outbox, IUnitOfWork uow, TimeProvider clock)
{
    private const int MaxAttempts = 3;

    public async Task<RequestChange> ApplyAsync(int requestId, Func<ApprovalRequest, DateTimeOffset, Task<bool>> action, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = await approvals.FindAsync(requestId, ct) ?? throw new DomainException(DomainError.RequestNotFound);
            var now = clock.GetUtcNow();
            var before = request.Decisions.Count;
            bool changed;
            try
            {
                changed = await action(request, now);
            }
            catch
            {
                // The entity may be half-changed in memory: nothing of it may be saved by a later unit of work.
                uow.Reset();
                throw;
            }

            if (!changed)
            {
                return new RequestChange(request, false);
            }

            outbox.Enqueue(OutboxMessage.ForRequest(OutboxKind.RequestCards, request, null, string.Empty, now));
            foreach (var d in request.Decisions.Skip(before).Where(d => d.ActorId != request.RequesterId && d.Kind is not (DecisionKind.Reminded or DecisionKind.Escalated)))
            {
                var notice = JsonSerializer.Serialize(new RequestNotice(d.Kind, d.ActorId, d.Comment, d.Detail, request.Status));
                outbox.Enqueue(OutboxMessage.ForRequest(OutboxKind.RequestNotice, request, request.RequesterId, notice, now));
            }

            try
            {
                await uow.SaveChangesAsync(ct);
                return new RequestChange(request, true);
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or UniqueConflictException && attempt < MaxAttempts)
            {
                // Someone changed the request first, or took a unique key (an asset tag) meanwhile: decide again on what is there now.
                uow.Reset();
            }
        }
    }
}

public sealed record RequestChange(ApprovalRequest Request, bool Changed);

/// <summary>An IT technician's assessment of a change request; stock or purchase starts the approval chain.</summary>
public sealed class AssessChangeRequest(ApprovalWorkflow workflow, IApprovalRepository approvals, ApproverResolver resolver)
{
    public Task<RequestChange> ExecuteAsync(int requestId, Person by, Assessment assessment, decimal? estimatedCost, int? budgetLineId, string? note, CancellationToken ct = default) =>
        workflow.ApplyAsync(requestId, async (r, now) =>
        {
            if (r.Status != RequestStatus.AwaitingAssessment)
            {
                return false;
            }

            var line = budgetLineId is { } id ? await approvals.FindBudgetLineAsync(id, ct) : null;
            r.Assess(by, assessment, estimatedCost, line, note, now);
            if (assessment != Assessment.Repair && r.StartChain(await resolver.ResolveAsync(r, ct), now))
            {
                await CommitAsync(approvals, r, ct);
            }

            return true;
        }, ct);

    internal static async Task CommitAsync(IApprovalRepository approvals, ApprovalRequest r, CancellationToken ct)
    {
        if (r.IsPurchase && r.BudgetLineId is { } lineId && await approvals.FindBudgetLineAsync(lineId, ct) is { } line)
        {
            line.Commit(r.Total);
            r.RecordCommitment(r.Total);
        }
    }
}

/// <summary>An approve or reject press. Checked on the server: only the current step's approver, their valid substitute or the escalation manager.</summary>
public sealed class DecideApproval(ApprovalWorkflow workflow, IApprovalRepository approvals)
{
    /// <exception cref="BudgetExceededException">the final approval would commit more than remains of the budget line; nothing changes.</exception>
    public Task<RequestChange> ExecuteAsync(int requestId, int stepOrder, Person by, bool approve, string? comment, CancellationToken ct = default) =>
        workflow.ApplyAsync(requestId, async (r, now) =>
        {
            var substitutions = r.CurrentStep is { } step ? await approvals.SubstitutionsOfAsync(step.ApproverId, ct) : [];
            if (!r.Decide(by, stepOrder, approve, comment, substitutions, now))
            {
                return false;
            }

            if (r.Status == RequestStatus.Approved)
            {
                await AssessChangeRequest.CommitAsync(approvals, r, ct);
            }

            return true;
        }, ct);
}

public sealed class WithdrawRequest(ApprovalWorkflow workflow, IApprovalRepository approvals)
{
    public Task<RequestChange> ExecuteAsync(int requestId, Person by, string? reason, CancellationToken ct = default) =>
        workflow.ApplyAsync(requestId, async (r, now) =>
        {
            if (r.Status == RequestStatus.Withdrawn)
            {
                return false;
            }

            if (r.Withdraw(by, reason, now) is { } release && r.BudgetLineId is { } lineId && await approvals.FindBudgetLineAsync(lineId, ct) is { } line)
            {
                line.Release(release);
            }

            return true;
        }, ct);
}

/// <summary>Moves an approved expenditure to its next stage; the budget line follows (a contracted price re-commits, payment moves the commitment to spent).</summary>
public sealed class AdvanceExpenditure(ApprovalWorkflow workflow, IApprovalRepository approvals)
{
    public Task<RequestChange> ExecuteAsync(int requestId, Person by, RequestStatus to, decimal? contractAmount, string? note, CancellationToken ct = default) =>
        workflow.ApplyAsync(requestId, async (r, now) =>
        {
            if (r.Status == to)
            {
                return false;
            }

            var line = r.BudgetLineId is { } id ? await approvals.FindBudgetLineAsync(id, ct) : null;
            r.AdvanceStage(by, to, note, now);
            if (line is not null && r.CommittedAmount is { } committed)
            {
                if (to == RequestStatus.Ordered && contractAmount is > 0 && contractAmount != committed)
                {
                    line.Recommit(committed, contractAmount.Value);
                    r.RecordCommitment(contractAmount.Value);
                }
                else if (to == RequestStatus.Paid)
                {
                    line.Spend(committed);
                }
            }

            return true;
        }, ct);
}

public sealed record DeliveryCommand(int RequestId, Person By, IReadOnlyList<string> Tags, string Model, int EntrustedToId, ReplacedAssetFate? Fate, string? Slip);

/// <summary>Delivery closes a change request: each item becomes an asset entrusted to a person, the replaced one goes back to stock or to scrap.</summary>
public sealed class DeliverChangeRequest(ApprovalWorkflow workflow, IApprovalRepository approvals, IAssetRepository assets, IDirectory directory)
{
    public Task<RequestChange> ExecuteAsync(DeliveryCommand cmd, CancellationToken ct = default) =>
        workflow.ApplyAsync(cmd.RequestId, async (r, now) =>
        {
            if (r.Status == RequestStatus.Delivered)
            {
                return false;
            }

            var holder = await directory.FindAsync(cmd.EntrustedToId, ct) ?? throw new DomainException(DomainError.PersonNotFound);
            var tags = cmd.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(Asset.NormalizeTag).Distinct(StringComparer.Ordinal).ToList();
            if (tags.Count == 0)
            {
                throw new DomainException(DomainError.NoItems);
            }

            var requested = r.Lines.Sum(l => l.Quantity);
            if (tags.Count > requested)
            {
                throw new DomainException(DomainError.TooManyTags, tags.Count.ToString(CultureInfo.InvariantCulture), requested.ToString(CultureInfo.InvariantCulture));
            }

            foreach (var tag in tags)
            {
                if (await assets.FindByTagAsync(tag, ct) is not null)
                {
                    throw new DomainException(DomainError.AssetTagTaken, tag);
                }
            }

            var replaced = r.ReplacedAssetId is { } replacedId ? await assets.FindAsync(replacedId, ct) : null;
            r.Deliver(cmd.By, cmd.Slip, $"{string.Join(",", tags)} → {holder.DisplayName}", now);
            var kind = r.Kind switch
            {
                ChangeKind.NewComputer or ChangeKind.Replacement => replaced?.Kind ?? AssetKind.Computer,
                ChangeKind.Peripheral => AssetKind.Peripheral,
                _ => AssetKind.Software,
            };
            foreach (var tag in tags)
            {
                assets.Add(Asset.Delivered(tag, kind, cmd.Model, holder.UnitId ?? r.UnitId, replaced?.LocationId, holder.Id, r.Id, now));
            }

            replaced?.Return(cmd.Fate ?? ReplacedAssetFate.ReturnToStock);
            if (r.IsPurchase && r.CommittedAmount is { } committed && r.BudgetLineId is { } lineId && await approvals.FindBudgetLineAsync(lineId, ct) is { } line)
            {
                line.Spend(committed);
            }

            return true;
        }, ct);
}

/// <summary>How long an approval may wait, in working hours (the Turkish public-sector calendar), before a reminder and before escalation.</summary>
public sealed record ApprovalTiming(TimeSpan RemindAfter, TimeSpan EscalateAfter);

/// <summary>
/// Reminds approvers whose step has waited longer than <see cref="ApprovalTiming.RemindAfter"/> working hours (once per
/// step), and escalates a step waiting longer than <see cref="ApprovalTiming.EscalateAfter"/> to the approver's own manager,
/// who then gets the card and may decide on the approver's behalf. Safe to run on two hosts: each request is saved with its
/// concurrency token, and a step is reminded and escalated once.
/// </summary>
public sealed class RemindWaitingApprovers(IApprovalRepository approvals, IDirectory directory, IOutbox outbox, IUnitOfWork uow, TimeProvider clock,
    Calendar.WorkingCalendar calendar, ApprovalTiming timing)
{
    public async Task<(int Reminded, int Escalated)> ExecuteAsync(CancellationToken ct = default)
    {
        var (reminded, escalated) = (0, 0);
        foreach (var id in (await approvals.ListAwaitingApprovalAsync(ct)).Select(r => r.Id).ToList())
        {
            uow.Reset();
            var request = await approvals.FindAsync(id, ct);
            if (request?.CurrentStep is not { ActivatedAt: { } since } step)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var waited = calendar.WorkingTimeBetween(since, now);
            var changed = false;
            if (waited >= timing.EscalateAfter && step.EscalatedToId is null
                && await directory.FindAsync(step.ApproverId, ct) is { ManagerId: { } managerId })
            {
                request.Escalate(managerId, now);
                Notify(request, managerId, DecisionKind.Escalated, step.ApproverId, now);
                outbox.Enqueue(OutboxMessage.ForRequest(OutboxKind.RequestCards, request, null, string.Empty, now));
                escalated++;
                changed = true;
            }
            else if (waited >= timing.RemindAfter && step.RemindedAt is null)
            {
                request.MarkReminded(now);
                Notify(request, step.ApproverId, DecisionKind.Reminded, step.ApproverId, now);
                foreach (var substitution in (await approvals.SubstitutionsOfAsync(step.ApproverId, ct)).Where(s => s.IsValidOn(now)))
                {
                    Notify(request, substitution.SubstituteId, DecisionKind.Reminded, step.ApproverId, now);
                }

                reminded++;
                changed = true;
            }

            if (changed)
            {
                try
                {
                    await uow.SaveChangesAsync(ct);
                }
                catch (ConcurrencyConflictException)
                {
                    // Someone decided (or another host reminded) meanwhile: the next run looks again.
                    uow.Reset();
                }
            }
        }

        return (reminded, escalated);
    }

    private void Notify(ApprovalRequest request, int personId, DecisionKind kind, int actorId, DateTimeOffset now) =>
        outbox.Enqueue(OutboxMessage.ForRequest(OutboxKind.RequestNotice, request, personId, JsonSerializer.Serialize(new RequestNotice(kind, actorId, null, null, request.Status)), now));
}
