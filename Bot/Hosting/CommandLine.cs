using System.Globalization;
using System.Text.RegularExpressions;
using HelpdeskBot.Bot.Monitoring;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure;
using HelpdeskBot.Infrastructure.GraphDirectory;
using HelpdeskBot.Infrastructure.Monitoring;

namespace HelpdeskBot.Bot.Hosting;

/// <summary>
/// Command-line verbs for operators and a server's own scheduler, run instead of the web host:
/// <c>check backups|cameras|ebelediye</c> runs one check now (tickets and channel cards follow as in a scheduled run),
/// prints the results and exits 1 when something is down; <c>import backups|cameras|ebelediye FILE.csv</c> loads inventory;
/// <c>sync directory</c> syncs the People table from Microsoft Graph once and exits 1 when Graph is not configured or
/// someone could not be read; <c>export audit PERIOD FILE.csv|FILE.xlsx</c> writes the audit trail of a period. Bad usage
/// (an unknown word, a period that is no period, a file name it cannot write to) says what is wrong and exits 2.
/// </summary>
public static class CommandLine
{
    private const int MinYear = 2000;
    private const int MaxYear = 2999;
    private const string ExportSyntax = "dotnet run --project Bot -- export audit 2026-12|2026|2026-12-05|2026-12-01..2026-12-15 FILE.csv|FILE.xlsx";

    /// <summary>Runs the verb in <paramref name="args"/>, if any; results go to <paramref name="output"/>, problems and usage to <paramref name="errors"/> (the console by default).</summary>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args, TextWriter? output = null, TextWriter? errors = null)
    {
        output ??= Console.Out;
        errors ??= Console.Error;
        switch (args)
        {
            case ["check", var what]:
                return Area(what) is { } area ? await CheckAsync(app, area, output) : Usage(errors);
            case ["import", var what, var file]:
                return Area(what) is { } target ? await ImportAsync(app, target, file, output, errors) : Usage(errors);
            case ["sync", var what]:
                return TurkishText.Fold(what) is "directory" or "dizin" or "rehber" ? await SyncDirectoryAsync(app, output, errors) : Usage(errors);
            case ["export", var what, var period, var file]:
                return TurkishText.Fold(what) is "audit" or "denetim"
                    ? await ExportAuditAsync(app, period, file, output, errors)
                    : ExportUsage(errors, $"\"{what}\" cannot be exported; the audit trail is \"audit\" (or \"denetim\").");
            case ["export", ..]:
                return ExportUsage(errors, "give what (audit), the period and the file.");
            case ["check" or "import" or "sync", ..]:
                return Usage(errors);
            default:
                return null;
        }
    }

    private static async Task<int> CheckAsync(WebApplication app, MonitoringArea area, TextWriter output)
    {
        await app.Services.InitializeStorageAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<MonitoringRuns>().CheckAsync(area, CancellationToken.None);
        foreach (var r in summary.Results)
        {
            output.WriteLine($"{r.Status,-10} {r.TargetName}  {r.Detail}");
        }

        foreach (var change in summary.Changes)
        {
            output.WriteLine($"{(change.Kind == StateChangeKind.WentDown ? "DOWN" : "UP"),-10} {change.TargetName} (announced to the IT channel)");
        }

        var c = summary.Counts;
        output.WriteLine($"{area}: {c.Total} checked, {c.Ok} ok, {c.Warning} warning, {c.Failed} failed, {c.Unreadable} unreadable in {summary.Duration.TotalSeconds:0.0} s");
        return c.AnyDown ? 1 : 0;
    }

    private static async Task<int> ImportAsync(WebApplication app, MonitoringArea area, string file, TextWriter output, TextWriter errors)
    {
        await app.Services.InitializeStorageAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await using var stream = File.OpenRead(file);
        var report = await scope.ServiceProvider.GetRequiredService<InventoryCsvImporter>().ImportAsync(area, stream);
        foreach (var error in report.Errors)
        {
            errors.WriteLine($"line {error.Line}: {error.Message}");
        }

        output.WriteLine($"{area}: {report.Added} added, {report.Updated} updated, {report.Errors.Count} rejected");
        return report.Errors.Count > 0 ? 1 : 0;
    }

