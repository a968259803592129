using System.Globalization;
using HelpdeskBot.Domain.Scheduling;
using HelpdeskBot.Infrastructure.Persistence;

namespace HelpdeskBot.Bot.Jobs;

/// <summary>
/// Runs a scheduled job's current occurrence once across every host on the database: the occurrence's row in the
/// ledger (unique key "job:name:time") decides who runs it. A host that died mid-run leaves the row stale, and the
/// occurrence may then be taken again.
/// </summary>
public sealed class OccurrenceGate(IActivityLedger ledger, TimeProvider clock)
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

    /// <returns>the occurrence run, or null if another host (or an earlier tick) already ran it.</returns>
    public async Task<DateTimeOffset?> RunIfDueAsync(string job, Recurrence recurrence, Func<DateTimeOffset, CancellationToken, Task> work, CancellationToken ct)
    {
        var occurrence = recurrence.LatestDue(clock.GetUtcNow());
        var key = string.Create(CultureInfo.InvariantCulture, $"job:{job}:{occurrence.UtcDateTime:yyyy-MM-ddTHH:mm}Z");
        if (await ledger.TryBeginAsync(key, StaleAfter, ct) is not (LedgerResult.New or LedgerResult.Stale))
        {
            return null;
        }

        try
        {
            await work(occurrence, ct);
            await ledger.CompleteAsync(key, ct);
            return occurrence;
        }
        catch
        {
            await ledger.AbandonAsync(key, CancellationToken.None);
            throw;
        }
    }
}
