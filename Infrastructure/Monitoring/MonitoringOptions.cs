using HelpdeskBot.Domain.Monitoring;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>The checking engine's settings, bound from the <c>Monitoring</c> section (<c>Monitoring__Cameras__MaxConcurrency</c>…).</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    public BackupCheckOptions Backups { get; set; } = new();
    public CameraCheckOptions Cameras { get; set; } = new();
    public ServiceCheckOptions EBelediye { get; set; } = new();

    /// <summary>Days of history the availability figure covers (default 30).</summary>
    public int AvailabilityDays { get; set; } = 30;

    /// <summary>Days of check history kept (default 40).</summary>
    public int HistoryDays { get; set; } = 40;

    public MonitoringPolicy ToPolicy() => new()
    {
        Backups = new BackupPolicy
        {
            ShrinkFactor = Backups.ShrinkFactor,
            GrowthFactor = Backups.GrowthFactor,
            MedianWindow = Backups.MedianWindow,
            MinimumHistory = Backups.MinimumHistory,
            CopyGrace = Backups.CopyGrace,
            CopyTimeTolerance = Backups.CopyTimeTolerance,
        },
        BackupFlap = new FlapPolicy(Backups.ConfirmAfterChecks, Backups.ConfirmAfter),
        CameraFlap = new FlapPolicy(Cameras.ConfirmAfterChecks, Cameras.ConfirmAfter),
        ServiceFlap = new FlapPolicy(EBelediye.ConfirmAfterChecks, EBelediye.ConfirmAfter),
        BackupConcurrency = Backups.MaxConcurrency,
        CameraConcurrency = Cameras.MaxConcurrency,
        ServiceConcurrency = EBelediye.MaxConcurrency,
        AvailabilityWindow = TimeSpan.FromDays(AvailabilityDays),
        HistoryRetention = TimeSpan.FromDays(HistoryDays),
    };
}

/// <summary><c>Monitoring:Backups</c>.</summary>
public sealed class BackupCheckOptions
{
    public int MaxConcurrency { get; set; } = 4;
    public int ConfirmAfterChecks { get; set; } = 1;
    public TimeSpan ConfirmAfter { get; set; } = TimeSpan.Zero;
    public double ShrinkFactor { get; set; } = 0.5;
    public double GrowthFactor { get; set; } = 5.0;
    public int MedianWindow { get; set; } = 7;
    public int MinimumHistory { get; set; } = 3;
    public TimeSpan CopyGrace { get; set; } = TimeSpan.FromHours(6);
    public TimeSpan CopyTimeTolerance { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest a restic or borg command may run before it is killed (default 2 min).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest a folder listing may take (a hung NAS mount; default 30 s).</summary>
    public TimeSpan FolderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string ResticPath { get; set; } = "restic";
    public string BorgPath { get; set; } = "borg";

    /// <summary>How long borg waits for a repository lock held by a running backup (default 10 s).</summary>
    public int BorgLockWaitSeconds { get; set; } = 10;

    /// <summary>
    /// restic 0.14–0.16 print no size with the snapshots; then <c>restic stats</c> is run for at most this many of the newest snapshots
    /// (sizes are cached by snapshot id, which never changes). Default 8 (the median window and the latest).
    /// </summary>
    public int ResticSizeSamples { get; set; } = 8;

    /// <summary>Backup sets per database and type read from msdb (default 8).</summary>
    public int MsdbBackupsPerType { get; set; } = 8;

    /// <summary>How far back msdb is read (default 35 days): older history is not looked at.</summary>
    public int MsdbLookbackDays { get; set; } = 35;

    public int SqlConnectTimeoutSeconds { get; set; } = 15;
    public int SqlCommandTimeoutSeconds { get; set; } = 60;
}

/// <summary><c>Monitoring:Cameras</c>.</summary>
public sealed class CameraCheckOptions
{
    public int MaxConcurrency { get; set; } = 32;
    public int ConfirmAfterChecks { get; set; } = 2;
    public TimeSpan ConfirmAfter { get; set; } = TimeSpan.Zero;
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an RTSP answer may take once connected (a silent device is decided by this; default 3 s).</summary>
    public TimeSpan RtspTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Ping the host too (ICMP), next to the TCP connect. Needs root or the <c>ping</c> program; TCP stays the fallback.</summary>
    public bool UseIcmp { get; set; } = true;

