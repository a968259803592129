using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskBot.Infrastructure.Persistence;

/// <summary>Commits what the request's repositories added or changed, in one transaction, and names the conflicts in domain terms.</summary>
internal sealed class EfUnitOfWork(HelpdeskDbContext db) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(
                $"Another writer changed {string.Join(", ", ex.Entries.Select(e => e.Metadata.ClrType.Name).Distinct())} first.", ex);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new UniqueConflictException("A unique key was taken meanwhile.", ex);
        }
    }

    public void Reset() => db.ChangeTracker.Clear();
}

internal sealed class EfDirectory(HelpdeskDbContext db) : IDirectory
{
    public Task<Person?> FindByAadIdAsync(string aadObjectId, CancellationToken ct = default) =>
        db.People.FirstOrDefaultAsync(p => p.AadObjectId == aadObjectId, ct);

    public Task<Person?> FindAsync(int id, CancellationToken ct = default) =>
        db.People.FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<IReadOnlyList<Person>> FindManyAsync(IEnumerable<int> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.People.Where(p => wanted.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Person>> ListItStaffAsync(CancellationToken ct = default) =>
        await db.People.Where(p => p.Role == Role.ItTechnician || p.Role == Role.ItDirector).OrderBy(p => p.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<Unit>> ListUnitsAsync(CancellationToken ct = default) =>
        await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<ServiceLocation>> ListLocationsAsync(CancellationToken ct = default) =>
        await db.ServiceLocations.AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct);

    public Task<Unit?> FindUnitAsync(int id, CancellationToken ct = default) =>
        db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);

    public Task<ServiceLocation?> FindLocationAsync(int id, CancellationToken ct = default) =>
        db.ServiceLocations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);

    public async Task<Person?> FindUnitManagerAsync(int unitId, CancellationToken ct = default) =>
        await db.People.Where(p => p.UnitId == unitId && p.Role == Role.UnitManager).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<Person>> ListUnitMembersAsync(int unitId, CancellationToken ct = default) =>
        await db.People.Where(p => p.UnitId == unitId && p.Role != Role.System).OrderBy(p => p.DisplayName).ToListAsync(ct);

    public async Task<IReadOnlyList<Person>> ListAllPeopleAsync(CancellationToken ct = default) =>
        await db.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<Person>> ListInRoleAsync(Role role, CancellationToken ct = default) =>
        await db.People.Where(p => p.Role == role).OrderBy(p => p.Id).ToListAsync(ct);

    public void Add(Person person) => db.People.Add(person);
}

internal sealed class EfAssetRepository(HelpdeskDbContext db) : IAssetRepository
{
    public Task<Asset?> FindAsync(int id, CancellationToken ct = default) =>
        db.Assets.FirstOrDefaultAsync(a => a.Id == id, ct);

    public Task<Asset?> FindByTagAsync(string tag, CancellationToken ct = default)
    {
        var normalized = Asset.NormalizeTag(tag);
        return db.Assets.FirstOrDefaultAsync(a => a.Tag == normalized, ct);
    }

    public async Task<IReadOnlyList<Asset>> ListEntrustedToAsync(int personId, CancellationToken ct = default) =>
        await db.Assets.AsNoTracking().Where(a => a.EntrustedToId == personId).OrderBy(a => a.Tag).ToListAsync(ct);

    public async Task<IReadOnlyList<Asset>> ListDeliveredByAsync(int requestId, CancellationToken ct = default) =>
        await db.Assets.AsNoTracking().Where(a => a.SourceRequestId == requestId).OrderBy(a => a.Tag).ToListAsync(ct);

    public void Add(Asset asset) => db.Assets.Add(asset);

    public async Task<IReadOnlyList<Asset>> ListAsync(AssetKind? kind, int? unitId, int? locationId, CancellationToken ct = default)
    {
        var query = db.Assets.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (unitId is not null)
        {
            query = query.Where(a => a.UnitId == unitId);
        }

        if (locationId is not null)
        {
            query = query.Where(a => a.LocationId == locationId);
        }

        return await query.OrderBy(a => a.Tag).ToListAsync(ct);
    }

