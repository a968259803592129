using System.Globalization;
using System.Text;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Monitoring;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>A row the import refused, by the line it starts on (1 is the header).</summary>
public sealed record CsvRowError(int Line, string Message);

public sealed record InventoryImportReport(MonitoringArea Area, int Added, int Updated, IReadOnlyList<CsvRowError> Errors)
{
    public int Imported => Added + Updated;
}

/// <summary>
/// Imports an inventory CSV for one area and upserts its rows by name; a bad row is reported with its line number and the good
/// ones are kept. A header row names the columns in English or Turkish (<c>name</c>/<c>ad</c>, <c>unit</c>/<c>birim</c>…), in any
/// case and with or without Turkish letters. The separator is found from the header (Excel in Turkish writes <c>;</c>); quoted
/// fields may hold separators, quotes (<c>""</c>) and line breaks. UTF-8 (with or without BOM) is read, and a file that is not
/// UTF-8 is read as Windows-1254, the Turkish ANSI code page.
/// </summary>
/// <remarks>
/// Columns. Backups: name, system (physical|virtual|database), source (restic|borg|folder|sqlserver), location, selector, credential,
/// timezone, second_location, second_source, second_credential, rpo (<c>26h</c>, <c>2d</c>, <c>1.02:00:00</c>), unit, enabled.
/// Cameras: name, location, unit, host, port, path, username, password (a reference: <c>env:NAME</c> or <c>file:/path</c>), enabled.
/// e-Belediye: name, url, marker, latency_ms, unit, enabled.
/// </remarks>
public sealed class InventoryCsvImporter(IMonitoringInventory inventory, IDirectory directory, IUnitOfWork uow, TimeProvider clock)
{
    private static readonly Dictionary<string, string> Aliases = Columns(
        ("name", ["name", "ad", "adi", "isim"]),
        ("system", ["system", "systemkind", "sistem", "tur", "kind"]),
        ("source", ["source", "sourcekind", "kaynak"]),
        ("location", ["location", "konum", "yer", "repository", "depo"]),
        ("selector", ["selector", "secici", "pattern", "patterns", "desen", "database"]),
        ("credential", ["credential"]),
        ("password", ["password", "parola", "sifre"]),
        ("timezone", ["timezone", "saatdilimi", "zone"]),
        ("second_location", ["secondlocation", "ikincikonum", "second"]),
        ("second_source", ["secondsource", "ikincikaynak"]),
        ("second_credential", ["secondcredential", "ikinciparola"]),
        ("rpo", ["rpo"]),
        ("unit", ["unit", "birim", "mudurluk"]),
        ("enabled", ["enabled", "etkin", "aktif"]),
        ("host", ["host", "address", "adres", "ip"]),
        ("port", ["port"]),
        ("path", ["path", "rtsppath", "yol"]),
        ("username", ["username", "user", "kullanici", "kullaniciadi"]),
        ("url", ["url"]),
        ("marker", ["marker", "icerik", "expectedcontent", "beklenenicerik"]),
        ("latency_ms", ["latencyms", "latency", "gecikme", "gecikmems"]));

    public async Task<InventoryImportReport> ImportAsync(MonitoringArea area, Stream csv, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var text = await ReadTextAsync(csv, ct);
        var units = await directory.ListUnitsAsync(ct);
        var existing = (await inventory.ListAsync(area, enabledOnly: false, ct)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var errors = new List<CsvRowError>();
        var added = 0;
        var updated = 0;
        Dictionary<string, int>? columns = null;
        foreach (var record in CsvParser.Parse(text))
        {
            if (record.Error is not null)
            {
                errors.Add(new CsvRowError(record.Line, record.Error));
                continue;
            }

            if (columns is null)
            {
                columns = Header(record.Fields, area, out var headerError);
                if (headerError is not null)
                {
                    errors.Add(new CsvRowError(record.Line, headerError));
                    return new InventoryImportReport(area, 0, 0, errors);
                }

                continue;
            }

            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new Row(record.Fields, columns);
            try
            {
                var now = clock.GetUtcNow();
                var unitId = FindUnit(row.Get("unit"), units);
                var name = InventoryRules.Name(row.Get("name"));
                existing.TryGetValue(name, out var current);

                // Built new first: a row that fails half-way must not leave an existing target half-changed.
                var fresh = Upsert(area, row, name, unitId, null, now);
                if (current is null)
                {
                    switch (fresh)
                    {
                        case BackupTarget b:
                            inventory.Add(b);
                            break;
                        case Camera c:
                            inventory.Add(c);
                            break;
                        case EBelediyeService e:
                            inventory.Add(e);
                            break;
                    }

                    existing[name] = fresh;
                    added++;
                }
                else
                {
                    Upsert(area, row, name, unitId, current, now);
                    updated++;
                }
            }
            catch (Exception ex) when (ex is InventoryValueException or DomainException or FormatException or UriFormatException)
            {
                errors.Add(new CsvRowError(record.Line, ex is DomainException d ? DomainMessage(d) : ex.Message));
            }
        }

        if (columns is null)
        {
            errors.Add(new CsvRowError(1, "the file is empty: a header row is needed"));
        }

        if (added + updated > 0)
        {
            await uow.SaveChangesAsync(ct);
        }

        return new InventoryImportReport(area, added, updated, errors);
    }

    private static Dictionary<string, string> Columns(params (string Column, string[] Names)[] columns) =>
        columns.SelectMany(c => c.Names.Select(n => (n, c.Column))).ToDictionary(x => x.n, x => x.Column, StringComparer.Ordinal);

    /// <summary>Lower-case ASCII with Turkish letters folded (İ/I/ı → i, ş → s…) and spaces, dashes and underscores removed.</summary>
    public static string Fold(string text) => Fold(text, keepDots: false);

    private static string Fold(string text, bool keepDots)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var folded = c switch
            {
                'İ' or 'I' or 'ı' or 'i' => 'i',
                'Ş' or 'ş' => 's',
                'Ğ' or 'ğ' => 'g',
                'Ü' or 'ü' => 'u',
                'Ö' or 'ö' => 'o',
                'Ç' or 'ç' => 'c',
                '.' when keepDots => '.',
                ' ' or '_' or '-' or '.' => '\0',
                _ => char.ToLowerInvariant(c),
            };
            if (folded != '\0')
            {
                sb.Append(folded);
            }
        }

