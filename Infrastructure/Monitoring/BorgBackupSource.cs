using System.Text.Json;
using System.Text.Json.Serialization;
using HelpdeskBot.Domain.Monitoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>
/// A borg repository: <c>borg list --json</c> for the archives, <c>borg info --json --last N</c> for their sizes. Borg prints times
/// without an offset, in the zone of the process that runs it; we run it with <c>TZ</c> set to the target's host zone and read its
/// times in that zone, so the answer does not depend on the bot host's own zone. Standard input is closed and the answers to
/// borg's questions are given in the environment, so it never waits on a prompt.
/// </summary>
public sealed partial class BorgBackupSource(IProcessRunner runner, IOptions<MonitoringOptions> options, ILogger<BorgBackupSource> logger) : IBackupSource
{
    public BackupSourceKind Kind => BackupSourceKind.Borg;

    public async Task<BackupObservation> ReadAsync(BackupLocation location, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var o = options.Value.Backups;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(location.HostTimeZoneId, out var zone))
        {
            return BackupObservation.Unreadable("unknown time zone " + location.HostTimeZoneId);
        }

        var environment = new Dictionary<string, string?>
        {
            ["TZ"] = IanaId(zone),
            ["BORG_PASSPHRASE"] = null,
            ["BORG_PASSCOMMAND"] = null,
            ["BORG_PASSPHRASE_FD"] = null,
            ["BORG_REPO"] = null,
            ["BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK"] = "yes",
            ["BORG_RELOCATED_REPO_ACCESS_IS_OK"] = "yes",
            ["BORG_CHECK_I_KNOW_WHAT_I_AM_DOING"] = "NO",
            ["BORG_DELETE_I_KNOW_WHAT_I_AM_DOING"] = "NO",
            ["BORG_DISPLAY_PASSPHRASE"] = "no",
        };
        if (location.Credential is { } credential)
        {
            var (value, problem) = Secrets.Resolve(credential);
            if (value is null)
            {
                return BackupObservation.Unreadable(problem!);
            }

            environment["BORG_PASSPHRASE"] = value;
        }

        var lockWait = o.BorgLockWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<string> filter = string.IsNullOrWhiteSpace(location.Selector) ? [] : ["--glob-archives", location.Selector];
        var list = await runner.RunAsync(new ProcessSpec(o.BorgPath, ["--lock-wait", lockWait, "list", "--json", .. filter, location.Location], environment,
            o.CommandTimeout), ct);
        if (!list.Succeeded)
        {
            Unreadable(logger, location.Location, list.ErrorSummary());
            return BackupObservation.Unreadable("borg: " + list.ErrorSummary());
        }

        List<BorgArchive> archives;
        try
        {
            archives = JsonSerializer.Deserialize<BorgList>(list.StandardOutput)?.Archives ?? [];
        }
        catch (JsonException ex)
        {
            return BackupObservation.Unreadable("borg printed no archive list: " + ex.Message);
        }

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        string? note = null;
        if (!location.IsSecond && archives.Count > 0)
        {
            var last = (options.Value.Backups.MedianWindow + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var info = await runner.RunAsync(new ProcessSpec(o.BorgPath, ["--lock-wait", lockWait, "info", "--json", "--last", last, .. filter, location.Location],
                environment, o.CommandTimeout), ct);
            try
            {
                foreach (var a in info.Succeeded ? JsonSerializer.Deserialize<BorgInfo>(info.StandardOutput)?.Archives ?? [] : [])
                {
                    if (a.Stats?.OriginalSize is { } size)
                    {
                        sizes[a.Id] = size;
                    }
                }
            }
            catch (JsonException)
            {
                note = "borg info printed no sizes";
            }

            if (!info.Succeeded)
            {
                note = "sizes unknown: " + info.ErrorSummary(200);
            }
        }

        var records = new List<BackupRecord>(archives.Count);
        foreach (var a in archives)
        {
            DateTime local;
            try
            {
                local = WallClock.ParseNaive(a.Time ?? a.Start ?? string.Empty);
            }
            catch (FormatException)
            {
                return BackupObservation.Unreadable($"borg printed an unreadable time for archive {a.Name}");
            }

            records.Add(new BackupRecord(a.Id, WallClock.ToUtc(local, zone), sizes.TryGetValue(a.Id, out var s) ? s : null, BackupKind.Archive, a.Name));
        }

        return BackupObservation.Read(records, note);
    }

    private static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;

    [LoggerMessage(Level = LogLevel.Warning, Message = "borg repository {Repository} unreadable: {Reason}")]
    private static partial void Unreadable(ILogger logger, string repository, string reason);

    private sealed record BorgList([property: JsonPropertyName("archives")] List<BorgArchive>? Archives);

    private sealed record BorgArchive(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("time")] string? Time,
        [property: JsonPropertyName("start")] string? Start);

    private sealed record BorgInfo([property: JsonPropertyName("archives")] List<BorgInfoArchive>? Archives);

    private sealed record BorgInfoArchive([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("stats")] BorgStats? Stats);

    private sealed record BorgStats([property: JsonPropertyName("original_size")] long? OriginalSize);
}
