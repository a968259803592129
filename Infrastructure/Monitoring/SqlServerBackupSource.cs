using System.Globalization;
using HelpdeskBot.Domain.Monitoring;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>
/// One row of <see cref="MsdbBackupQuery.Sql"/>: a database, and one of its recent backup sets (or none: every backup column null).
/// <paramref name="FinishLocal"/> is the server's wall-clock time; <paramref name="TimeZoneQuarterHours"/> is msdb's <c>time_zone</c>
/// (the server's UTC offset when the backup ran, in 15-minute steps; 127 means unknown).
/// </summary>
public sealed record MsdbBackupRow(
    string DatabaseName,
    string State,
    string RecoveryModel,
    string? BackupType,
    DateTime? FinishLocal,
    int? TimeZoneQuarterHours,
    long? SizeBytes,
    bool IsCopyOnly,
    string? BackupSetId,
    string? DeviceName);

/// <summary>The query, written once, carefully.</summary>
public static class MsdbBackupQuery
{
    /// <summary>
    /// Starts from <c>sys.databases</c> and LEFT JOINs the backup history, so a database never backed up still shows (with nulls).
    /// Per database and type (D full, I differential, L log) the <c>@perType</c> newest finished sets of the last <c>@days</c> days,
    /// taken on this server (a RESTORE also writes the restored set's rows, under the server it came from). tempdb is left out.
    /// One row per set (its first media family names the file).
    /// </summary>
    public const string Sql = """
        SELECT d.name AS DatabaseName,
               d.state_desc AS StateDesc,
               d.recovery_model_desc AS RecoveryModel,
               b.type AS BackupType,
               b.backup_finish_date AS FinishLocal,
               CAST(b.time_zone AS int) AS TimeZoneQuarterHours,
               CAST(b.backup_size AS bigint) AS SizeBytes,
               CAST(ISNULL(b.is_copy_only, 0) AS bit) AS IsCopyOnly,
               CONVERT(nvarchar(36), b.backup_set_uuid) AS BackupSetId,
               mf.physical_device_name AS DeviceName
        FROM sys.databases AS d
        LEFT JOIN (
            SELECT bs.database_name, bs.type, bs.backup_finish_date, bs.time_zone, bs.backup_size, bs.is_copy_only,
                   bs.backup_set_uuid, bs.media_set_id,
                   ROW_NUMBER() OVER (PARTITION BY bs.database_name, bs.type ORDER BY bs.backup_finish_date DESC) AS rn
            FROM msdb.dbo.backupset AS bs
            WHERE bs.type IN ('D', 'I', 'L')
              AND bs.backup_finish_date IS NOT NULL
              AND bs.backup_finish_date >= DATEADD(day, -@days, GETDATE())
              AND (bs.server_name = @@SERVERNAME OR @@SERVERNAME IS NULL)
        ) AS b ON b.database_name = d.name AND b.rn <= @perType
        OUTER APPLY (
            SELECT TOP (1) f.physical_device_name
            FROM msdb.dbo.backupmediafamily AS f
            WHERE f.media_set_id = b.media_set_id
            ORDER BY f.family_sequence_number
        ) AS mf
        WHERE d.database_id <> 2
        ORDER BY d.name, b.type, b.backup_finish_date DESC;
        """;
}

/// <summary>Runs the msdb query on an instance. Kept thin: the mapping is <see cref="MsdbBackupMapping"/>, tested with rows.</summary>
public interface IMsdbHistoryReader
{
    Task<IReadOnlyList<MsdbBackupRow>> ReadAsync(string connectionString, int perType, int days, CancellationToken ct = default);
}

/// <summary>ADO.NET over Microsoft.Data.SqlClient (it comes with EF Core's SQL Server provider).</summary>
public sealed class SqlClientMsdbHistoryReader(IOptions<MonitoringOptions> options) : IMsdbHistoryReader
{
    public async Task<IReadOnlyList<MsdbBackupRow>> ReadAsync(string connectionString, int perType, int days, CancellationToken ct = default)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = MsdbBackupQuery.Sql;
        command.CommandTimeout = options.Value.Backups.SqlCommandTimeoutSeconds;
        command.Parameters.Add(new SqlParameter("@perType", System.Data.SqlDbType.Int) { Value = perType });
        command.Parameters.Add(new SqlParameter("@days", System.Data.SqlDbType.Int) { Value = days });
        var rows = new List<MsdbBackupRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new MsdbBackupRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDateTime(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return rows;
    }
}

/// <summary>Turns msdb rows into one database's observation. Pure.</summary>
public static class MsdbBackupMapping
{
    public const int UnknownTimeZone = 127;

    public static BackupObservation ToObservation(IReadOnlyList<MsdbBackupRow> rows, string databaseName, TimeZoneInfo hostZone)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(hostZone);
        var mine = rows.Where(r => string.Equals(r.DatabaseName, databaseName, StringComparison.OrdinalIgnoreCase)).ToList();
        if (mine.Count == 0)
        {
            return BackupObservation.Unreadable($"database {databaseName} not found on the instance");
        }

        var first = mine[0];
        var notes = new List<string>();
        if (!string.Equals(first.State, "ONLINE", StringComparison.OrdinalIgnoreCase))
        {
            notes.Add("database is " + first.State);
        }