        return sb.ToString();
    }

    /// <summary>A duration as people write it: <c>26h</c>, <c>90m</c>, <c>1,5d</c>, <c>26 saat</c>, <c>2 gün</c>, or <c>1.02:00:00</c>.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = Fold(text.Replace(',', '.'), keepDots: true);
        foreach (var (suffixes, unit) in new[]
        {
            (new[] { "d", "g", "gun", "day", "days" }, TimeSpan.FromDays(1)),
            (new[] { "h", "s", "sa", "saat", "hour", "hours" }, TimeSpan.FromHours(1)),
            (new[] { "m", "min", "dk", "dakika" }, TimeSpan.FromMinutes(1)),
        })
        {
            foreach (var suffix in suffixes.OrderByDescending(s => s.Length))
            {
                if (t.EndsWith(suffix, StringComparison.Ordinal)
                    && double.TryParse(t[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                {
                    return unit * n;
                }
            }
        }

        return TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new FormatException($"\"{text}\" is not a duration (26h, 2d, 90m or 1.02:00:00)");
    }

    private static IMonitoredTarget Upsert(MonitoringArea area, Row row, string name, int? unitId, IMonitoredTarget? current, DateTimeOffset now) =>
        area switch
        {
            MonitoringArea.Backups => UpsertBackup(row, name, unitId, current as BackupTarget, now),
            MonitoringArea.Cameras => UpsertCamera(row, name, unitId, current as Camera, now),
            _ => UpsertService(row, name, unitId, current as EBelediyeService, now),
        };

    private static BackupTarget UpsertBackup(Row row, string name, int? unitId, BackupTarget? current, DateTimeOffset now)
    {
        var system = ParseSystem(row.Require("system"));
        var source = ParseSource(row.Require("source"));
        var location = row.Require("location");
        var rpo = ParseDuration(row.Get("rpo") ?? "26h");
        var secondSource = row.Get("second_source") is { } s ? ParseSource(s) : (BackupSourceKind?)null;
        var enabled = ParseEnabled(row.Get("enabled"));
        var target = current ?? new BackupTarget(name, system, source, location, rpo, unitId, now);
        target.Configure(system, source, location, rpo, unitId, now);
        target.SetSelector(row.Get("selector"), row.Get("credential") ?? row.Get("password"), row.Get("timezone"), now);
        target.SetSecondLocation(row.Get("second_location"), secondSource, row.Get("second_credential"), now);
        _ = target.SetEnabled(enabled, now);
        return target;
    }

    private static Camera UpsertCamera(Row row, string name, int? unitId, Camera? current, DateTimeOffset now)
    {
        var host = row.Require("host");
        var port = row.Get("port") is { } p
            ? int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"port \"{p}\" is not a number")
            : Camera.DefaultRtspPort;
        var camera = current ?? new Camera(name, host, port, row.Get("path") ?? "/", unitId, row.Get("location"), now);
        camera.Configure(host, port, row.Get("path") ?? "/", unitId, row.Get("location"), now);
        camera.SetCredentials(row.Get("username"), row.Get("password") ?? row.Get("credential"), now);
        _ = camera.SetEnabled(ParseEnabled(row.Get("enabled")), now);
        return camera;
    }

    private static EBelediyeService UpsertService(Row row, string name, int? unitId, EBelediyeService? current, DateTimeOffset now)
    {
        var url = new Uri(row.Require("url"), UriKind.Absolute);
        var threshold = row.Get("latency_ms") is { } ms
            ? int.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? TimeSpan.FromMilliseconds(n) : throw new FormatException($"latency \"{ms}\" is not milliseconds")
            : EBelediyeService.DefaultLatencyThreshold;
        var service = current ?? new EBelediyeService(name, url, row.Get("marker"), threshold, unitId, now);
        service.Configure(url, row.Get("marker"), threshold, unitId, now);
        _ = service.SetEnabled(ParseEnabled(row.Get("enabled")), now);
        return service;
    }

    private static BackedUpSystemKind ParseSystem(string text) => Fold(text) switch
    {
        "physical" or "physicalserver" or "fiziksel" or "fizikselsunucu" or "server" or "sunucu" => BackedUpSystemKind.PhysicalServer,
        "virtual" or "virtualserver" or "vm" or "sanal" or "sanalsunucu" => BackedUpSystemKind.VirtualServer,
        "database" or "db" or "veritabani" => BackedUpSystemKind.Database,
        _ => throw new FormatException($"system \"{text}\" is not physical, virtual or database"),
    };

    private static BackupSourceKind ParseSource(string text) => Fold(text) switch
    {
        "restic" => BackupSourceKind.Restic,
        "borg" or "borgbackup" => BackupSourceKind.Borg,
        "folder" or "klasor" or "dizin" or "files" or "dosya" => BackupSourceKind.Folder,
        "sqlserver" or "msdb" or "sqlservermsdb" or "mssql" => BackupSourceKind.SqlServerMsdb,
        _ => throw new FormatException($"source \"{text}\" is not restic, borg, folder or sqlserver"),
    };

    private static bool ParseEnabled(string? text) => text is null || Fold(text) switch
    {
        "" or "1" or "true" or "yes" or "evet" or "e" or "acik" or "etkin" or "aktif" => true,
        "0" or "false" or "no" or "hayir" or "h" or "kapali" or "pasif" or "devredisi" => false,
        _ => throw new FormatException($"enabled \"{text}\" is not yes or no (evet/hayır)"),
    };

    private static int? FindUnit(string? text, IReadOnlyList<Unit> units)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = Fold(text);
        var unit = units.FirstOrDefault(u => Fold(u.Code) == folded) ?? units.FirstOrDefault(u => Fold(u.Name) == folded);
        return unit?.Id ?? throw new FormatException($"unit \"{text.Trim()}\" is not known");
    }

    private static Dictionary<string, int>? Header(IReadOnlyList<string> fields, MonitoringArea area, out string? error)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            if (Aliases.TryGetValue(Fold(fields[i]), out var key))
            {
                columns.TryAdd(key, i);
            }
        }

        string[] required = area switch
        {
            MonitoringArea.Backups => ["name", "system", "source", "location"],
            MonitoringArea.Cameras => ["name", "host"],
            _ => ["name", "url"],
        };
        var missing = required.Where(r => !columns.ContainsKey(r)).ToList();
        error = missing.Count == 0 ? null : "the header lacks the column(s) " + string.Join(", ", missing);
        return columns;
    }

    private static string DomainMessage(DomainException ex) => ex.Error switch
    {
        DomainError.TextEmpty => "a required value is empty",
        DomainError.TextTooLong => "a value is longer than " + string.Join(",", ex.Args) + " characters",
        _ => ex.Message,
    };

    private static async Task<string> ReadTextAsync(Stream csv, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1254).GetString(bytes);
        }
    }

    private sealed class Row(IReadOnlyList<string> fields, Dictionary<string, int> columns)
    {
        public string? Get(string key) =>
            columns.TryGetValue(key, out var i) && i < fields.Count && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;

        public string Require(string key) => Get(key) ?? throw new FormatException($"{key} is empty");
    }
}

