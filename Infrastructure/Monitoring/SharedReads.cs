using System.Collections.Concurrent;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>
/// One read shared by every target that needs the same thing within a short window: one <c>restic snapshots</c> per repository
/// for all the hosts backed up into it, one msdb query per SQL Server instance for all its databases. A read that failed with an
/// exception or was cancelled is not reused.
/// </summary>
internal sealed class SharedReads<T>(TimeProvider clock, TimeSpan reuse)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public Task<T> GetAsync(string key, Func<Task<T>> read)
    {
        var now = clock.GetUtcNow();
        var entry = entries.AddOrUpdate(key,
            _ => new Entry(now, new Lazy<Task<T>>(read)),
            (_, old) => now - old.At < reuse && old.Value.Value is { IsFaulted: false, IsCanceled: false } ? old : new Entry(now, new Lazy<Task<T>>(read)));
        return entry.Value.Value;
    }

    private sealed record Entry(DateTimeOffset At, Lazy<Task<T>> Value);
}
