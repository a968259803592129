using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace HelpdeskBot.Tests.Support;

/// <summary>
/// The real host (Program) on a real SQLite file, talking to a <see cref="LocalConnector"/>. Activities are posted to
/// /api/messages as Teams would; what the bot sends arrives at the connector.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    private BotHost(WebApplicationFactory<Program> factory, LocalConnector connector, string databasePath)
    {
        this.factory = factory;
        Connector = connector;
        DatabasePath = databasePath;
        Client = factory.CreateClient();
    }

    public LocalConnector Connector { get; }

    public string DatabasePath { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => factory.Services;

    public string ServiceUrl => Connector.ServiceUrl;

    public static async Task<BotHost> StartAsync(IDictionary<string, string?>? settings = null, string? databasePath = null, LocalConnector? connector = null)
    {
        connector ??= await LocalConnector.StartAsync();
        databasePath ??= Path.Combine(TempDir.Create(), "helpdesk.db");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Storage:ConnectionString", $"Data Source={databasePath}");
            b.UseSetting("Outbox:PollInterval", "00:00:00.100");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                b.UseSetting(key, value);
            }
        });
        var host = new BotHost(factory, connector, databasePath);
        var ready = await host.Client.GetAsync("/readyz");
        ready.EnsureSuccessStatusCode();
        return host;
    }

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var response = await Client.PostAsJsonAsync("/api/messages", activity);
        return response;
    }

    /// <summary>Posts an invoke and returns the invoke response body Teams would get.</summary>
    public async Task<JsonObject> InvokeAsync(JsonObject activity)
    {
        var response = await PostAsync(activity);
        response.EnsureSuccessStatusCode();
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Reads the database file directly, as an operator would with sqlite3.</summary>
    public T Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return read(reader);
    }

    public long Scalar(string sql) => Query(sql, r => r.Read() ? r.GetInt64(0) : 0);

    /// <summary>
    /// Waits until the outbox holds nothing more for the person (or, without one, for anyone): every message sent or
    /// given up. Then a test can count what arrived: "exactly one" means something only once nothing is on its way.
    /// </summary>
    public async Task WaitForOutboxAsync(TestUser? to = null, TimeSpan? timeout = null)
    {
        var sql = to is null
            ? "SELECT COUNT(*) FROM OutboxMessages WHERE State = 'Pending'"
            : "SELECT COUNT(*) FROM OutboxMessages o JOIN People p ON p.Id = o.RecipientPersonId "
              + $"WHERE p.AadObjectId = '{to.AadId}' AND o.State = 'Pending'";
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Scalar(sql) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"messages to {to?.Name ?? "anyone"} still pending in the outbox");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}

public static class TempDir
{
    public static string Create()
    {
        var dir = Path.Combine(Path.GetTempPath(), "helpdeskbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