        var records = mine.Where(r => r.BackupType is not null && r.FinishLocal is not null)
            .Select(r => new BackupRecord(
                r.BackupSetId ?? r.FinishLocal!.Value.ToString("O", CultureInfo.InvariantCulture),
                ToUtc(r.FinishLocal!.Value, r.TimeZoneQuarterHours, hostZone),
                r.SizeBytes,
                r.BackupType switch
                {
                    "D" => BackupKind.Full,
                    "I" => BackupKind.Differential,
                    _ => BackupKind.Log,
                },
                FileName(r.DeviceName)))
            .ToList();

        var isSimple = string.Equals(first.RecoveryModel, "SIMPLE", StringComparison.OrdinalIgnoreCase);
        if (!isSimple && records.Count > 0 && records.All(r => r.Kind != BackupKind.Log))
        {
            notes.Add($"recovery model {first.RecoveryModel} but no log backup");
        }

        foreach (var kind in new[] { BackupKind.Full, BackupKind.Differential, BackupKind.Log })
        {
            if (records.Where(r => r.Kind == kind).MaxBy(r => r.TakenAt) is { } latest)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"last {kind.ToString().ToLowerInvariant()} {latest.TakenAt:yyyy-MM-dd HH:mm}Z{(latest.SizeBytes is { } s ? " " + BackupAssessor.FormatBytes(s) : string.Empty)}"));
            }
        }

        return BackupObservation.Read(records, notes.Count == 0 ? null : string.Join("; ", notes));
    }

    /// <summary>msdb times are the server's wall clock: its recorded offset decides, else the target's host zone.</summary>
    public static DateTimeOffset ToUtc(DateTime finishLocal, int? quarterHours, TimeZoneInfo hostZone) =>
        quarterHours is { } q and not UnknownTimeZone and >= -56 and <= 56
            ? new DateTimeOffset(DateTime.SpecifyKind(finishLocal, DateTimeKind.Unspecified), TimeSpan.FromMinutes(15 * q)).ToUniversalTime()
            : WallClock.ToUtc(finishLocal, hostZone);

    /// <summary>The file name of a backup device path, Windows (<c>D:\Backup\x.bak</c>) or UNC or Unix; null for a virtual device.</summary>
    public static string? FileName(string? device)
    {
        if (string.IsNullOrWhiteSpace(device) || Guid.TryParse(device, out _) || device.StartsWith('{'))
        {
            return null;
        }

        var cut = device.LastIndexOfAny(['\\', '/']);
        var name = cut >= 0 ? device[(cut + 1)..] : device;
        return name.Length == 0 ? null : name;
    }
}

/// <summary>
/// SQL Server's own backup history. One query per instance and run, shared by that instance's database targets for a minute.
/// The target's <c>Location</c> is a connection string without a password; its credential, if any, supplies the password.
/// </summary>
public sealed partial class SqlServerBackupSource(IMsdbHistoryReader reader, IOptions<MonitoringOptions> options, TimeProvider clock,
    ILogger<SqlServerBackupSource> logger) : IBackupSource
{
    private readonly SharedReads<IReadOnlyList<MsdbBackupRow>> recent = new(clock, TimeSpan.FromMinutes(1));

    public BackupSourceKind Kind => BackupSourceKind.SqlServerMsdb;

    public async Task<BackupObservation> ReadAsync(BackupLocation location, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (string.IsNullOrWhiteSpace(location.Selector))
        {
            return BackupObservation.Unreadable("no database name given");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(location.HostTimeZoneId, out var zone))
        {
            return BackupObservation.Unreadable("unknown time zone " + location.HostTimeZoneId);
        }

        string connectionString;
        try
        {
            var builder = new SqlConnectionStringBuilder(location.Location)
            {
                ConnectTimeout = options.Value.Backups.SqlConnectTimeoutSeconds,
                ApplicationName = "HelpdeskBot backup check",
            };
            if (location.Credential is { } credential)
            {
                var (password, problem) = Secrets.Resolve(credential);
                if (password is null)
                {
                    return BackupObservation.Unreadable(problem!);
                }

                builder.Password = password;
            }

            connectionString = builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            return BackupObservation.Unreadable("bad connection string: " + ex.Message);
        }

        try
        {
            var rows = await RowsAsync(connectionString, ct);
            return MsdbBackupMapping.ToObservation(rows, location.Selector.Trim(), zone);
        }
        catch (Exception ex) when (ex is SqlException or InvalidOperationException or TimeoutException)
        {
            Unreadable(logger, location.Selector, ex.Message);
            return BackupObservation.Unreadable("SQL Server: " + ex.Message);
        }
    }

    private Task<IReadOnlyList<MsdbBackupRow>> RowsAsync(string connectionString, CancellationToken ct)
    {
        var o = options.Value.Backups;
        return recent.GetAsync(connectionString, () => reader.ReadAsync(connectionString, o.MsdbBackupsPerType, o.MsdbLookbackDays, ct));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQL Server backup history for {Database} unreadable: {Reason}")]
    private static partial void Unreadable(ILogger logger, string database, string reason);
}
