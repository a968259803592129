using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Domain.Monitoring;

/// <summary>The outcome of one check, worst last. Unreadable is its own status: the checker could not tell.</summary>
public enum CheckStatus
{
    Ok = 0,
    Warning = 1,
    Unreadable = 2,
    Failed = 3,
}

/// <summary>What went wrong, as a code the cards turn into words in the reader's language.</summary>
public enum CheckProblem
{
    SourceUnreadable,
    SecondLocationUnreadable,
    BackupMissing,
    BackupStale,
    SizeShrank,
    SizeGrew,
    CopyMissing,
    HostUnreachable,
    PortClosed,
    Timeout,
    RtspError,
    AuthenticationRejected,
    CredentialMissing,
    BlackPicture,
    FrozenPicture,
    PictureUnchecked,
    HttpError,
    Slow,
    ContentMissing,
    CertificateExpiring,
    CertificateExpired,
    CertificateInvalid,
}

public static class CheckStatusExtensions
{
    /// <summary>Up means "working" (ok or a warning); down means failed or unreadable. Announcements and availability use this.</summary>
    public static bool IsUp(this CheckStatus status) => status is CheckStatus.Ok or CheckStatus.Warning;

    public static CheckStatus Worst(this IEnumerable<CheckStatus> statuses) => statuses.DefaultIfEmpty(CheckStatus.Ok).Max();
}

/// <summary>One target's result in one run. <paramref name="Measures"/> holds the measured values by name (invariant text).</summary>
public sealed record CheckResult(
    MonitoringArea Area,
    int TargetId,
    string TargetName,
    int? UnitId,
    CheckStatus Status,
    string Detail,
    IReadOnlyList<CheckProblem> Problems,
    IReadOnlyDictionary<string, string> Measures,
    DateTimeOffset CheckedAt);

/// <summary>Well-known keys of <see cref="CheckResult.Measures"/>.</summary>
public static class MeasureKeys
{
    public const string LatestBackupAt = "latestBackupAt";
    public const string AgeHours = "ageHours";
    public const string SizeBytes = "sizeBytes";
    public const string MedianSizeBytes = "medianSizeBytes";
    public const string BackupCount = "backupCount";
    public const string SecondCopy = "secondCopy";
    public const string Probe = "probe";
    public const string ConnectMs = "connectMs";
    public const string IcmpMs = "icmpMs";
    public const string RtspStatus = "rtspStatus";
    public const string Picture = "picture";
    public const string HttpStatus = "httpStatus";
    public const string LatencyMs = "latencyMs";
    public const string CertificateExpiresAt = "certificateExpiresAt";
    public const string CertificateDaysLeft = "certificateDaysLeft";
}

public enum StateChangeKind
{
    WentDown = 0,
    CameBack = 1,
}

/// <summary>
/// An announced change of a target's state: what the lead's job posts at once and turns into (or notes on) a ticket.
/// <paramref name="Since"/> is when the new state was first seen; <paramref name="At"/> when it was confirmed.
/// </summary>
public sealed record MonitorStateChange(
    MonitoringArea Area,
    int TargetId,
    string TargetName,
    int? UnitId,
    StateChangeKind Kind,
    CheckStatus Status,
    string Detail,
    IReadOnlyList<CheckProblem> Problems,
    DateTimeOffset Since,
    DateTimeOffset At);

/// <summary>
/// Flapping suppression: a new up/down state is announced only once it has held <see cref="ConsecutiveChecks"/> checks in a row,
/// or (when <see cref="MinimumDuration"/> is positive) for that long. The first state ever seen is announced only if it is down.
/// </summary>
public sealed record FlapPolicy(int ConsecutiveChecks, TimeSpan MinimumDuration)
{
    public static readonly FlapPolicy Immediate = new(1, TimeSpan.Zero);

    public bool IsConfirmed(int consecutive, TimeSpan heldFor) =>
        consecutive >= Math.Max(1, ConsecutiveChecks) || (MinimumDuration > TimeSpan.Zero && heldFor >= MinimumDuration);
}

