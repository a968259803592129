namespace HelpdeskBot.Domain.Monitoring;

/// <summary>The watched things, kept in the database. Entities come back tracked: a change commits with <c>IUnitOfWork</c>.</summary>
public interface IMonitoringInventory
{
    Task<IReadOnlyList<BackupTarget>> ListBackupTargetsAsync(bool enabledOnly, CancellationToken ct = default);
    Task<IReadOnlyList<Camera>> ListCamerasAsync(bool enabledOnly, CancellationToken ct = default);
    Task<IReadOnlyList<EBelediyeService>> ListServicesAsync(bool enabledOnly, CancellationToken ct = default);

    /// <summary>The targets of one area as the common interface, for listings and the status report.</summary>
    Task<IReadOnlyList<IMonitoredTarget>> ListAsync(MonitoringArea area, bool enabledOnly, CancellationToken ct = default);

    /// <summary>By exact name (names are unique within an area).</summary>
    Task<IMonitoredTarget?> FindByNameAsync(MonitoringArea area, string name, CancellationToken ct = default);

    void Add(BackupTarget target);
    void Add(Camera camera);
    void Add(EBelediyeService service);
}

/// <summary>Latest states and the check history.</summary>
public interface IMonitorStateStore
{
    Task<IReadOnlyList<MonitorState>> ListAsync(MonitoringArea area, CancellationToken ct = default);
    void Add(MonitorState state);
    void Add(MonitorCheck check);

    /// <summary>Per target id: how many checks since <paramref name="since"/>, and how many of them were up.</summary>
    Task<IReadOnlyDictionary<int, Availability>> AvailabilityAsync(MonitoringArea area, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>Deletes history older than <paramref name="before"/> at once (outside the unit of work). Returns the rows deleted.</summary>
    Task<int> PurgeHistoryAsync(DateTimeOffset before, CancellationToken ct = default);
}

/// <summary>Checks one camera: reachability, RTSP, and the picture when it can. Never throws for a camera that fails.</summary>
public interface ICameraProbe
{
    Task<CheckResult> CheckAsync(Camera camera, CancellationToken ct = default);
}

/// <summary>Checks one e-Belediye service over HTTP(S). Never throws for a service that fails.</summary>
public interface IServiceProbe
{
    Task<CheckResult> CheckAsync(EBelediyeService service, CancellationToken ct = default);
}

public sealed record Availability(int Checks, int Up)
{
    /// <summary>The share of checks that found the target up, 0–1; null without checks.</summary>
    public double? Ratio => Checks == 0 ? null : (double)Up / Checks;
}
