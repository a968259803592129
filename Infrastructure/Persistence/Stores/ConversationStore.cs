using HelpdeskBot.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskBot.Infrastructure.Persistence;

/// <summary>
/// Stored conversation references (so the bot can write first) and the IT channel.
/// Each call commits on its own short-lived context: it never saves, nor is saved with, the request's unit of work.
/// </summary>
public interface IConversationStore
{
    /// <summary>Inserts or refreshes the reference of a conversation (personal chat of a person, or a channel).</summary>
    Task<ConversationRecord> UpsertAsync(ConversationKind kind, string conversationId, int? personId, string referenceJson, CancellationToken ct = default);

    Task<ConversationRecord?> FindAsync(string conversationId, CancellationToken ct = default);

    /// <summary>The person's personal chat with the bot (the most recently seen one), if the bot was ever installed for them.</summary>
    Task<ConversationRecord?> FindPersonalAsync(int personId, CancellationToken ct = default);

    Task<ItChannel?> GetItChannelAsync(CancellationToken ct = default);

    /// <summary>
    /// The person can be written to now (they installed the app or opened the chat): what was held back for them, and
    /// the request cards waiting for a recipient, go out at the sender's next pass instead of at their scheduled retry.
    /// </summary>
    Task WakeHeldMessagesAsync(int personId, CancellationToken ct = default);

    /// <summary>Sets, or replaces, the one IT channel.</summary>
    Task<ItChannel> SetItChannelAsync(string conversationId, string? teamId, string? channelName, int setByPersonId, CancellationToken ct = default);
}

internal sealed class EfConversationStore(IDbContextFactory<HelpdeskDbContext> contexts, TimeProvider clock) : IConversationStore
{
    public async Task WakeHeldMessagesAsync(int personId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var held = await db.OutboxMessages
            .Where(m => m.State == OutboxState.Pending && (m.RecipientPersonId == personId || m.Kind == OutboxKind.RequestCards))
            .ToListAsync(ct);
        foreach (var message in held)
        {
            message.Wake(now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A sender holds one of them right now: it is being sent anyway.
        }
    }

    private const int Attempts = 3;

    public async Task<ConversationRecord> UpsertAsync(ConversationKind kind, string conversationId, int? personId, string referenceJson,
        CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow();
            var record = await db.Conversations.FirstOrDefaultAsync(c => c.ConversationId == conversationId, ct);
            if (record is null)
            {
                record = new ConversationRecord(kind, conversationId, personId, referenceJson, now);
                db.Conversations.Add(record);
            }
            else
            {
                record.Refresh(referenceJson, now);
                if (personId is not null && record.PersonId != personId)
                {
                    // The person was not in the directory at first contact; the entity offers no setter for a fact this plain.
                    db.Entry(record).Property(c => c.PersonId).CurrentValue = personId;
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return record;
            }
            catch (DbUpdateException ex) when (attempt < Attempts && DbErrors.IsUniqueViolation(ex))
            {
                // Two turns of a new conversation raced to insert it: the other one won, refresh theirs.
            }
        }
    }

    public async Task<ConversationRecord?> FindAsync(string conversationId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.ConversationId == conversationId, ct);
    }

    public async Task<ConversationRecord?> FindPersonalAsync(int personId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Conversations.AsNoTracking()
            .Where(c => c.PersonId == personId && c.Kind == ConversationKind.Personal)
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<ItChannel?> GetItChannelAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ItChannels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ItChannel.SingletonId, ct);
    }

    public async Task<ItChannel> SetItChannelAsync(string conversationId, string? teamId, string? channelName, int setByPersonId,
        CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow();
            var channel = await db.ItChannels.FirstOrDefaultAsync(c => c.Id == ItChannel.SingletonId, ct);
            if (channel is null)
            {
                channel = new ItChannel(conversationId, teamId, channelName, setByPersonId, now);
                db.ItChannels.Add(channel);
            }
            else
            {
                channel.Set(conversationId, teamId, channelName, setByPersonId, now);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return channel;
            }
            catch (DbUpdateException ex) when (attempt < Attempts && DbErrors.IsUniqueViolation(ex))
            {
                // Set twice at once: the later one replaces the earlier.
            }
        }
    }
}
