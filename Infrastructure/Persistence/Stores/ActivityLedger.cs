using System.Security.Cryptography;
using System.Text;
using HelpdeskBot.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskBot.Infrastructure.Persistence;

public enum LedgerResult
{
    /// <summary>First time: this request owns the activity and acts on it.</summary>
    New,

    /// <summary>Another request took it recently and has not finished: do not act again.</summary>
    InProgress,

    /// <summary>Already handled: answer the retry without acting.</summary>
    Done,

    /// <summary>Taken long ago and never finished (the host died): this request has taken it over and acts on it.</summary>
    Stale,
}

/// <summary>
/// Inbound activities already taken in hand, so a Teams retry is not acted on twice. The row's primary key decides
/// between racing requests. Works on its own short-lived contexts, apart from the request's unit of work.
/// </summary>
public interface IActivityLedger
{
    Task<LedgerResult> TryBeginAsync(string key, TimeSpan staleAfter, CancellationToken ct = default);

    Task CompleteAsync(string key, CancellationToken ct = default);

    /// <summary>Forgets an activity that was begun but not completed (its handling failed), so a retry may act on it.</summary>
    Task AbandonAsync(string key, CancellationToken ct = default);

    /// <summary>Deletes entries received before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default);
}

internal sealed class EfActivityLedger(IDbContextFactory<HelpdeskDbContext> contexts, TimeProvider clock) : IActivityLedger
{
    private const int Attempts = 3;

    public async Task<LedgerResult> TryBeginAsync(string key, TimeSpan staleAfter, CancellationToken ct = default)
    {
        key = Normalize(key);
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            await using (var insert = await contexts.CreateDbContextAsync(ct))
            {
                insert.ProcessedActivities.Add(new ProcessedActivity(key, now));
                try
                {
                    await insert.SaveChangesAsync(ct);
                    return LedgerResult.New;
                }
                catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
                {
                    // Someone has it already: see in what state.
                }
            }

            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = await db.ProcessedActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Key == key, ct);
            if (row is null)
            {
                if (attempt < Attempts)
                {
                    continue; // abandoned or purged in between: try to take it again
                }

                return LedgerResult.InProgress;
            }

            if (row.CompletedAt is not null)
            {
                return LedgerResult.Done;
            }

            if (now - row.ReceivedAt < staleAfter)
            {
                return LedgerResult.InProgress;
            }

            // Take the stale row over; only one of several racing requests finds it still as it was read.
            var receivedAt = row.ReceivedAt;
            var taken = await db.ProcessedActivities
                .Where(a => a.Key == key && a.CompletedAt == null && a.ReceivedAt == receivedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReceivedAt, now), ct);
            return taken == 1 ? LedgerResult.Stale : LedgerResult.InProgress;
        }
    }

    public async Task CompleteAsync(string key, CancellationToken ct = default)
    {
        key = Normalize(key);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.ProcessedActivities.Where(a => a.Key == key).ExecuteUpdateAsync(s => s.SetProperty(a => a.CompletedAt, now), ct);
    }

    public async Task AbandonAsync(string key, CancellationToken ct = default)
    {
        key = Normalize(key);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.ProcessedActivities.Where(a => a.Key == key && a.CompletedAt == null).ExecuteDeleteAsync(ct);
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ProcessedActivities.Where(a => a.ReceivedAt < before).ExecuteDeleteAsync(ct);
    }

    /// <summary>Keys longer than the column are stored as their SHA-256.</summary>
    internal static string Normalize(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return key.Length <= Configurations.Lengths.Key
            ? key
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
