using System.Diagnostics;
using System.Net;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Infrastructure;
using HelpdeskBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HelpdeskBot.Tests.GraphDirectory;

/// <summary>
/// The real host with Microsoft Graph configured (pointing at <see cref="LocalGraph"/>): a person who writes for the
/// first time is synced at once, and a failing Graph does not fail or stall their turn. Also the <c>sync directory</c> verb.
/// </summary>
public sealed class FirstContactSyncTests : IAsyncLifetime
{
    private const string Deniz = "00000000-0000-0000-0000-0000000000026";
    private const string TechniciansGroup = "a2000000-0000-0000-0000-00000000tec0";
    private static readonly TestUser Stranger = new("7d1e3f55-0000-4000-8000-00000000abcd", "Yeni Personel");

    private LocalGraph graph = null!;

    public async Task InitializeAsync()
    {
        graph = await LocalGraph.StartAsync();
        graph.AddUser(Stranger.AadId, "Selin Aydın", "selin.aydin", "Mali Hizmetler Müdürlüğü");
        graph.AddUser(Deniz, "Deniz Arslan", "deniz.arslan", "Mali Hizmetler Müdürlüğü");
        graph.SetManager(Stranger.AadId, Deniz);
        graph.SetGroup(TechniciansGroup, [Stranger.AadId]);
    }

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task FirstMessage_GraphKnowsThePerson_RegisteredWithGraphProfileRoleUnitAndManager()
    {
        await using var host = await BotHost.StartAsync(GraphSettings());
        try
        {
            var response = await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, Stranger, "merhaba"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(host.Connector.Calls, c => c.Text?.Contains("Merhaba Selin Aydın", StringComparison.Ordinal) == true);
            Assert.Equal(1, host.Scalar($"""
                SELECT COUNT(*) FROM People p JOIN Units u ON u.Id = p.UnitId JOIN People m ON m.Id = p.ManagerId
                WHERE p.AadObjectId = '{Stranger.AadId}' AND p.DisplayName = 'Selin Aydın' AND p.Email = 'selin.aydin@belediye.bel.tr'
                  AND p.Role = 'ItTechnician' AND u.Code = 'MHM' AND m.AadObjectId = '{Deniz}'
                """));
        }
        finally
        {
            await host.Connector.DisposeAsync();
        }
    }

    [Fact]
    public async Task FirstMessage_GraphThrottlesForLong_TurnAnsweredWithinTimeoutAsUnitlessStaff()
    {
        graph.FailNext($"/v1.0/users/{Stranger.AadId}", 429, count: 100, retryAfter: "30");
        await using var host = await BotHost.StartAsync(GraphSettings(("Graph:FirstContactTimeout", "00:00:01")));
        try
        {
            var clock = Stopwatch.StartNew();
            var response = await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, Stranger, "merhaba"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the turn took {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Contains(host.Connector.Calls, c => c.Text?.Contains("Merhaba Yeni Personel", StringComparison.Ordinal) == true);
            Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM People WHERE AadObjectId = '{Stranger.AadId}' AND Role = 'Staff' AND UnitId IS NULL AND DisplayName = 'Yeni Personel'"));
            Assert.Contains(graph.Requests, r => r.Path == $"/v1.0/users/{Stranger.AadId}" && r.Status == 429);
        }
        finally
        {
            await host.Connector.DisposeAsync();
        }
    }

    [Fact]
    public async Task SyncDirectoryVerb_WithoutGraph_ExitsOne()
    {
        await using var app = App(new Dictionary<string, string?>());

        Assert.Equal(1, await CommandLine.TryRunAsync(app, ["sync", "directory"]));
    }

    [Fact]
    public async Task SyncDirectoryVerb_WithGraph_SyncsThePeopleTable()
    {
        var database = Path.Combine(TempDir.Create(), "helpdesk.db");
        await using var app = App(new Dictionary<string, string?>(GraphSettings()) { ["Storage:ConnectionString"] = $"Data Source={database}" });

        Assert.Equal(0, await CommandLine.TryRunAsync(app, ["sync", "directory"]));

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Email FROM People WHERE AadObjectId = '{Deniz}'";
        Assert.Equal("deniz.arslan@belediye.bel.tr", command.ExecuteScalar());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private Dictionary<string, string?> GraphSettings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Graph:ClientId"] = "test-client",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:ItTechniciansGroupId"] = TechniciansGroup,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static WebApplication App(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddInfrastructure(builder.Configuration);
        return builder.Build();
    }
}
