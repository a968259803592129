using System.Diagnostics;
using System.Globalization;
using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Domain.Monitoring;

public sealed record CheckCounts(int Total, int Ok, int Warning, int Failed, int Unreadable)
{
    public static CheckCounts From(IEnumerable<CheckStatus> statuses)
    {
        var list = statuses.ToList();
        return new CheckCounts(list.Count, list.Count(s => s == CheckStatus.Ok), list.Count(s => s == CheckStatus.Warning),
            list.Count(s => s == CheckStatus.Failed), list.Count(s => s == CheckStatus.Unreadable));
    }

    /// <summary>Something is down (failed or unreadable): a command-line run exits non-zero.</summary>
    public bool AnyDown => Failed + Unreadable > 0;
}

/// <summary>What a check run found: every result (worst first, then by name), the announced state changes, and the counts.</summary>
public sealed record CheckRunSummary(
    MonitoringArea Area,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<CheckResult> Results,
    IReadOnlyList<MonitorStateChange> Changes,
    CheckCounts Counts);

/// <summary>Sorts names as a Turkish reader expects (Ç after C, İ after I, Ş after S).</summary>
public static class TurkishOrder
{
    public static readonly StringComparer Names = StringComparer.Create(CultureInfo.GetCultureInfo("tr-TR"), CompareOptions.IgnoreCase);
}

/// <summary>Records a run's results: moves each target's state, keeps the history, and returns the changes to announce.</summary>
public sealed class MonitorRecorder(IMonitorStateStore states, IUnitOfWork uow, MonitoringPolicy policy, TimeProvider clock)
{
    private const int MaxAttempts = 3;

    public async Task<IReadOnlyList<MonitorStateChange>> RecordAsync(MonitoringArea area, IReadOnlyList<CheckResult> results, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var flap = policy.FlapFor(area);
        for (var attempt = 1; ; attempt++)
        {
            var changes = await ApplyAsync(area, results, flap, ct);
            try
            {
                await uow.SaveChangesAsync(ct);
                await states.PurgeHistoryAsync(clock.GetUtcNow() - policy.HistoryRetention, ct);
                return changes;
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or UniqueConflictException && attempt < MaxAttempts)
            {
                // Another instance recorded a run of the same area meanwhile: reload its states and apply ours on top.
                uow.Reset();
            }
        }
    }

    private async Task<List<MonitorStateChange>> ApplyAsync(MonitoringArea area, IReadOnlyList<CheckResult> results, FlapPolicy flap, CancellationToken ct)
    {
        var known = (await states.ListAsync(area, ct)).ToDictionary(s => s.TargetId);
        var changes = new List<MonitorStateChange>();
        foreach (var result in results)
        {
            if (!known.TryGetValue(result.TargetId, out var state))
            {
                state = new MonitorState(area, result.TargetId, result.TargetName);
                states.Add(state);
                known[result.TargetId] = state;
            }

            if (state.Observe(result, flap) is { } change)
            {
                changes.Add(change);
            }

            states.Add(new MonitorCheck(result));
        }

        return changes;
    }
}

/// <summary>Runs checks over many targets with bounded concurrency; a checker that throws gives an unreadable result, never a lost run.</summary>
internal static class CheckRunner
{
    public static async Task<List<CheckResult>> RunAsync<T>(IReadOnlyList<T> targets, int maxConcurrency, Func<T, CancellationToken, Task<CheckResult>> check,
        Func<T, Exception, CheckResult> onError, CancellationToken ct)
    {
        var results = new CheckResult[targets.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count), options, async (i, token) =>
        {
            try
            {
                results[i] = await check(targets[i], token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                results[i] = onError(targets[i], ex);
            }
        });
        return [.. results.OrderByDescending(r => r.Status).ThenBy(r => r.TargetName, TurkishOrder.Names)];
    }

    public static CheckResult Error(IMonitoredTarget target, Exception ex, DateTimeOffset now) =>
        new(target.Area, target.Id, target.Name, target.UnitId, CheckStatus.Unreadable, "checker error: " + ex.Message, [CheckProblem.SourceUnreadable],
            new Dictionary<string, string>(), now);

