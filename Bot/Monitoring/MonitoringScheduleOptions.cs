using System.ComponentModel.DataAnnotations;

namespace HelpdeskBot.Bot.Monitoring;

/// <summary>When the checks run, the daily cards go out and the directory is synced (section "Schedules"), in Europe/Istanbul time.</summary>
public sealed class MonitoringScheduleOptions
{
    public const string Section = "Schedules";

    public bool Enabled { get; set; } = true;

    public TimeOnly BackupCheckAt { get; set; } = new(7, 30);

    public TimeOnly BackupCardAt { get; set; } = new(8, 30);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan CameraSweepEvery { get; set; } = TimeSpan.FromMinutes(15);

    public TimeOnly CameraCardAt { get; set; } = new(9, 0);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ServiceCheckEvery { get; set; } = TimeSpan.FromMinutes(5);

    public TimeOnly ServiceCardAt { get; set; } = new(9, 0);

    /// <summary>The daily Microsoft Graph directory sync (only when <c>Graph:ClientId</c> is configured).</summary>
    public TimeOnly DirectorySyncAt { get; set; } = new(6, 0);
}