/// <summary>RFC 4180 records: quoted fields may hold the separator, doubled quotes and line breaks. Each record knows its first line.</summary>
public static class CsvParser
{
    public sealed record Record(int Line, IReadOnlyList<string> Fields, string? Error);

    public static char DetectSeparator(string firstLine)
    {
        ArgumentNullException.ThrowIfNull(firstLine);
        var counts = new Dictionary<char, int> { [';'] = 0, [','] = 0, ['\t'] = 0 };
        var quoted = false;
        foreach (var c in firstLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && counts.ContainsKey(c))
            {
                counts[c]++;
            }
        }

        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key == ',' ? 0 : 1).First().Key;
    }

    public static IEnumerable<Record> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var separator = DetectSeparator(firstBreak < 0 ? text : text[..firstBreak]);
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var startIndex = i;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var wasQuoted = false;
            string? error = null;
            while (i < text.Length)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        quoted = false;
                        i++;
                        continue;
                    }

                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                    i++;
                    continue;
                }

                if (c == '"' && field.Length == 0 && !wasQuoted)
                {
                    quoted = wasQuoted = true;
                    i++;
                    continue;
                }

                if (c == separator)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    i++;
                    continue;
                }

                if (c is '\r' or '\n')
                {
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    break;
                }

                if (wasQuoted && error is null)
                {
                    error = "text after a closing quote";
                }

                field.Append(c);
                i++;
            }

            if (quoted)
            {
                // Not closed before the end: report this line alone and read on from the next, so the rows after it are kept.
                yield return new Record(start, [], "a quote is not closed");
                var next = text.IndexOf('\n', startIndex);
                i = next < 0 ? text.Length : next + 1;
                line = start + 1;
                continue;
            }

            fields.Add(field.ToString());
            yield return new Record(start, fields, error);
        }
    }
}
