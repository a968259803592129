using System.Net;
using System.Net.Sockets;
using System.Text;
using HelpdeskBot.Bot.Monitoring;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure.Monitoring;
using HelpdeskBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpdeskBot.Tests.Host;

/// <summary>
/// The monitoring jobs in the real host against real things the test starts: backup folders with real files, a closed
/// camera port, and local HTTP endpoints. What reaches the IT channel at the connector, and which tickets open.
/// </summary>
public sealed class MonitoringJobTests : IAsyncLifetime
{
    private readonly string root = TempDir.Create();
    private WebApplication web = null!;
    private string webUrl = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        web = builder.Build();
        web.MapGet("/ok", () => Results.Text("<html><title>e-Belediye</title>Online İşlemler</html>", "text/html"));
        web.MapGet("/fail", () => Results.StatusCode(500));
        await web.StartAsync();
        webUrl = web.Urls.First();
    }

    public async Task DisposeAsync() => await web.DisposeAsync();

    [Fact]
    public async Task Checks_RealTargets_AnnounceChangesAndOpenOneTicketPerTarget()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Schedules:Enabled"] = "false" });
        await host.PostAsync(Teams.ChannelMessage(host.ServiceUrl, Teams.Emre, "bt kanalı yap"));
        await DisableSeededTargetsAsync(host);
        var fresh = BackupFolder("fresh", TimeSpan.FromHours(2));
        var stale = BackupFolder("stale", TimeSpan.FromDays(3));
        var closedPort = ClosedPort();
        await ImportAsync(host, MonitoringArea.Backups,
            $"name;system;source;location;selector;rpo;unit\nMaaş SQL;database;folder;{fresh};*.bak;26h;MHM\nİmar SQL;database;folder;{stale};*.bak;26h;FIM\n");
        await ImportAsync(host, MonitoringArea.Cameras, $"name;location;unit;host;port;path\nKamera 9 · Meydan;Belediye Meydanı;ZAB;127.0.0.1;{closedPort};/live\n");
        await ImportAsync(host, MonitoringArea.EBelediye, $"name;url;marker;latency_ms;unit\nOnline İşlemler;{webUrl}/ok;Online İşlemler;3000;MHM\nBorç Sorgulama;{webUrl}/fail;Borç;3000;MHM\n");

        foreach (var area in Enum.GetValues<MonitoringArea>())
        {
            // A state is announced once it holds (cameras: two checks, e-Belediye: three); repeats open nothing new.
            for (var run = 0; run < 3; run++)
            {
                await RunAsync(host, area);
            }
        }

        var tickets = host.Query("SELECT SourceKey, Topic FROM Tickets WHERE SourceKey IS NOT NULL ORDER BY SourceKey", r =>
        {
            var list = new List<string>();
            while (r.Read())
            {
                list.Add($"{r.GetString(0).Split(':')[1]}:{r.GetString(1)}");
            }

            return list;
        });
        Assert.Equal(["Backups:Backup", "Cameras:Camera", "EBelediye:EBelediye"], tickets);
        await host.Connector.WaitForAsync(c => c.ConversationId == Teams.ChannelId && c.CardText.Contains("Yedekleme: İmar SQL sorunlu", StringComparison.Ordinal), because: "the stale backup announced");
        await host.Connector.WaitForAsync(c => c.CardText.Contains("Kameralar: Kamera 9 · Meydan sorunlu", StringComparison.Ordinal), because: "the closed camera announced");
        var service = await host.Connector.WaitForAsync(c => c.CardText.Contains("e-Belediye hizmetleri: Borç Sorgulama sorunlu", StringComparison.Ordinal), because: "the failing service announced");
        Assert.Contains("Görev açıldı: BT-", service.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Connector.Calls, c => c.CardText.Contains("Maaş SQL", StringComparison.Ordinal) || c.CardText.Contains("Online İşlemler sorunlu", StringComparison.Ordinal));

        // The stale backup is taken again: its recovery is announced and noted on the same ticket.
        File.WriteAllText(Path.Combine(stale, "imar_new.bak"), new string('x', 4096));
        await RunAsync(host, MonitoringArea.Backups);
        await host.Connector.WaitForAsync(c => c.CardText.Contains("Yedekleme: İmar SQL yeniden çalışıyor", StringComparison.Ordinal), because: "the recovery");
        Assert.Equal(1, host.Scalar("SELECT COUNT(*) FROM Tickets WHERE SourceKey LIKE 'monitor:Backups:%'"));
        Assert.Equal(1, host.Scalar("SELECT COUNT(*) FROM TicketEvents e JOIN Tickets t ON t.Id = e.TicketId WHERE t.SourceKey LIKE 'monitor:Backups:%' AND e.Kind = 'NoteAdded'"));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MonitoringRuns>().PostDailyCardAsync(MonitoringArea.EBelediye, CancellationToken.None);
        }

        var daily = await host.Connector.WaitForAsync(c => c.CardText.Contains("Günlük durum: e-Belediye", StringComparison.Ordinal), because: "the daily card");
        Assert.True(daily.CardText.IndexOf("Borç Sorgulama", StringComparison.Ordinal) < daily.CardText.IndexOf("Online İşlemler", StringComparison.Ordinal), "failures first");
        await host.Connector.DisposeAsync();
    }

    [Fact]
    public async Task ChatImport_ItAddsCameraStaffRefused()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Schedules:Enabled"] = "false" });
        const string Message = "izleme ekle kameralar\nad;konum;birim;host;port;yol\nKamera 12 · Park;Millet Bahçesi;ZAB;127.0.0.1;8554;/cam12\nBozuk;;;;yok;\n";

        await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, Teams.Ayse, Message));
        await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, Teams.Emre, Message));

        Assert.Contains(host.Connector.To(Teams.PersonalConversation(Teams.Ayse)), c => c.Text?.Contains("yalnızca Bilgi İşlem personeli", StringComparison.Ordinal) == true);
        var answer = host.Connector.To(Teams.PersonalConversation(Teams.Emre)).Single();
        Assert.Contains("Kameralar: 1 eklendi, 0 güncellendi, 1 satır reddedildi", answer.Text, StringComparison.Ordinal);
        Assert.Contains("satır 3", answer.Text, StringComparison.Ordinal);
        Assert.Equal(1, host.Scalar("SELECT COUNT(*) FROM Cameras WHERE Name = 'Kamera 12 · Park'"));
        await host.Connector.DisposeAsync();
    }

    [Fact]
    public async Task DailyCards_TwoHostsOnOneDatabase_EachPostedOnce()
    {
        var connector = await LocalConnector.StartAsync();
        var database = Path.Combine(TempDir.Create(), "shared.db");
        var settings = new Dictionary<string, string?> { ["Schedules:Enabled"] = "true" };
        await using var first = await BotHost.StartAsync(settings, database, connector);
        await DisableSeededTargetsAsync(first);
        await first.PostAsync(Teams.ChannelMessage(first.ServiceUrl, Teams.Emre, "bt kanalı yap"));
        await using var second = await BotHost.StartAsync(settings, database, connector);

        await Task.WhenAll(TickAsync(first), TickAsync(second), TickAsync(first), TickAsync(second));

        foreach (var title in new[] { "Günlük durum: Yedekleme", "Günlük durum: Kameralar", "Günlük durum: e-Belediye hizmetleri" })
        {
            await connector.WaitForAsync(c => c.CardText.Contains(title, StringComparison.Ordinal), because: title);
        }

        await first.WaitForOutboxAsync();
        Assert.Equal(3, connector.To(Teams.ChannelId).Count(c => c.CardText.Contains("Günlük durum:", StringComparison.Ordinal)));
        await connector.DisposeAsync();
    }

    private static async Task TickAsync(BotHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MonitoringTicker>().Invoke();
    }

    private static async Task RunAsync(BotHost host, MonitoringArea area)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MonitoringRuns>().CheckAsync(area, CancellationToken.None);
    }

    private static async Task ImportAsync(BotHost host, MonitoringArea area, string csv)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<InventoryCsvImporter>().ImportAsync(area, new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        Assert.Empty(report.Errors);
    }

    /// <summary>The demo municipality's targets point at paths and ports this machine does not have; the tests bring their own.</summary>
    private static async Task DisableSeededTargetsAsync(BotHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var inventory = scope.ServiceProvider.GetRequiredService<IMonitoringInventory>();
        var set = scope.ServiceProvider.GetRequiredService<SetMonitoredTargetEnabled>();
        foreach (var area in Enum.GetValues<MonitoringArea>())
        {
            foreach (var target in await inventory.ListAsync(area, enabledOnly: true))
            {
                await set.ExecuteAsync(area, target.Name, enabled: false);
            }
        }
    }

    private string BackupFolder(string name, TimeSpan age)
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        for (var i = 0; i < 4; i++)
        {
            var file = Path.Combine(dir, $"{name}_{i}.bak");
            File.WriteAllText(file, new string('x', 4096));
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow - age - TimeSpan.FromDays(3 - i));
        }

        return dir;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
