using HelpdeskBot.Domain.Approvals;
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

    /// <summary>The unit's manager (birim müdürü), if the directory names one.</summary>
    Task<Person?> FindUnitManagerAsync(int unitId, CancellationToken ct = default);

    Task<IReadOnlyList<Person>> ListInRoleAsync(Role role, CancellationToken ct = default);

    Task<IReadOnlyList<Person>> ListUnitMembersAsync(int unitId, CancellationToken ct = default);

    Task<IReadOnlyList<Person>> ListAllPeopleAsync(CancellationToken ct = default);
    void Add(Person person);
}

public interface IAssetRepository
{
    Task<Asset?> FindAsync(int id, CancellationToken ct = default);
    Task<IReadOnlyList<Asset>> ListAsync(AssetKind? kind, int? unitId, int? locationId, CancellationToken ct = default);
    void Add(ConsumableReplacement replacement);
    Task<IReadOnlyList<ConsumableReplacement>> ReplacementsOfAsync(int assetId, CancellationToken ct = default);
    Task<Asset?> FindByTagAsync(string tag, CancellationToken ct = default);

    /// <summary>What is entrusted (zimmetli) to the person.</summary>
    Task<IReadOnlyList<Asset>> ListEntrustedToAsync(int personId, CancellationToken ct = default);

    /// <summary>The assets a change request delivered.</summary>
    Task<IReadOnlyList<Asset>> ListDeliveredByAsync(int requestId, CancellationToken ct = default);
    void Add(Asset asset);
}

public interface IApprovalRepository
{
    Task<ApprovalRequest?> FindAsync(int id, CancellationToken ct = default);
    Task<ApprovalRequest?> FindByNumberAsync(string number, CancellationToken ct = default);
    Task<IReadOnlyList<ApprovalRequest>> ListOfRequesterAsync(int requesterId, int take, CancellationToken ct = default);

    /// <summary>Requests waiting at a step (for reminders, and for "what waits for me").</summary>
    Task<IReadOnlyList<ApprovalRequest>> ListAwaitingApprovalAsync(CancellationToken ct = default);
    Task<int> NextSequenceAsync(RequestType type, int year, CancellationToken ct = default);
    Task<IReadOnlyList<ApprovalChainStep>> ChainAsync(RequestType type, CancellationToken ct = default);

    /// <summary>Every substitution naming <paramref name="principalId"/> as the one substituted (any dates).</summary>
    Task<IReadOnlyList<Substitution>> SubstitutionsOfAsync(int principalId, CancellationToken ct = default);
    Task<int?> SpendingAuthorityOfAsync(int unitId, CancellationToken ct = default);
    Task<BudgetLine?> FindBudgetLineAsync(int id, CancellationToken ct = default);
    Task<IReadOnlyList<BudgetLine>> ListBudgetLinesAsync(int year, CancellationToken ct = default);

    /// <summary>Totals of the expenditures on the line made since <paramref name="since"/> and not refused or withdrawn (for the split-purchase warning).</summary>
    Task<IReadOnlyList<decimal>> RecentExpenditureTotalsAsync(int budgetLineId, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>The audit records made in [from, to).</summary>
    Task<IReadOnlyList<DecisionRecord>> DecisionsBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default);
    void Add(ApprovalRequest request);
    void Add(Substitution substitution);

    /// <summary>The copies of the request's card the bot posted (one per conversation).</summary>
    Task<IReadOnlyList<RequestCardPost>> CardPostsAsync(int requestId, CancellationToken ct = default);
    void Add(RequestCardPost post);
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

    /// <summary>Takes back a <see cref="Remove"/> not saved yet: a dialog that meant to end (e.g. on "send") stays on after all.</summary>
    void Restore(DialogStateRecord record);
}