/// <summary>
/// The latest known state of one target and what was last announced about it. Each check moves it through <see cref="Observe"/>,
/// which returns a change only when the up/down state flipped and held long enough.
/// </summary>
public sealed class MonitorState
{
    public const int MaxDetail = TextRules.MaxShortText;

    private MonitorState()
    {
    }

    public MonitorState(MonitoringArea area, int targetId, string targetName)
    {
        Area = area;
        TargetId = targetId;
        TargetName = targetName;
    }

    public int Id { get; private set; }
    public MonitoringArea Area { get; private set; }
    public int TargetId { get; private set; }
    public string TargetName { get; private set; } = string.Empty;

    /// <summary>The status of the latest check.</summary>
    public CheckStatus? LastStatus { get; private set; }

    public string? LastDetail { get; private set; }

    /// <summary>Comma-separated <see cref="CheckProblem"/> names of the latest check.</summary>
    public string? LastProblems { get; private set; }

    public DateTimeOffset? LastCheckedAt { get; private set; }

    /// <summary>Whether the latest checks say up, how many in a row, and since when.</summary>
    public bool? ObservedUp { get; private set; }

    public int ObservedCount { get; private set; }
    public DateTimeOffset? ObservedSince { get; private set; }

    /// <summary>The state last announced (confirmed); null before the first confirmation.</summary>
    public bool? AnnouncedUp { get; private set; }

    public DateTimeOffset? AnnouncedAt { get; private set; }

    /// <summary>Optimistic concurrency token: bumped on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<CheckProblem> LastProblemList =>
        string.IsNullOrEmpty(LastProblems) ? [] : LastProblems.Split(',').Select(Enum.Parse<CheckProblem>).ToList();

    public MonitorStateChange? Observe(CheckResult result, FlapPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(policy);
        if (result.Area != Area || result.TargetId != TargetId)
        {
            throw new ArgumentException("the result is of another target", nameof(result));
        }

        var up = result.Status.IsUp();
        TargetName = result.TargetName;
        LastStatus = result.Status;
        LastDetail = Truncate(result.Detail, MaxDetail);
        LastProblems = result.Problems.Count == 0 ? null : string.Join(',', result.Problems.Distinct());
        LastCheckedAt = result.CheckedAt;
        Version++;

        if (ObservedUp == up)
        {
            ObservedCount++;
        }
        else
        {
            ObservedUp = up;
            ObservedCount = 1;
            ObservedSince = result.CheckedAt;
        }

        if (AnnouncedUp == up || !policy.IsConfirmed(ObservedCount, result.CheckedAt - ObservedSince!.Value))
        {
            return null;
        }

        var first = AnnouncedUp is null;
        AnnouncedUp = up;
        AnnouncedAt = result.CheckedAt;
        if (first && up)
        {
            // The first confirmed state is the baseline; only a target that starts down needs telling.
            return null;
        }

        return new MonitorStateChange(Area, TargetId, result.TargetName, result.UnitId, up ? StateChangeKind.CameBack : StateChangeKind.WentDown,
            result.Status, result.Detail, result.Problems, ObservedSince.Value, result.CheckedAt);
    }

    internal static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

/// <summary>One check's outcome kept for the 30-day availability figure.</summary>
public sealed class MonitorCheck
{
    private MonitorCheck()
    {
    }

    public MonitorCheck(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Area = result.Area;
        TargetId = result.TargetId;
        Status = result.Status;
        IsUp = result.Status.IsUp();
        CheckedAt = result.CheckedAt;
        Detail = MonitorState.Truncate(result.Detail, MonitorState.MaxDetail);
    }

    public long Id { get; private set; }
    public MonitoringArea Area { get; private set; }
    public int TargetId { get; private set; }
    public CheckStatus Status { get; private set; }
    public bool IsUp { get; private set; }
    public DateTimeOffset CheckedAt { get; private set; }
    public string Detail { get; private set; } = string.Empty;
}