    /// <summary>The run's duration is measured time (a stopwatch), not the time of day the clock gives.</summary>
    public static async Task<CheckRunSummary> SummarizeAsync(MonitoringArea area, DateTimeOffset started, long startTimestamp, List<CheckResult> results,
        MonitorRecorder recorder, CancellationToken ct)
    {
        var changes = await recorder.RecordAsync(area, results, ct);
        return new CheckRunSummary(area, started, Stopwatch.GetElapsedTime(startTimestamp), results, changes, CheckCounts.From(results.Select(r => r.Status)));
    }
}

/// <summary>
/// Checks every enabled backup target: reads its source and its second location, decides (age against RPO, size against the recent
/// median, the copy), records the states and returns what changed. The lead's 07:30 job and the <c>check backups</c> verb call it.
/// </summary>
public sealed class RunBackupChecks(IMonitoringInventory inventory, IEnumerable<IBackupSource> sources, MonitorRecorder recorder, MonitoringPolicy policy,
    TimeProvider clock)
{
    private readonly Dictionary<BackupSourceKind, IBackupSource> byKind = sources.ToDictionary(s => s.Kind);

    public async Task<CheckRunSummary> ExecuteAsync(CancellationToken ct = default)
    {
        var started = clock.GetUtcNow();
        var timestamp = Stopwatch.GetTimestamp();
        var targets = await inventory.ListBackupTargetsAsync(enabledOnly: true, ct);
        var results = await CheckRunner.RunAsync(targets, policy.BackupConcurrency, CheckAsync,
            (t, ex) => CheckRunner.Error(t, ex, clock.GetUtcNow()), ct);
        return await CheckRunner.SummarizeAsync(MonitoringArea.Backups, started, timestamp, results, recorder, ct);
    }

    /// <summary>Checks one target without recording anything.</summary>
    public async Task<CheckResult> CheckAsync(BackupTarget target, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var primary = await ReadAsync(target.Primary(), ct);
        var secondLocation = target.Second();
        var second = secondLocation is null || !primary.IsReadable ? null : await ReadAsync(secondLocation, ct);
        var now = clock.GetUtcNow();
        var a = BackupAssessor.Assess(target.Rpo, primary, second, now, policy.Backups);
        var measures = new Dictionary<string, string>
        {
            [MeasureKeys.BackupCount] = primary.Backups.Count.ToString(CultureInfo.InvariantCulture),
            [MeasureKeys.SecondCopy] = a.Copy.ToString(),
        };
        if (a.Latest is { } latest)
        {
            measures[MeasureKeys.LatestBackupAt] = latest.TakenAt.ToString("O", CultureInfo.InvariantCulture);
            if (latest.SizeBytes is { } size)
            {
                measures[MeasureKeys.SizeBytes] = size.ToString(CultureInfo.InvariantCulture);
            }
        }

        if (a.Age is { } age)
        {
            measures[MeasureKeys.AgeHours] = age.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
        }

        if (a.MedianSizeBytes is { } median)
        {
            measures[MeasureKeys.MedianSizeBytes] = median.ToString(CultureInfo.InvariantCulture);
        }

        return new CheckResult(MonitoringArea.Backups, target.Id, target.Name, target.UnitId, a.Status, a.Detail, a.Problems, measures, now);
    }

    private async Task<BackupObservation> ReadAsync(BackupLocation location, CancellationToken ct) =>
        byKind.TryGetValue(location.Kind, out var source)
            ? await source.ReadAsync(location, ct)
            : BackupObservation.Unreadable("no reader for " + location.Kind);
}

/// <summary>Sweeps every enabled camera with bounded concurrency (<c>Monitoring:Cameras:MaxConcurrency</c>). The 15-minute job calls it.</summary>
public sealed class RunCameraSweep(IMonitoringInventory inventory, ICameraProbe probe, MonitorRecorder recorder, MonitoringPolicy policy, TimeProvider clock)
{
    public async Task<CheckRunSummary> ExecuteAsync(CancellationToken ct = default)
    {
        var started = clock.GetUtcNow();
        var timestamp = Stopwatch.GetTimestamp();
        var cameras = await inventory.ListCamerasAsync(enabledOnly: true, ct);
        var results = await CheckRunner.RunAsync(cameras, policy.CameraConcurrency, (c, token) => probe.CheckAsync(c, token),
            (c, ex) => CheckRunner.Error(c, ex, clock.GetUtcNow()), ct);
        return await CheckRunner.SummarizeAsync(MonitoringArea.Cameras, started, timestamp, results, recorder, ct);
    }
}

