using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Domain.Common;

/// <summary>Commits everything added or changed since the last save in one transaction.</summary>
public interface IUnitOfWork
{
    /// <exception cref="ConcurrencyConflictException">another writer changed a row first.</exception>
    /// <exception cref="UniqueConflictException">a unique key (e.g. a ticket number) was taken meanwhile.</exception>
    Task SaveChangesAsync(CancellationToken ct = default);

    /// <summary>Forgets tracked changes so a use case can reload and decide again after a conflict.</summary>
    void Reset();
}

public sealed class UniqueConflictException(string message, Exception? inner = null) : Exception(message, inner);

public interface IDirectory
{
    Task<Person?> FindByAadIdAsync(string aadObjectId, CancellationToken ct = default);
    Task<Person?> FindAsync(int id, CancellationToken ct = default);
    Task<IReadOnlyList<Person>> FindManyAsync(IEnumerable<int> ids, CancellationToken ct = default);
    Task<IReadOnlyList<Person>> ListItStaffAsync(CancellationToken ct = default);
    Task<IReadOnlyList<Unit>> ListUnitsAsync(CancellationToken ct = default);
    Task<IReadOnlyList<ServiceLocation>> ListLocationsAsync(CancellationToken ct = default);
    Task<Unit?> FindUnitAsync(int id, CancellationToken ct = default);
    Task<ServiceLocation?> FindLocationAsync(int id, CancellationToken ct = default);
    void Add(Person person);
}

public interface IAssetRepository
{
    Task<Asset?> FindAsync(int id, CancellationToken ct = default);
    Task<IReadOnlyList<Asset>> ListAsync(AssetKind? kind, int? unitId, int? locationId, CancellationToken ct = default);
    void Add(ConsumableReplacement replacement);
    Task<IReadOnlyList<ConsumableReplacement>> ReplacementsOfAsync(int assetId, CancellationToken ct = default);
}

public interface ITicketRepository
{
    Task<Ticket?> FindAsync(int id, CancellationToken ct = default);
    Task<Ticket?> FindByNumberAsync(string number, CancellationToken ct = default);
    Task<IReadOnlyList<Ticket>> ListOfRequesterAsync(int requesterId, int take, CancellationToken ct = default);
    Task<int> NextSequenceAsync(int year, CancellationToken ct = default);

    /// <summary>The open ticket a non-person source (see <see cref="Ticket.SourceKey"/>) opened, if any.</summary>
    Task<Ticket?> FindOpenBySourceAsync(string sourceKey, CancellationToken ct = default);
    void Add(Ticket ticket);
    void Add(SelfResolution resolution);
}

public interface IOutbox
{
    void Enqueue(OutboxMessage message);
}

/// <summary>Dialog state per conversation. Changes commit with the use case's unit of work, so ending a dialog and filing its ticket are one transaction.</summary>
public interface IDialogStateRepository
{
    Task<DialogStateRecord?> FindAsync(string conversationId, CancellationToken ct = default);
    void Add(DialogStateRecord record);
    void Remove(DialogStateRecord record);
}