    public void Add(ConsumableReplacement replacement) => db.ConsumableReplacements.Add(replacement);

    public async Task<IReadOnlyList<ConsumableReplacement>> ReplacementsOfAsync(int assetId, CancellationToken ct = default) =>
        await db.ConsumableReplacements.AsNoTracking()
            .Where(r => r.AssetId == assetId)
            .OrderByDescending(r => r.ReplacedAt).ThenByDescending(r => r.Id)
            .ToListAsync(ct);
}

internal sealed class EfTicketRepository(HelpdeskDbContext db) : ITicketRepository
{
    public Task<Ticket?> FindAsync(int id, CancellationToken ct = default) =>
        WithHistory().FirstOrDefaultAsync(t => t.Id == id, ct);

    public Task<Ticket?> FindByNumberAsync(string number, CancellationToken ct = default) =>
        WithHistory().FirstOrDefaultAsync(t => t.Number == number, ct);

    public Task<Ticket?> FindOpenBySourceAsync(string sourceKey, CancellationToken ct = default) =>
        WithHistory()
            .Where(t => t.SourceKey == sourceKey)
            .Where(t => t.Status == TicketStatus.New || t.Status == TicketStatus.Assigned || t.Status == TicketStatus.Pending || t.Status == TicketStatus.Reopened)
            .OrderByDescending(t => t.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>Newest first, without history (for lists; load one with <see cref="FindAsync"/> to act on it).</summary>
    public async Task<IReadOnlyList<Ticket>> ListOfRequesterAsync(int requesterId, int take, CancellationToken ct = default) =>
        await db.Tickets.AsNoTracking()
            .Where(t => t.RequesterId == requesterId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Take(take)
            .ToListAsync(ct);

    public async Task<int> NextSequenceAsync(int year, CancellationToken ct = default) =>
        (await db.Tickets.Where(t => t.Year == year).MaxAsync(t => (int?)t.Sequence, ct) ?? 0) + 1;

    public void Add(Ticket ticket) => db.Tickets.Add(ticket);

    public void Add(SelfResolution resolution) => db.SelfResolutions.Add(resolution);

    private IQueryable<Ticket> WithHistory() => db.Tickets.Include(t => t.History.OrderBy(e => e.Id));
}

internal sealed class EfOutbox(HelpdeskDbContext db) : IOutbox
{
    public void Enqueue(OutboxMessage message)
    {
        // A ticket read elsewhere (not tracked here) is an existing row: attach it unchanged, never insert it again.
        if (message.Ticket is { Id: > 0 } ticket && db.Entry(ticket).State == EntityState.Detached)
        {
            db.Tickets.Attach(ticket);
        }

        if (message.Request is { Id: > 0 } request && db.Entry(request).State == EntityState.Detached)
        {
            db.ApprovalRequests.Attach(request);
        }

        db.OutboxMessages.Add(message);
    }
}

/// <summary>Dialog state that commits with the use case's unit of work.</summary>
internal sealed class EfDialogStateRepository(HelpdeskDbContext db) : IDialogStateRepository
{
    public Task<DialogStateRecord?> FindAsync(string conversationId, CancellationToken ct = default) =>
        db.DialogStates.FirstOrDefaultAsync(d => d.ConversationId == conversationId, ct);

    public void Add(DialogStateRecord record) => db.DialogStates.Add(record);

    public void Remove(DialogStateRecord record) => db.DialogStates.Remove(record);

    public void Restore(DialogStateRecord record)
    {
        var entry = db.Entry(record);
        if (entry.State == EntityState.Deleted)
        {
            entry.State = EntityState.Unchanged;
        }
    }
}

internal sealed class EfApprovalRepository(HelpdeskDbContext db) : IApprovalRepository
{
    private static readonly RequestStatus[] NotSpending = [RequestStatus.Rejected, RequestStatus.Withdrawn];

    public Task<ApprovalRequest?> FindAsync(int id, CancellationToken ct = default) =>
        Whole().FirstOrDefaultAsync(r => r.Id == id, ct);

    public Task<ApprovalRequest?> FindByNumberAsync(string number, CancellationToken ct = default) =>
        Whole().FirstOrDefaultAsync(r => r.Number == number, ct);

    public async Task<IReadOnlyList<ApprovalRequest>> ListOfRequesterAsync(int requesterId, int take, CancellationToken ct = default) =>
        await db.ApprovalRequests.AsNoTracking()
            .Where(r => r.RequesterId == requesterId)
            .OrderByDescending(r => r.Id)
            .Take(take)
            .ToListAsync(ct);

    public async Task<IReadOnlyList<ApprovalRequest>> ListAwaitingApprovalAsync(CancellationToken ct = default) =>
        await Whole().Where(r => r.Status == RequestStatus.AwaitingApproval).OrderBy(r => r.Id).ToListAsync(ct);

    public async Task<int> NextSequenceAsync(RequestType type, int year, CancellationToken ct = default) =>
        (await db.ApprovalRequests.Where(r => r.Type == type && r.Year == year).MaxAsync(r => (int?)r.Sequence, ct) ?? 0) + 1;

    public async Task<IReadOnlyList<ApprovalChainStep>> ChainAsync(RequestType type, CancellationToken ct = default) =>
        await db.ApprovalChainSteps.AsNoTracking().Where(s => s.Type == type).OrderBy(s => s.Order).ToListAsync(ct);

    public async Task<IReadOnlyList<Substitution>> SubstitutionsOfAsync(int principalId, CancellationToken ct = default) =>
        await db.Substitutions.AsNoTracking().Where(s => s.PrincipalId == principalId).ToListAsync(ct);

    public async Task<int?> SpendingAuthorityOfAsync(int unitId, CancellationToken ct = default) =>
        await db.SpendingAuthorities.Where(s => s.UnitId == unitId).Select(s => (int?)s.PersonId).FirstOrDefaultAsync(ct);

    public Task<BudgetLine?> FindBudgetLineAsync(int id, CancellationToken ct = default) =>
        db.BudgetLines.FirstOrDefaultAsync(b => b.Id == id, ct);

    public async Task<IReadOnlyList<BudgetLine>> ListBudgetLinesAsync(int year, CancellationToken ct = default) =>
        await db.BudgetLines.AsNoTracking().Where(b => b.Year == year).OrderBy(b => b.EconomicCode).ToListAsync(ct);

    public async Task<IReadOnlyList<decimal>> RecentExpenditureTotalsAsync(int budgetLineId, DateTimeOffset since, CancellationToken ct = default)
    {
        // Summed here, not in SQL: SQLite stores decimals as text and cannot add them.
        var recent = await db.ApprovalRequests.AsNoTracking().Include(r => r.Lines)
            .Where(r => r.Type == RequestType.Expenditure && r.BudgetLineId == budgetLineId && !NotSpending.Contains(r.Status))
            .ToListAsync(ct);
        return recent.Where(r => r.CreatedAt >= since).Select(r => r.Total).ToList();
    }

    public async Task<IReadOnlyList<DecisionRecord>> DecisionsBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var all = await db.DecisionRecords.AsNoTracking().Include(d => d.Request).OrderBy(d => d.Id).ToListAsync(ct);
        return all.Where(d => d.At >= from && d.At < to).ToList();
    }

    public void Add(ApprovalRequest request) => db.ApprovalRequests.Add(request);

    public void Add(Substitution substitution) => db.Substitutions.Add(substitution);

    public async Task<IReadOnlyList<RequestCardPost>> CardPostsAsync(int requestId, CancellationToken ct = default) =>
        await db.RequestCardPosts.Where(p => p.RequestId == requestId).OrderBy(p => p.Id).ToListAsync(ct);

    public void Add(RequestCardPost post) => db.RequestCardPosts.Add(post);

    private IQueryable<ApprovalRequest> Whole() => db.ApprovalRequests
        .Include(r => r.Lines)
        .Include(r => r.Steps.OrderBy(s => s.Order))
        .Include(r => r.Decisions.OrderBy(d => d.Id))
        .AsSplitQuery();
}
