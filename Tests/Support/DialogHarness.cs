using System.Globalization;
using System.Text.Json;
using HelpdeskBot.Cards.Model;
using HelpdeskBot.Dialogs;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelpdeskBot.Tests.Support;

/// <summary>
/// The dialogs on the real storage (a SQLite file) and a fake clock. Each turn runs in its own scope, as a request would,
/// so a dialog that only worked while objects stayed in memory would fail here.
/// </summary>
public sealed class DialogHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private DialogHarness(ServiceProvider services, FakeTimeProvider clock, string databasePath)
    {
        this.services = services;
        Clock = clock;
        DatabasePath = databasePath;
    }

    public FakeTimeProvider Clock { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => services;

    public static async Task<DialogHarness> StartAsync(string? databasePath = null)
    {
        databasePath ??= Path.Combine(TempDir.Create(), "helpdesk.db");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.Zero));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={databasePath}",
        }).Build();
        var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddInfrastructure(config)
            .AddDialogs()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await provider.InitializeStorageAsync();
        return new DialogHarness(provider, clock, databasePath);
    }

    public Chat ChatAs(string aadObjectId, string locale = "tr-TR") => new(this, aadObjectId, CultureInfo.GetCultureInfo(locale));

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>One person's personal chat with the bot.</summary>
    public sealed class Chat(DialogHarness harness, string aadObjectId, CultureInfo culture)
    {
        public string ConversationId { get; } = "a:" + aadObjectId;

        public IReadOnlyList<Reply> Last { get; private set; } = [];

        public Task<IReadOnlyList<Reply>> SayAsync(string? text) => TurnAsync(text, null);

        /// <summary>Presses a dialog button (Action.Submit): the data arrives as the message's value.</summary>
        public Task<IReadOnlyList<Reply>> PressAsync(string step, string choice) =>
            TurnAsync(null, JsonSerializer.SerializeToElement(new { step, choice }));

        public async Task<IReadOnlyList<Reply>> TurnAsync(string? text, JsonElement? value)
        {
            Last = await harness.WithScopeAsync(async sp =>
            {
                var person = await sp.GetRequiredService<IDirectory>().FindByAadIdAsync(aadObjectId) ?? throw new InvalidOperationException(aadObjectId);
                return await sp.GetRequiredService<ConversationRouter>().HandleAsync(new UserTurn(person, ConversationId, text, value, culture));
            });
            return Last;
        }

        public string AllText => string.Join("\n", Last.Select(Describe));

        public static string Describe(Reply r) => r switch
        {
            TextReply t => t.Text,
            CardReply c => CardJson.Serialize(c.Card),
            _ => string.Empty,
        };

        /// <summary>The step named in the buttons of the last card (what a press would answer).</summary>
        public string? PendingStep => LastButtonField("step");

        /// <summary>The dialog id stamped on the buttons of the last card.</summary>
        public string? PendingDialog => LastButtonField("dialog");

        private string? LastButtonField(string name) =>
            Last.OfType<CardReply>().Select(c => JsonDocument.Parse(CardJson.Serialize(c.Card)).RootElement)
                .Select(e => Find(e, name)).LastOrDefault(s => s is not null);

        private static string? Find(JsonElement e, string name) => e.ValueKind switch
        {
            JsonValueKind.Object when e.TryGetProperty(name, out var value) => value.GetString(),
            JsonValueKind.Object => e.EnumerateObject().Select(p => Find(p.Value, name)).FirstOrDefault(s => s is not null),
            JsonValueKind.Array => e.EnumerateArray().Select(item => Find(item, name)).FirstOrDefault(s => s is not null),
            _ => null,
        };
    }
}

public static class Seeded
{
    public const string Ayse = "00000000-0000-0000-0000-0000000000020";
    public const string Emre = "00000000-0000-0000-0000-0000000000021";
    public const string Zeynep = "00000000-0000-0000-0000-0000000000022";
    public const string Deniz = "00000000-0000-0000-0000-0000000000026";

    public static Task<Person> PersonAsync(IServiceProvider sp, string aadObjectId) =>
        sp.GetRequiredService<IDirectory>().FindByAadIdAsync(aadObjectId)!;
}