/// <summary>Checks every enabled e-Belediye service. The 5-minute job calls it.</summary>
public sealed class RunServiceChecks(IMonitoringInventory inventory, IServiceProbe probe, MonitorRecorder recorder, MonitoringPolicy policy, TimeProvider clock)
{
    public async Task<CheckRunSummary> ExecuteAsync(CancellationToken ct = default)
    {
        var started = clock.GetUtcNow();
        var timestamp = Stopwatch.GetTimestamp();
        var services = await inventory.ListServicesAsync(enabledOnly: true, ct);
        var results = await CheckRunner.RunAsync(services, policy.ServiceConcurrency, (s, token) => probe.CheckAsync(s, token),
            (s, ex) => CheckRunner.Error(s, ex, clock.GetUtcNow()), ct);
        return await CheckRunner.SummarizeAsync(MonitoringArea.EBelediye, started, timestamp, results, recorder, ct);
    }
}

/// <summary>One line of "yedek durumu" / "kamera durumu": the latest state and the availability over the window.</summary>
public sealed record TargetStatusLine(
    int TargetId,
    string Name,
    int? UnitId,
    CheckStatus? Status,
    string? Detail,
    IReadOnlyList<CheckProblem> Problems,
    DateTimeOffset? LastCheckedAt,
    DateTimeOffset? DownSince,
    double? Availability,
    int ChecksInWindow);

public sealed record MonitoringStatusReport(MonitoringArea Area, DateTimeOffset AsOf, TimeSpan Window, IReadOnlyList<TargetStatusLine> Lines, CheckCounts Counts);

/// <summary>The current state of an area's enabled targets with their availability (share of up checks) over the last 30 days; worst first.</summary>
public sealed class GetMonitoringStatus(IMonitoringInventory inventory, IMonitorStateStore states, MonitoringPolicy policy, TimeProvider clock)
{
    public async Task<MonitoringStatusReport> ExecuteAsync(MonitoringArea area, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var targets = await inventory.ListAsync(area, enabledOnly: true, ct);
        var known = (await states.ListAsync(area, ct)).ToDictionary(s => s.TargetId);
        var availability = await states.AvailabilityAsync(area, now - policy.AvailabilityWindow, ct);
        var lines = targets.Select(t =>
        {
            known.TryGetValue(t.Id, out var s);
            availability.TryGetValue(t.Id, out var a);
            return new TargetStatusLine(t.Id, t.Name, t.UnitId, s?.LastStatus, s?.LastDetail, s?.LastProblemList ?? [], s?.LastCheckedAt,
                s?.ObservedUp == false ? s.ObservedSince : null, a?.Ratio, a?.Checks ?? 0);
        })
            .OrderByDescending(l => l.Status ?? CheckStatus.Ok)
            .ThenBy(l => l.Name, TurkishOrder.Names)
            .ToList();
        var counts = CheckCounts.From(lines.Where(l => l.Status is not null).Select(l => l.Status!.Value));
        return new MonitoringStatusReport(area, now, policy.AvailabilityWindow, lines, counts);
    }
}

public enum InventorySwitchOutcome
{
    NotFound = 0,
    Changed = 1,
    Unchanged = 2,
}

/// <summary>Switches a watched target off (decommissioned, under repair) or on again, by its name. Its history stays.</summary>
public sealed class SetMonitoredTargetEnabled(IMonitoringInventory inventory, IUnitOfWork uow, TimeProvider clock)
{
    public async Task<InventorySwitchOutcome> ExecuteAsync(MonitoringArea area, string name, bool enabled, CancellationToken ct = default)
    {
        var target = await inventory.FindByNameAsync(area, name.Trim(), ct);
        if (target is null)
        {
            return InventorySwitchOutcome.NotFound;
        }

        var changed = target.SetEnabled(enabled, clock.GetUtcNow());
        if (changed)
        {
            await uow.SaveChangesAsync(ct);
        }

        return changed ? InventorySwitchOutcome.Changed : InventorySwitchOutcome.Unchanged;
    }
}
