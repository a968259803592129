using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Tickets;
using HelpdeskBot.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelpdeskBot.Tests.Infrastructure;

/// <summary>The real storage on a SQLite file in a temp folder, with a fake clock and the ticket use cases.</summary>
internal sealed class TestStorage : IAsyncDisposable
{
    public const string Ayse = "00000000-0000-0000-0000-0000000000020";
    public const string Emre = "00000000-0000-0000-0000-0000000000021";
    public const string Zeynep = "00000000-0000-0000-0000-0000000000022";

    public static readonly DateTimeOffset Start = new(2025, 3, 10, 7, 30, 0, TimeSpan.Zero);

    private readonly string folder;

    private TestStorage(string folder, ServiceProvider services, FakeTimeProvider clock)
    {
        this.folder = folder;
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public string DatabasePath => Path.Combine(folder, "data", "helpdesk.db");

    public static async Task<TestStorage> CreateAsync(bool initialize = true, IDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "helpdesk-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var config = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "data", "helpdesk.db")}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var clock = new FakeTimeProvider(Start);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(config).Build())
            .AddScoped<FileTicket>()
            .AddScoped<TicketWorkflow>()
            .AddScoped<ClaimTicket>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var storage = new TestStorage(folder, services, clock);
        if (initialize)
        {
            await services.InitializeStorageAsync();
        }

        return storage;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public static async Task<Person> PersonAsync(IServiceProvider scope, string aadObjectId) =>
        await scope.GetRequiredService<IDirectory>().FindByAadIdAsync(aadObjectId) ?? throw new InvalidOperationException(aadObjectId);

    public async Task<Ticket> FileTicketAsync(string description = "Yazıcı kağıt sıkıştırıyor")
    {
        await using var scope = Scope();
        var requester = await PersonAsync(scope.ServiceProvider, Ayse);
        return await scope.ServiceProvider.GetRequiredService<FileTicket>().ExecuteAsync(
            new FileTicketCommand(requester, TicketTopic.Printer, requester.UnitId, null, null, null, description, Urgency.Normal, [PrinterCheck.PaperJam]));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test; the temp folder is cleaned by the OS.
        }
    }
}