    public TimeSpan IcmpTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Grab a few seconds with ffmpeg and look for a black or frozen picture, when ffmpeg is installed.</summary>
    public bool CheckPicture { get; set; } = true;

    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Seconds of video analysed (default 4).</summary>
    public double PictureSeconds { get; set; } = 4;

    /// <summary>Longest the ffmpeg run may take, connection included (default 20 s).</summary>
    public TimeSpan PictureTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How much of the analysed time must be black or frozen for the verdict (default 0.8).</summary>
    public double PictureVerdictShare { get; set; } = 0.8;
}

/// <summary><c>Monitoring:EBelediye</c>.</summary>
public sealed class ServiceCheckOptions
{
    public int MaxConcurrency { get; set; } = 8;
    public int ConfirmAfterChecks { get; set; } = 3;
    public TimeSpan ConfirmAfter { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);
    public int CertificateWarningDays { get; set; } = 30;

    /// <summary>A PEM file of extra root certificates to trust (the municipality's own CA), besides the system's.</summary>
    public string? ExtraRootCertificatesPath { get; set; }

    /// <summary>At most this much of a page is read to look for the content marker (default 1 MiB).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}

internal sealed class MonitoringOptionsValidator : IValidateOptions<MonitoringOptions>
{
    public ValidateOptionsResult Validate(string? name, MonitoringOptions options)
    {
        var errors = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add($"{MonitoringOptions.SectionName}:{message}");
            }
        }

        var b = options.Backups;
        var c = options.Cameras;
        var s = options.EBelediye;
        Require(b.MaxConcurrency is >= 1 and <= 64, "Backups:MaxConcurrency must be 1–64");
        Require(c.MaxConcurrency is >= 1 and <= 1024, "Cameras:MaxConcurrency must be 1–1024");
        Require(s.MaxConcurrency is >= 1 and <= 256, "EBelediye:MaxConcurrency must be 1–256");
        Require(b.ConfirmAfterChecks >= 1 && c.ConfirmAfterChecks >= 1 && s.ConfirmAfterChecks >= 1, "*:ConfirmAfterChecks must be at least 1");
        Require(b.ShrinkFactor is > 0 and < 1, "Backups:ShrinkFactor must be between 0 and 1");
        Require(b.GrowthFactor > 1, "Backups:GrowthFactor must be above 1");
        Require(b.MedianWindow >= 1 && b.MinimumHistory >= 1 && b.MinimumHistory <= b.MedianWindow, "Backups:MinimumHistory must be 1–MedianWindow");
        Require(b.CommandTimeout > TimeSpan.Zero && b.FolderTimeout > TimeSpan.Zero, "Backups timeouts must be positive");
        Require(b.ResticSizeSamples >= 0 && b.MsdbBackupsPerType >= 1 && b.MsdbLookbackDays >= 1, "Backups sample counts must be positive");
        Require(c.ConnectTimeout > TimeSpan.Zero && c.RtspTimeout > TimeSpan.Zero && c.IcmpTimeout > TimeSpan.Zero && c.PictureTimeout > TimeSpan.Zero,
            "Cameras timeouts must be positive");
        Require(c.PictureSeconds is >= 1 and <= 60, "Cameras:PictureSeconds must be 1–60");
        Require(c.PictureVerdictShare is > 0 and <= 1, "Cameras:PictureVerdictShare must be in (0, 1]");
        Require(s.RequestTimeout > TimeSpan.Zero, "EBelediye:RequestTimeout must be positive");
        Require(s.CertificateWarningDays >= 0, "EBelediye:CertificateWarningDays must not be negative");
        Require(s.MaxBodyBytes >= 1024, "EBelediye:MaxBodyBytes must be at least 1024");
        Require(s.ExtraRootCertificatesPath is null || File.Exists(s.ExtraRootCertificatesPath), "EBelediye:ExtraRootCertificatesPath names no file");
        Require(options.AvailabilityDays >= 1 && options.HistoryDays >= options.AvailabilityDays, "HistoryDays must be at least AvailabilityDays");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