    private static async Task<int> SyncDirectoryAsync(WebApplication app, TextWriter output, TextWriter errors)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<GraphDirectorySync>() is null)
        {
            errors.WriteLine("Microsoft Graph is not configured: set Graph__TenantId, Graph__ClientId and Graph__ClientSecret to sync the directory.");
            errors.WriteLine("Without them the local People table (seeded, or kept by hand) is the directory.");
            return 1;
        }

        await app.Services.InitializeStorageAsync();
        var summary = await scope.ServiceProvider.GetRequiredService<GraphDirectorySync>().SyncAllAsync();
        output.WriteLine($"directory: {summary.Total} people, {summary.Updated} updated, {summary.Unchanged} unchanged, {summary.NotFound} not in Graph, "
            + $"{summary.Failed} failed, {summary.ManagersCreated} managers added; roles {(summary.RolesSynced ? "synced from the groups" : "left as stored")}");
        return summary.Failed > 0 ? 1 : 0;
    }

    /// <summary>
    /// Checks the period and the file before touching the database: a bad period, an extension other than .csv/.xlsx or a
    /// folder that does not exist is bad usage (2); a file that cannot be written is 1.
    /// </summary>
    private static async Task<int> ExportAuditAsync(WebApplication app, string period, string file, TextWriter output, TextWriter errors)
    {
        if (Period(period, out var problem) is not var (from, to))
        {
            return ExportUsage(errors, problem!);
        }

        if (OutputProblem(file) is { } badFile)
        {
            return ExportUsage(errors, badFile);
        }

        await app.Services.InitializeStorageAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<Infrastructure.Audit.AuditExport>().RowsAsync(from, to);
        try
        {
            await using var stream = File.Create(file);
            if (file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                Infrastructure.Audit.AuditExport.WriteXlsx(rows, stream);
            }
            else
            {
                await Infrastructure.Audit.AuditExport.WriteCsvAsync(rows, stream);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"export audit: cannot write {file}: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync($"audit: {rows.Count} records from {Domain.Common.Istanbul.ToLocal(from):yyyy-MM-dd} to {Domain.Common.Istanbul.ToLocal(to).AddDays(-1):yyyy-MM-dd} written to {file}");
        return 0;
    }

    /// <summary>What is wrong with the output path, if anything: the extension, or a folder that does not exist.</summary>
    private static string? OutputProblem(string file)
    {
        var extension = Path.GetExtension(file);
        if (!extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return $"{file}: the file must end in .csv or .xlsx{(extension.Length > 0 ? $", not {extension}" : string.Empty)}.";
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        return folder is null || Directory.Exists(folder) ? null : $"{file}: the folder {folder} does not exist.";
    }

    /// <summary>
    /// A period in Istanbul days: "2026" (a year), "2026-12" (a month), "2026-12-05" (a day) or "2026-12-01..2026-12-15"
    /// (inclusive days). Returns [from, to) in UTC, or null and what is wrong with the text.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To)? Period(string text, out string? problem)
    {
        static DateTimeOffset Start(DateTime local) => new(local, Domain.Common.Istanbul.Zone.GetUtcOffset(local));
        problem = null;
        if (text.Split("..") is [var a, var b])
        {
            if (Day(a, ref problem) is not { } first || Day(b, ref problem) is not { } last)
            {
                problem ??= $"\"{text}\": a range is two days, as 2026-12-01..2026-12-15.";
                return null;
            }

            if (last < first)
            {
                problem = $"\"{text}\": the range ends ({b}) before it starts ({a}).";
                return null;
            }

            return (Start(first), Start(last.AddDays(1)));
        }

        if (Day(text, ref problem) is { } day)
        {
            return (Start(day), Start(day.AddDays(1)));
        }

        if (problem is not null)
        {
            return null;
        }

        if (Regex.Match(text, "^([0-9]{4})-([0-9]{2})$") is { Success: true } m)
        {
            if (Year(m.Groups[1].Value, ref problem) is not { } y || Month(m.Groups[2].Value, ref problem) is not { } mo)
            {
                problem = $"\"{text}\": {problem}";
                return null;
            }

            var month = new DateTime(y, mo, 1);
            return (Start(month), Start(month.AddMonths(1)));
        }

        if (Regex.IsMatch(text, "^[0-9]{4}$"))
        {
            if (Year(text, ref problem) is not { } y)
            {
                problem = $"\"{text}\": {problem}";
                return null;
            }

            var year = new DateTime(y, 1, 1);
            return (Start(year), Start(year.AddYears(1)));
        }

        problem = $"\"{text}\" is not a period: give a year (2026), a month (2026-12), a day (2026-12-05) or days (2026-12-01..2026-12-15).";
        return null;
    }

    /// <summary>A day "yyyy-MM-dd"; null without a problem when the text does not look like a day at all.</summary>
    private static DateTime? Day(string text, ref string? problem)
    {
        if (Regex.Match(text, "^([0-9]{4})-([0-9]{2})-([0-9]{2})$") is not { Success: true } m)
        {
            return null;
        }

        if (Year(m.Groups[1].Value, ref problem) is not { } y || Month(m.Groups[2].Value, ref problem) is not { } mo)
        {
            problem = $"\"{text}\": {problem}";
            return null;
        }

        var d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        var days = DateTime.DaysInMonth(y, mo);
        if (d < 1 || d > days)
        {
            var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(mo);
            problem = $"\"{text}\": there is no day {m.Groups[3].Value} in {name} {y} (01–{days}).";
            return null;
        }

        return new DateTime(y, mo, d);
    }

    private static int? Year(string digits, ref string? problem)
    {
        var y = int.Parse(digits, CultureInfo.InvariantCulture);
        if (y is >= MinYear and <= MaxYear)
        {
            return y;
        }

        problem = $"the year must be from {MinYear} to {MaxYear}.";
        return null;
    }

    private static int? Month(string digits, ref string? problem)
    {
        var m = int.Parse(digits, CultureInfo.InvariantCulture);
        if (m is >= 1 and <= 12)
        {
            return m;
        }

        problem = $"there is no month {digits} (01–12).";
        return null;
    }

    private static MonitoringArea? Area(string word) => TurkishText.Fold(word) switch
    {
        "backups" or "backup" or "yedek" or "yedekler" => MonitoringArea.Backups,
        "cameras" or "camera" or "kamera" or "kameralar" => MonitoringArea.Cameras,
        "ebelediye" or "e belediye" or "services" or "servisler" => MonitoringArea.EBelediye,
        _ => null,
    };

    private static int Usage(TextWriter errors)
    {
        errors.WriteLine("usage: dotnet run --project Bot -- check backups|cameras|ebelediye");
        errors.WriteLine("       dotnet run --project Bot -- import backups|cameras|ebelediye FILE.csv");
        errors.WriteLine("       dotnet run --project Bot -- sync directory");
        errors.WriteLine("       " + ExportSyntax);
        return 2;
    }

    private static int ExportUsage(TextWriter errors, string problem)
    {
        errors.WriteLine("export audit: " + problem);
        errors.WriteLine("usage: " + ExportSyntax);
        return 2;
    }
}
