using System.Globalization;

namespace HelpdeskBot.Domain.Monitoring;

/// <summary>What one backup is: a repository snapshot or archive, a file, or a SQL Server full, differential or log backup.</summary>
public enum BackupKind
{
    Snapshot = 0,
    Archive = 1,
    File = 2,
    Full = 3,
    Differential = 4,
    Log = 5,
}

/// <summary>One backup as its source reports it. <paramref name="TakenAt"/> is UTC.</summary>
/// <param name="Id">The snapshot or archive id, the file name, or the backup set's uuid.</param>
/// <param name="Name">The archive or file name (what a copy at the second location is matched by); null when there is none.</param>
/// <param name="OriginalId">For a copied restic snapshot: the snapshot it was copied from.</param>
public sealed record BackupRecord(string Id, DateTimeOffset TakenAt, long? SizeBytes, BackupKind Kind, string? Name = null, string? OriginalId = null)
{
    /// <summary>A backup one can restore from on its own (not a differential or log backup, which need a full one).</summary>
    public bool IsBase => Kind is not (BackupKind.Differential or BackupKind.Log);

    /// <summary>The id every copy of this snapshot shares (restic keeps the first original through copies of copies).</summary>
    public string LineageId => OriginalId ?? Id;
}

/// <summary>What a backup source said: the backups it holds, or why it could not be read. Unreadable is never "no backup".</summary>
public sealed record BackupObservation
{
    private BackupObservation(bool readable, IReadOnlyList<BackupRecord> backups, string? unreadableReason, string? note)
    {
        IsReadable = readable;
        Backups = backups;
        UnreadableReason = unreadableReason;
        Note = note;
    }

    public bool IsReadable { get; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<BackupRecord> Backups { get; }

    public string? UnreadableReason { get; }

    /// <summary>Something the source wants said next to its backups (e.g. "database is OFFLINE", "sizes of the 5 newest only").</summary>
    public string? Note { get; }

    public static BackupObservation Read(IEnumerable<BackupRecord> backups, string? note = null) =>
        new(true, backups.OrderByDescending(b => b.TakenAt).ThenBy(b => b.Id, StringComparer.Ordinal).ToList(), null, note);

    public static BackupObservation Unreadable(string reason) =>
        new(false, [], string.IsNullOrWhiteSpace(reason) ? "unreadable" : reason.Trim(), null);
}

/// <summary>Reads the backups at one location. One implementation per <see cref="BackupSourceKind"/>.</summary>
public interface IBackupSource
{
    BackupSourceKind Kind { get; }

    /// <summary>Never throws for a source that cannot be read: it returns <see cref="BackupObservation.Unreadable"/> with the reason.</summary>
    Task<BackupObservation> ReadAsync(BackupLocation location, CancellationToken ct = default);
}

public enum BackupFreshness
{
    Ok = 0,
    Stale = 1,
    Missing = 2,
    Unknown = 3,
}

public enum SizeAnomaly
{
    None = 0,
    Shrank = 1,
    Grew = 2,

    /// <summary>Too few earlier backups with a size to compare with.</summary>
    NotEnoughHistory = 3,
}

public enum SecondCopyState
{
    NotConfigured = 0,
    Present = 1,
    Missing = 2,

    /// <summary>The latest backup is younger than the copy grace period and the one before it was copied: the copy job has not run yet.</summary>
    Pending = 3,
    Unreadable = 4,
    NotApplicable = 5,
}

/// <summary>The thresholds of the backup decision. Bound from <c>Monitoring:Backups</c>.</summary>
public sealed record BackupPolicy
{
    /// <summary>Below this fraction of the recent median the latest backup "shrank" (default ½).</summary>
    public double ShrinkFactor { get; init; } = 0.5;

    /// <summary>Above this multiple of the recent median the latest backup "grew" (default 5×).</summary>
    public double GrowthFactor { get; init; } = 5.0;

    /// <summary>How many earlier backups of the same kind form the median (default 7).</summary>
    public int MedianWindow { get; init; } = 7;

    /// <summary>Fewer earlier sizes than this and no size verdict is given (default 3).</summary>
    public int MinimumHistory { get; init; } = 3;

