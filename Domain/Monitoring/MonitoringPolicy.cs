namespace HelpdeskBot.Domain.Monitoring;

/// <summary>The domain's monitoring settings: thresholds, flapping suppression and concurrency per area. Made from the <c>Monitoring</c> options.</summary>
public sealed record MonitoringPolicy
{
    public BackupPolicy Backups { get; init; } = new();

    /// <summary>Backups are checked once a day: a change is announced at once.</summary>
    public FlapPolicy BackupFlap { get; init; } = FlapPolicy.Immediate;

    /// <summary>Cameras are swept every 15 minutes: two sweeps in a row.</summary>
    public FlapPolicy CameraFlap { get; init; } = new(2, TimeSpan.Zero);

    /// <summary>Services are checked every 5 minutes: three checks in a row, or ten minutes.</summary>
    public FlapPolicy ServiceFlap { get; init; } = new(3, TimeSpan.FromMinutes(10));

    public int BackupConcurrency { get; init; } = 4;
    public int CameraConcurrency { get; init; } = 32;
    public int ServiceConcurrency { get; init; } = 8;

    public TimeSpan AvailabilityWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>History older than this is deleted after each run; keep it longer than <see cref="AvailabilityWindow"/>.</summary>
    public TimeSpan HistoryRetention { get; init; } = TimeSpan.FromDays(40);

    public FlapPolicy FlapFor(MonitoringArea area) => area switch
    {
        MonitoringArea.Backups => BackupFlap,
        MonitoringArea.Cameras => CameraFlap,
        _ => ServiceFlap,
    };
}
