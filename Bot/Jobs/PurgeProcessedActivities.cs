using Coravel.Invocable;
using HelpdeskBot.Infrastructure.Persistence;

namespace HelpdeskBot.Bot.Jobs;

/// <summary>Forgets inbound activity ids older than a week: Teams retries within seconds, so the ledger needs no more.</summary>
public sealed class PurgeProcessedActivities(IActivityLedger ledger, TimeProvider clock) : IInvocable
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    public Task Invoke() => ledger.PurgeAsync(clock.GetUtcNow() - KeepFor);
}