    /// <summary>A latest backup younger than this may not be copied yet (default 6 h).</summary>
    public TimeSpan CopyGrace { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Two files or archives taken within this of each other, of the same size, count as one backup's copies (default 2 min).</summary>
    public TimeSpan CopyTimeTolerance { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>The verdict on one target's backups, with what it was based on.</summary>
public sealed record BackupAssessment(
    CheckStatus Status,
    BackupFreshness Freshness,
    SizeAnomaly Size,
    SecondCopyState Copy,
    BackupRecord? Latest,
    TimeSpan? Age,
    long? MedianSizeBytes,
    IReadOnlyList<CheckProblem> Problems,
    string Detail);

/// <summary>
/// The backup decision, pure: the latest backup's age against the RPO (ok, stale, missing), its size against the median of the
/// recent ones (shrank below half, grew five-fold), and whether the second location holds a copy of it. A source that cannot be
/// read is unreadable, never "no backup".
/// </summary>
public static class BackupAssessor
{
    public static BackupAssessment Assess(TimeSpan rpo, BackupObservation primary, BackupObservation? second, DateTimeOffset now, BackupPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(policy);
        if (!primary.IsReadable)
        {
            return new BackupAssessment(CheckStatus.Unreadable, BackupFreshness.Unknown, SizeAnomaly.None, SecondCopyState.NotApplicable, null, null, null,
                [CheckProblem.SourceUnreadable], "unreadable: " + primary.UnreadableReason);
        }

        var problems = new List<CheckProblem>();
        var parts = new List<string>();
        var latest = primary.Backups.Count == 0 ? null : primary.Backups[0];
        var hasBase = primary.Backups.Any(b => b.IsBase);
        if (latest is null || !hasBase)
        {
            problems.Add(CheckProblem.BackupMissing);
            parts.Add(latest is null ? "no backup found" : "no full backup found, only differential or log backups");
            AddNote(primary, parts);
            return new BackupAssessment(CheckStatus.Failed, BackupFreshness.Missing, SizeAnomaly.None, SecondCopyState.NotApplicable, latest,
                latest is null ? null : Clamp(now - latest.TakenAt), null, problems, string.Join("; ", parts));
        }

        var age = Clamp(now - latest.TakenAt);
        var freshness = age <= rpo ? BackupFreshness.Ok : BackupFreshness.Stale;
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"latest {latest.TakenAt:yyyy-MM-dd HH:mm}Z, {FormatAge(age)} old"));
        if (freshness == BackupFreshness.Stale)
        {
            problems.Add(CheckProblem.BackupStale);
            parts.Add("older than the RPO of " + FormatAge(rpo));
        }

        var (size, median) = AssessSize(primary.Backups, policy);
        if (latest.SizeBytes is { } bytes)
        {
            parts.Add("size " + FormatBytes(bytes));
        }

        switch (size)
        {
            case SizeAnomaly.Shrank:
                problems.Add(CheckProblem.SizeShrank);
                parts.Add("shrank below " + policy.ShrinkFactor.ToString(CultureInfo.InvariantCulture) + "× the recent median of " + FormatBytes(median!.Value));
                break;
            case SizeAnomaly.Grew:
                problems.Add(CheckProblem.SizeGrew);
                parts.Add("grew over " + policy.GrowthFactor.ToString(CultureInfo.InvariantCulture) + "× the recent median of " + FormatBytes(median!.Value));
                break;
        }

        var copy = AssessCopy(primary, second, now, policy);
        switch (copy)
        {
            case SecondCopyState.Present:
                parts.Add("copied to the second location");
                break;
            case SecondCopyState.Pending:
                parts.Add("copy to the second location not yet made (within the grace period)");
                break;
            case SecondCopyState.Missing:
                problems.Add(CheckProblem.CopyMissing);
                parts.Add("no copy of the latest backup at the second location");
                break;
            case SecondCopyState.Unreadable:
                problems.Add(CheckProblem.SecondLocationUnreadable);
                parts.Add("second location unreadable: " + second!.UnreadableReason);
                break;
        }

        AddNote(primary, parts);
        var status = problems.Count == 0 ? CheckStatus.Ok
            : problems.Contains(CheckProblem.BackupStale) || problems.Contains(CheckProblem.CopyMissing) ? CheckStatus.Failed
            : problems.Contains(CheckProblem.SecondLocationUnreadable) ? CheckStatus.Unreadable
            : CheckStatus.Warning;
        return new BackupAssessment(status, freshness, size, copy, latest, age, median, problems, string.Join("; ", parts));
    }

    /// <summary>The latest backup against the median of up to <see cref="BackupPolicy.MedianWindow"/> earlier ones of the same kind.</summary>
    public static (SizeAnomaly Anomaly, long? Median) AssessSize(IReadOnlyList<BackupRecord> newestFirst, BackupPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(policy);
        var latest = newestFirst.FirstOrDefault(b => b.IsBase);
        if (latest?.SizeBytes is not { } size)
        {
            return (SizeAnomaly.NotEnoughHistory, null);
        }

        var earlier = newestFirst.SkipWhile(b => !ReferenceEquals(b, latest)).Skip(1)
            .Where(b => b.Kind == latest.Kind && b.SizeBytes is not null)
            .Take(policy.MedianWindow)
            .Select(b => b.SizeBytes!.Value)
            .ToList();
        if (earlier.Count < policy.MinimumHistory)
        {
            return (SizeAnomaly.NotEnoughHistory, null);
        }

        var median = Median(earlier);
        if (size < median * policy.ShrinkFactor)
        {
            return (SizeAnomaly.Shrank, median);
        }

        return size > median * policy.GrowthFactor ? (SizeAnomaly.Grew, median) : (SizeAnomaly.None, median);
    }

    /// <summary>
    /// Whether the second location holds the latest backup: for restic exactly, by the snapshot's lineage (<c>original</c>); for
    /// files and archives by the same name, or by the same time (within the tolerance) and size.
    /// </summary>
    public static SecondCopyState AssessCopy(BackupObservation primary, BackupObservation? second, DateTimeOffset now, BackupPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(policy);
        if (second is null)
        {
            return SecondCopyState.NotConfigured;
        }

        if (!second.IsReadable)
        {
            return SecondCopyState.Unreadable;
        }

        var bases = primary.Backups.Where(b => b.IsBase || b.Name is not null).ToList();
        if (bases.Count == 0)
        {
            return SecondCopyState.NotApplicable;
        }

        var latest = bases[0];
        if (HasCopy(latest, second, policy))
        {
            return SecondCopyState.Present;
        }

        var young = now - latest.TakenAt < policy.CopyGrace;
        return young && bases.Count > 1 && HasCopy(bases[1], second, policy) ? SecondCopyState.Pending : SecondCopyState.Missing;
    }

    public static string FormatAge(TimeSpan age) =>
        age.TotalDays >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{age.TotalDays:0.#} d")
        : age.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{age.TotalHours:0.#} h")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, age.TotalMinutes):0} min");

    public static string FormatBytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }

    private static bool HasCopy(BackupRecord backup, BackupObservation second, BackupPolicy policy) =>
        second.Backups.Any(c =>
            string.Equals(c.LineageId, backup.LineageId, StringComparison.Ordinal)
            || (backup.Name is not null && string.Equals(c.Name, backup.Name, StringComparison.OrdinalIgnoreCase))
            || (backup.OriginalId is null && c.OriginalId is null && backup.SizeBytes is not null && c.SizeBytes == backup.SizeBytes
                && (c.TakenAt - backup.TakenAt).Duration() <= policy.CopyTimeTolerance));

    private static long Median(List<long> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] / 2) + (values[mid] / 2) + (((values[mid - 1] % 2) + (values[mid] % 2)) / 2);
    }

    private static TimeSpan Clamp(TimeSpan age) => age < TimeSpan.Zero ? TimeSpan.Zero : age;

    private static void AddNote(BackupObservation observation, List<string> parts)
    {
        if (!string.IsNullOrWhiteSpace(observation.Note))
        {
            parts.Add(observation.Note);
        }
    }
}
