using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HelpdeskBot.Domain.Monitoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>
/// A restic repository: <c>restic snapshots --json --no-lock</c> (no lock, so a read-only account can check). A copied snapshot
/// names its <c>original</c>, which makes the second-location check exact. Sizes come from the snapshot's <c>summary</c> where the
/// installed restic prints one (0.17+), otherwise from <c>restic stats --json &lt;id&gt;</c> for the few newest snapshots, cached by id.
/// Many servers are often backed up into one repository (told apart by restic's host): its listing is read once a minute and
/// filtered by host here, rather than once per target.
/// </summary>
public sealed partial class ResticBackupSource(IProcessRunner runner, IOptions<MonitoringOptions> options, TimeProvider clock,
    ILogger<ResticBackupSource> logger) : IBackupSource
{
    private readonly ConcurrentDictionary<string, Lazy<Task<long?>>> sizes = new(StringComparer.Ordinal);
    private readonly SharedReads<ProcessResult> listings = new(clock, TimeSpan.FromMinutes(1));

    public BackupSourceKind Kind => BackupSourceKind.Restic;

    public async Task<BackupObservation> ReadAsync(BackupLocation location, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var o = options.Value.Backups;
        var environment = new Dictionary<string, string?>
        {
            // Never the bot's own: only what this target names.
            ["RESTIC_PASSWORD"] = null,
            ["RESTIC_PASSWORD_FILE"] = null,
            ["RESTIC_PASSWORD_COMMAND"] = null,
            ["RESTIC_REPOSITORY"] = null,
            ["RESTIC_REPOSITORY_FILE"] = null,
        };
        if (location.Credential is { } credential)
        {
            if (credential.IsFile)
            {
                environment["RESTIC_PASSWORD_FILE"] = credential.Value;
            }
            else
            {
                var (value, problem) = Secrets.Resolve(credential);
                if (value is null)
                {
                    return BackupObservation.Unreadable(problem!);
                }

                environment["RESTIC_PASSWORD"] = value;
            }
        }

        var spec = new ProcessSpec(o.ResticPath, ["snapshots", "--json", "--no-lock", "-r", location.Location], environment, o.CommandTimeout);
        var result = await listings.GetAsync(location.Location + "\n" + location.Credential, () => runner.RunAsync(spec, ct));
        if (!result.Succeeded)
        {
            Unreadable(logger, location.Location, result.ErrorSummary());
            return BackupObservation.Unreadable("restic: " + result.ErrorSummary());
        }

        List<ResticSnapshot>? snapshots;
        try
        {
            snapshots = JsonSerializer.Deserialize<List<ResticSnapshot>>(result.StandardOutput);
        }
        catch (JsonException ex)
        {
            return BackupObservation.Unreadable("restic printed no snapshot list: " + ex.Message);
        }

        var host = location.Selector?.Trim();
        var records = (snapshots ?? []).Where(s => string.IsNullOrEmpty(host) || string.Equals(s.Hostname, host, StringComparison.Ordinal))
            .Select(s => new BackupRecord(s.Id, s.Time.ToUniversalTime(), s.Summary?.TotalBytesProcessed, BackupKind.Snapshot,
            null, s.Original)).OrderByDescending(r => r.TakenAt).ToList();
        if (location.IsSecond || records.Count == 0 || records.All(r => r.SizeBytes is not null))
        {
            return BackupObservation.Read(records);
        }

        // This restic prints no summary: ask for the sizes of the newest few, which never change once taken.
        for (var i = 0; i < Math.Min(o.ResticSizeSamples, records.Count); i++)
        {
            var size = await SizeAsync(location, records[i].Id, environment, o, ct);
            records[i] = records[i] with { SizeBytes = size };
        }

        return BackupObservation.Read(records);
    }

    /// <summary>A snapshot's size never changes: asked once per snapshot id, shared by concurrent targets, kept unless it failed.</summary>
    private async Task<long?> SizeAsync(BackupLocation location, string id, Dictionary<string, string?> environment, BackupCheckOptions o, CancellationToken ct)
    {
        var key = location.Location + "\n" + id;
        var lazy = sizes.GetOrAdd(key, _ => new Lazy<Task<long?>>(() => StatsAsync(location, id, environment, o, ct)));
        var size = await lazy.Value;
        if (size is null)
        {
            sizes.TryRemove(new KeyValuePair<string, Lazy<Task<long?>>>(key, lazy));
        }

        return size;
    }

    private async Task<long?> StatsAsync(BackupLocation location, string id, Dictionary<string, string?> environment, BackupCheckOptions o, CancellationToken ct)
    {
        var result = await runner.RunAsync(new ProcessSpec(o.ResticPath, ["stats", "--json", "--no-lock", "-r", location.Location, id], environment, o.CommandTimeout), ct);
        if (!result.Succeeded)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ResticStats>(result.StandardOutput)?.TotalSize;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "restic repository {Repository} unreadable: {Reason}")]
    private static partial void Unreadable(ILogger logger, string repository, string reason);

    private sealed record ResticSnapshot(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("time")] DateTimeOffset Time,
        [property: JsonPropertyName("original")] string? Original,
        [property: JsonPropertyName("hostname")] string? Hostname,
        [property: JsonPropertyName("summary")] ResticSummary? Summary);

    private sealed record ResticSummary([property: JsonPropertyName("total_bytes_processed")] long? TotalBytesProcessed);

    private sealed record ResticStats([property: JsonPropertyName("total_size")] long TotalSize);
}

/// <summary>Parses borg's times, which carry no offset: they are the wall-clock time of the zone borg ran in.</summary>
public static class WallClock
{
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        // A time that never happened (the spring gap) or happened twice (autumn) is taken as the later, standard reading.
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(unspecified) ? zone.GetAmbiguousTimeOffsets(unspecified).Min() : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    public static DateTime ParseNaive(string text) =>
        DateTime.ParseExact(text, ["yyyy-MM-ddTHH:mm:ss.ffffff", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
}
