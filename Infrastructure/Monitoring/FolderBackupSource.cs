using System.Globalization;
using HelpdeskBot.Domain.Monitoring;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>
/// A folder of backup files (SQL Server <c>.bak</c>/<c>.trn</c> files, a NAS share, an external disk), searched with its
/// subfolders for the target's patterns (<c>*.bak;*.trn</c>, default every file). Each file is a backup: its time is its
/// modification time, its size its length. <c>.trn</c> files are log backups. The newest file per pattern is named in the note.
/// A listing that hangs (a dead NAS mount) is given up after <c>Monitoring:Backups:FolderTimeout</c>.
/// </summary>
public sealed class FolderBackupSource(IOptions<MonitoringOptions> options) : IBackupSource
{
    private const int MaxFilesPerPattern = 500;

    public BackupSourceKind Kind => BackupSourceKind.Folder;

    public static IReadOnlyList<string> Patterns(string? selector) =>
        string.IsNullOrWhiteSpace(selector)
            ? ["*"]
            : selector.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task<BackupObservation> ReadAsync(BackupLocation location, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var listing = Task.Run(() => List(location), CancellationToken.None);
        try
        {
            return await listing.WaitAsync(options.Value.Backups.FolderTimeout, ct);
        }
        catch (TimeoutException)
        {
            return BackupObservation.Unreadable(string.Create(CultureInfo.InvariantCulture,
                $"listing {location.Location} took longer than {options.Value.Backups.FolderTimeout.TotalSeconds:0} s"));
        }
    }

    private static BackupObservation List(BackupLocation location)
    {
        var root = location.Location;
        if (!Directory.Exists(root))
        {
            return BackupObservation.Unreadable("folder not found or not reachable: " + root);
        }

        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            MatchCasing = MatchCasing.CaseInsensitive,
            IgnoreInaccessible = false,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        var records = new Dictionary<string, BackupRecord>(StringComparer.Ordinal);
        var notes = new List<string>();
        try
        {
            foreach (var pattern in Patterns(location.Selector))
            {
                var files = new DirectoryInfo(root).EnumerateFiles(pattern, enumeration)
                    .OrderByDescending(f => f.LastWriteTimeUtc)
                    .Take(MaxFilesPerPattern)
                    .ToList();
                if (files.Count == 0)
                {
                    notes.Add("no file matches " + pattern);
                    continue;
                }

                var newest = files[0];
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{pattern}: newest {newest.Name} {newest.LastWriteTimeUtc:yyyy-MM-dd HH:mm}Z {BackupAssessor.FormatBytes(newest.Length)}"));
                foreach (var f in files)
                {
                    var relative = Path.GetRelativePath(root, f.FullName);
                    records[relative] = new BackupRecord(relative, new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero), f.Length, KindOf(f.Name), f.Name);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return BackupObservation.Unreadable($"folder {root} cannot be read: {ex.Message}");
        }

        return BackupObservation.Read(records.Values, string.Join("; ", notes));
    }

    private static BackupKind KindOf(string fileName) =>
        fileName.EndsWith(".trn", StringComparison.OrdinalIgnoreCase) ? BackupKind.Log : BackupKind.File;
}
