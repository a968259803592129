using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Logging;

namespace HelpdeskBot.Infrastructure.Persistence;

/// <summary>
/// The background sender's view of the outbox. Scoped: it shares the scope's context with <see cref="IDirectory"/> and
/// <see cref="ITicketRepository"/>, so use a scope of its own per batch (never a web request's).
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Leases up to <paramref name="max"/> due messages (Pending, <c>NextAttemptAt &lt;= now</c>, no live lease), oldest first,
    /// to <paramref name="owner"/> until now + <paramref name="leaseFor"/>. Returns only the messages this owner won:
    /// two senders racing never both get the same message. They come tracked, with their ticket and its history.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> LeaseDueAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default);

    /// <summary>
    /// Saves what the sender did: <c>MarkSent</c>/<c>MarkFailed</c>/<c>Defer</c>/<c>MarkUnreachable</c> on messages,
    /// <c>RecordChannelPost</c> on tickets, <c>MarkUnreachable</c> on people. A channel post is recorded even if the ticket
    /// changed meanwhile (it touches no business state). A message whose lease another sender took over meanwhile is left
    /// to that sender: its outcome is dropped and logged. Returns the ids of the messages so dropped.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">any other conflict.</exception>
    Task<IReadOnlyList<long>> SaveAsync(CancellationToken ct = default);

    /// <summary>Whether an older message of the same kind to the same person about the same request is still waiting to be sent.</summary>
    Task<bool> HasEarlierPendingAsync(OutboxMessage message, CancellationToken ct = default);
}

internal sealed partial class EfOutboxStore(HelpdeskDbContext db, TimeProvider clock, ILogger<EfOutboxStore> logger) : IOutboxStore
{
    private static readonly HashSet<string> ChannelPostColumns = [nameof(Ticket.ChannelActivityId), nameof(Ticket.ChannelConversationId)];

    public async Task<IReadOnlyList<OutboxMessage>> LeaseDueAsync(string owner, int max, TimeSpan leaseFor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Include(m => m.Ticket).ThenInclude(t => t!.History.OrderBy(e => e.Id))
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil <= now))
            .OrderBy(m => m.Id)
            .Take(max)
            .ToListAsync(ct);

        foreach (var message in due)
        {
            message.Lease(owner, now + leaseFor);
        }

        var lost = await SaveDroppingLostMessagesAsync(resolveTickets: false, ct);
        return lost.Count == 0 ? due : due.Where(m => !lost.Contains(m.Id)).ToList();
    }

    public Task<bool> HasEarlierPendingAsync(OutboxMessage message, CancellationToken ct = default) =>
        db.OutboxMessages.AnyAsync(m => m.Id < message.Id && m.State == OutboxState.Pending && m.Kind == message.Kind
            && m.RecipientPersonId == message.RecipientPersonId && m.RequestId == message.RequestId, ct);

    public async Task<IReadOnlyList<long>> SaveAsync(CancellationToken ct = default) =>
        [.. await SaveDroppingLostMessagesAsync(resolveTickets: true, ct)];

    /// <summary>Saves; on a conflict drops the outbox rows another sender holds (and, if asked, re-bases channel posts) and saves the rest.</summary>
    private async Task<HashSet<long>> SaveDroppingLostMessagesAsync(bool resolveTickets, CancellationToken ct)
    {
        var lost = new HashSet<long>();
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return lost;
            }
            catch (DbUpdateConcurrencyException ex) when (ex.Entries.Count > 0)
            {
                foreach (var entry in ex.Entries)
                {
                    switch (entry.Entity)
                    {
                        case OutboxMessage message:
                            LeaseLost(logger, message.Id);
                            lost.Add(message.Id);
                            entry.State = EntityState.Detached;
                            break;
                        case Ticket when resolveTickets && OnlyChannelPostChanged(entry):
                            if (!await RebaseOnStoredVersionAsync(entry, ct))
                            {
                                entry.State = EntityState.Detached;
                            }

                            break;
                        default:
                            throw new ConcurrencyConflictException($"Another writer changed {entry.Metadata.ClrType.Name} first.", ex);
                    }
                }
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                throw new UniqueConflictException("A unique key was taken meanwhile.", ex);
            }
        }
    }

    private static bool OnlyChannelPostChanged(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Properties.Where(p => p.IsModified).All(p => ChannelPostColumns.Contains(p.Metadata.Name));

    /// <summary>Takes the stored version as the expected one, so only the channel post columns are written over the newer row.</summary>
    private static async Task<bool> RebaseOnStoredVersionAsync(EntityEntry entry, CancellationToken ct)
    {
        var stored = await entry.GetDatabaseValuesAsync(ct);
        if (stored is null)
        {
            return false;
        }

        var version = entry.Property(nameof(Ticket.Version));
        var storedVersion = stored[nameof(Ticket.Version)];
        version.CurrentValue = storedVersion;
        version.OriginalValue = storedVersion;
        version.IsModified = false;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} was taken over by another sender; its outcome here is dropped")]
    private static partial void LeaseLost(ILogger logger, long messageId);
}
