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
/// someone could not be read.
/// </summary>
public static class CommandLine
{
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        switch (args)
        {
            case ["check", var what]:
                return Area(what) is { } area ? await CheckAsync(app, area) : Usage();
            case ["import", var what, var file]:
                return Area(what) is { } target ? await ImportAsync(app, target, file) : Usage();
            case ["sync", var what]:
                return TurkishText.Fold(what) is "directory" or "dizin" or "rehber" ? await SyncDirectoryAsync(app) : Usage();
            case ["export", var what, var period, var file]:
                return TurkishText.Fold(what) is "audit" or "denetim" && Period(period) is var (from, to) ? await ExportAuditAsync(app, from, to, file) : Usage();
            case ["check" or "import" or "sync" or "export", ..]:
                return Usage();
            default:
                return null;
        }
    }

    private static async Task<int> CheckAsync(WebApplication app, MonitoringArea area)
    {
        await app.Services.InitializeStorageAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<MonitoringRuns>().CheckAsync(area, CancellationToken.None);
        foreach (var r in summary.Results)
        {
            Console.WriteLine($"{r.Status,-10} {r.TargetName}  {r.Detail}");
        }

        foreach (var change in summary.Changes)
        {
            Console.WriteLine($"{(change.Kind == StateChangeKind.WentDown ? "DOWN" : "UP"),-10} {change.TargetName} (announced to the IT channel)");
        }

        var c = summary.Counts;
        Console.WriteLine($"{area}: {c.Total} checked, {c.Ok} ok, {c.Warning} warning, {c.Failed} failed, {c.Unreadable} unreadable in {summary.Duration.TotalSeconds:0.0} s");
        return c.AnyDown ? 1 : 0;
    }

    private static async Task<int> ImportAsync(WebApplication app, MonitoringArea area, string file)
    {
        await app.Services.InitializeStorageAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await using var stream = File.OpenRead(file);
        var report = await scope.ServiceProvider.GetRequiredService<InventoryCsvImporter>().ImportAsync(area, stream);
        foreach (var error in report.Errors)
        {
            Console.Error.WriteLine($"line {error.Line}: {error.Message}");
        }

        Console.WriteLine($"{area}: {report.Added} added, {report.Updated} updated, {report.Errors.Count} rejected");
        return report.Errors.Count > 0 ? 1 : 0;
    }

    private static async Task<int> SyncDirectoryAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<GraphDirectorySync>() is null)
        {
            Console.Error.WriteLine("Microsoft Graph is not configured: set Graph__TenantId, Graph__ClientId and Graph__ClientSecret to sync the directory.");
            Console.Error.WriteLine("Without them the local People table (seeded, or kept by hand) is the directory.");
            return 1;
        }

        await app.Services.InitializeStorageAsync();
        var summary = await scope.ServiceProvider.GetRequiredService<GraphDirectorySync>().SyncAllAsync();
        Console.WriteLine($"directory: {summary.Total} people, {summary.Updated} updated, {summary.Unchanged} unchanged, {summary.NotFound} not in Graph, "
            + $"{summary.Failed} failed, {summary.ManagersCreated} managers added; roles {(summary.RolesSynced ? "synced from the groups" : "left as stored")}");
        return summary.Failed > 0 ? 1 : 0;
    }

    private static async Task<int> ExportAuditAsync(WebApplication app, DateTimeOffset from, DateTimeOffset to, string file)
    {
        await app.Services.InitializeStorageAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<Infrastructure.Audit.AuditExport>().RowsAsync(from, to);
        await using (var stream = File.Create(file))
        {
            if (file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                Infrastructure.Audit.AuditExport.WriteXlsx(rows, stream);
            }
            else
            {
                await Infrastructure.Audit.AuditExport.WriteCsvAsync(rows, stream);
            }
        }

        Console.WriteLine($"audit: {rows.Count} records from {Domain.Common.Istanbul.ToLocal(from):yyyy-MM-dd} to {Domain.Common.Istanbul.ToLocal(to).AddDays(-1):yyyy-MM-dd} written to {file}");
        return 0;
    }

    /// <summary>A period in Istanbul days: "2026" (a year), "2026-12" (a month) or "2026-12-01..2026-12-15" (inclusive days). Returns [from, to) in UTC.</summary>
    public static (DateTimeOffset From, DateTimeOffset To)? Period(string text)
    {
        static DateTimeOffset Start(DateTime local) => new(local, Domain.Common.Istanbul.Zone.GetUtcOffset(local));
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var styles = System.Globalization.DateTimeStyles.None;
        if (text.Split("..") is [var a, var b] && DateTime.TryParseExact(a, "yyyy-MM-dd", inv, styles, out var d1) && DateTime.TryParseExact(b, "yyyy-MM-dd", inv, styles, out var d2) && d2 >= d1)
        {
            return (Start(d1), Start(d2.AddDays(1)));
        }

        if (DateTime.TryParseExact(text, "yyyy-MM", inv, styles, out var month))
        {
            return (Start(month), Start(month.AddMonths(1)));
        }

        return DateTime.TryParseExact(text, "yyyy", inv, styles, out var year) ? (Start(year), Start(year.AddYears(1))) : null;
    }

    private static MonitoringArea? Area(string word) => TurkishText.Fold(word) switch
    {
        "backups" or "backup" or "yedek" or "yedekler" => MonitoringArea.Backups,
        "cameras" or "camera" or "kamera" or "kameralar" => MonitoringArea.Cameras,
        "ebelediye" or "e belediye" or "services" or "servisler" => MonitoringArea.EBelediye,
        _ => null,
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: dotnet run --project Bot -- check backups|cameras|ebelediye");
        Console.Error.WriteLine("       dotnet run --project Bot -- import backups|cameras|ebelediye FILE.csv");
        Console.Error.WriteLine("       dotnet run --project Bot -- sync directory");
        Console.Error.WriteLine("       dotnet run --project Bot -- export audit 2026-12|2026|2026-12-01..2026-12-15 FILE.csv|FILE.xlsx");
        return 2;
    }
}
