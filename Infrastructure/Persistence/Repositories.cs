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

    public void Add(Person person) => db.People.Add(person);
}

internal sealed class EfAssetRepository(HelpdeskDbContext db) : IAssetRepository
{
    public Task<Asset?> FindAsync(int id, CancellationToken ct = default) =>
        db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);

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
}
