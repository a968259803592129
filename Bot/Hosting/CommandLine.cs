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
            case ["check" or "import" or "sync", ..]:
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
        return 2;
    }
}
