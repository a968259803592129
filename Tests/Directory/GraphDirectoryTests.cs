using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using HelpdeskBot.Infrastructure.GraphDirectory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Tests.GraphDirectory;

public sealed class GraphDirectoryTests : IAsyncLifetime
{
    private const string Ayse = "00000000-0000-0000-0000-000000000020";
    private const string Mehmet = "00000000-0000-0000-0000-000000000023";
    private const string Ismail = "00000000-0000-0000-0000-000000000024";
    private const string ItStaffGroup = "6b1d2b3a-0000-0000-0000-00000000it01";

    private LocalGraph graph = null!;

    public async Task InitializeAsync() => graph = await LocalGraph.StartAsync();

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task GetUserAsync_KnownUser_ReturnsProfileWithDepartment()
    {
        using var reader = Reader();

        var user = await reader.GetUserAsync(Ayse);

        Assert.Equal(new DirectoryUser(Ayse, "Ayşe Yılmaz", "ayse.yilmaz@belediye.bel.tr", "ayse.yilmaz@belediye.bel.tr", "Yazı İşleri Müdürlüğü", "Memur", "tr-TR"), user);
        var request = Assert.Single(graph.Requests);
        Assert.Equal($"/v1.0/users/{Ayse}", request.Path);
        Assert.Contains("department", request.Query, StringComparison.Ordinal);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task GetUserAsync_UnknownUser_ReturnsNull()
    {
        using var reader = Reader();

        Assert.Null(await reader.GetUserAsync("11111111-2222-3333-4444-555555555555"));
    }

    [Fact]
    public async Task GetManagerAsync_UserWithManager_ReturnsManager()
    {
        using var reader = Reader();

        var manager = await reader.GetManagerAsync(Ayse);

        Assert.NotNull(manager);
        Assert.Equal(Mehmet, manager.Id);
        Assert.Equal("Mehmet Demir", manager.DisplayName);
        Assert.Equal("Yazı İşleri Müdürü", manager.JobTitle);
        Assert.Equal("Yazı İşleri Müdürlüğü", manager.Department);
        Assert.Equal($"/v1.0/users/{Ayse}/manager", Assert.Single(graph.Requests).Path);
    }

    [Fact]
    public async Task GetManagerAsync_ManagerWithoutODataType_ReadsUntypedDirectoryObject()
    {
        using var reader = Reader();

        var manager = await reader.GetManagerAsync(Mehmet);

        Assert.Equal(new DirectoryUser(Ismail, "İsmail Işık", "ismail.isik@belediye.bel.tr", "ismail.isik@belediye.bel.tr", "Bilgi İşlem Müdürlüğü", "Bilgi İşlem Müdürü", null), manager);
    }

    [Fact]
    public async Task GetManagerAsync_UserWithoutManager_ReturnsNull()
    {
        using var reader = Reader();

        Assert.Null(await reader.GetManagerAsync(Ismail));
        Assert.Equal(404, Assert.Single(graph.Requests).Status);
    }

    [Fact]
    public async Task ListGroupMembersAsync_ThreePages_FollowsNextLinkAndReturnsAllUsers()
    {
        using var reader = Reader();

        var members = await reader.ListGroupMembersAsync(ItStaffGroup);

        Assert.Equal(["Emre Kaya", "Zeynep Şahin", "İsmail Işık", "Fatma Çelik", "Deniz Arslan"], members.Select(m => m.DisplayName));
        Assert.Equal(3, graph.Requests.Count);
        Assert.All(graph.Requests, r => Assert.Equal($"/v1.0/groups/{ItStaffGroup}/members", r.Path));
        Assert.Contains("$skiptoken=page2", graph.Requests[1].Query, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=page3", graph.Requests[2].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListGroupMembersAsync_UnknownGroup_ReturnsEmpty()
    {
        using var reader = Reader();

        Assert.Empty(await reader.ListGroupMembersAsync("no-such-group"));
    }

    [Fact]
    public async Task GetUserAsync_ThrottledOnceWithRetryAfter_WaitsAndRetries()
    {
        graph.FailNext($"/v1.0/users/{Ayse}", 429, count: 1, retryAfter: "1");
        using var reader = Reader();
        var clock = Stopwatch.StartNew();

        var user = await reader.GetUserAsync(Ayse);

        Assert.Equal("Ayşe Yılmaz", user?.DisplayName);
        Assert.Equal([429, 200], graph.Requests.Select(r => r.Status));
        var waited = graph.Requests[1].At - graph.Requests[0].At;
        Assert.True(waited >= TimeSpan.FromMilliseconds(950), $"the retry came after {waited.TotalMilliseconds} ms, before Retry-After: 1");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ListGroupMembersAsync_ThrottledOnSecondPage_RetriesThatPage()
    {
        graph.FailNext($"/v1.0/groups/{ItStaffGroup}/members", 429, count: 1, retryAfter: "1", skip: 1);
        using var reader = Reader();

        var members = await reader.ListGroupMembersAsync(ItStaffGroup);

        Assert.Equal(5, members.Count);
        Assert.Equal([200, 429, 200, 200], graph.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task GetManagerAsync_ThrottledForever_ThrowsRetriesExhausted()
    {
        graph.FailNext($"/v1.0/users/{Ayse}/manager", 429, count: 100, retryAfter: "1");
        using var reader = Reader(maxRetries: 2);

        var error = await Assert.ThrowsAsync<GraphRetriesExhaustedException>(() => reader.GetManagerAsync(Ayse));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(2, error.Retries);
        Assert.Contains("429", error.Message, StringComparison.Ordinal);
        Assert.Contains("throttled", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, graph.Requests.Count);
    }

    [Fact]
    public async Task GetUserAsync_RetryAfterBeyondMaxRetryWait_ThrowsRetriesExhaustedWithoutWaiting()
    {
        graph.FailNext($"/v1.0/users/{Ayse}", 429, count: 100, retryAfter: "120");
        using var reader = Reader(maxRetryWait: TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GraphRetriesExhaustedException>(() => reader.GetUserAsync(Ayse));

        Assert.Equal(429, error.StatusCode);
        Assert.Single(graph.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void AddGraphDirectory_WithoutClientId_RegistersNothing()
    {
        var services = new ServiceCollection();

        services.AddGraphDirectory(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:TenantId"] = "t" }).Build());

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IDirectorySource));
    }

    [Fact]
    public async Task AddGraphDirectory_WithClientIdAndLoopbackUrl_ResolvesWorkingReader()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:ClientId"] = "test-client",
            ["Graph:BaseUrl"] = graph.BaseUrl,
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddGraphDirectory(configuration).BuildServiceProvider();

        var user = await provider.GetRequiredService<IDirectorySource>().GetUserAsync(Ayse);

        Assert.Equal("Yazı İşleri Müdürlüğü", user?.Department);
    }

    [Fact]
    public async Task AddGraphDirectory_RemoteUrlWithoutSecret_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:ClientId"] = "client",
            ["Graph:BaseUrl"] = "http://graph.example.org/v1.0",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddGraphDirectory(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("https", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Graph:TenantId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Graph:ClientSecret", StringComparison.Ordinal));
    }

    private GraphDirectoryReader Reader(int maxRetries = 3, TimeSpan? maxRetryWait = null) => new(
        Options.Create(new GraphDirectoryOptions
        {
            ClientId = "test-client",
            BaseUrl = graph.BaseUrl,
            MaxRetries = maxRetries,
            MaxRetryWait = maxRetryWait ?? TimeSpan.FromSeconds(30),
        }),
        NullLogger<GraphDirectoryReader>.Instance);
}

/// <summary>One request the reader made to the local Graph.</summary>
public sealed record GraphRequest(string Path, string Query, string? Authorization, int Status, DateTimeOffset At);

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like Microsoft Graph v1.0 (response shapes as in the Graph docs for
/// GET /users/{id}, /users/{id}/manager and /groups/{id}/members with <c>@odata.nextLink</c>), and can be told to fail.
/// </summary>
public sealed class LocalGraph : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<GraphRequest> requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string? RetryAfter)>> failures = new();
    private readonly ConcurrentDictionary<string, int> passes = new();

    private static readonly Dictionary<string, JsonObject> Users = new()
    {
        ["00000000-0000-0000-0000-000000000020"] = User("00000000-0000-0000-0000-000000000020", "Ayşe Yılmaz", "ayse.yilmaz", "Yazı İşleri Müdürlüğü", "Memur", "tr-TR"),
        ["00000000-0000-0000-0000-000000000023"] = User("00000000-0000-0000-0000-000000000023", "Mehmet Demir", "mehmet.demir", "Yazı İşleri Müdürlüğü", "Yazı İşleri Müdürü", "tr-TR"),
        ["00000000-0000-0000-0000-000000000024"] = User("00000000-0000-0000-0000-000000000024", "İsmail Işık", "ismail.isik", "Bilgi İşlem Müdürlüğü", "Bilgi İşlem Müdürü", null),
    };

    private static readonly Dictionary<string, string> Managers = new()
    {
        ["00000000-0000-0000-0000-000000000020"] = "00000000-0000-0000-0000-000000000023",
        ["00000000-0000-0000-0000-000000000023"] = "00000000-0000-0000-0000-000000000024",
    };

    private static readonly JsonObject[][] MemberPages =
    [
        [Member("21", "Emre Kaya", "emre.kaya"), Member("22", "Zeynep Şahin", "zeynep.sahin")],
        [Member("24", "İsmail Işık", "ismail.isik"), Group("it-yoneticiler", "BT Yöneticileri"), Member("25", "Fatma Çelik", "fatma.celik")],
        [Member("26", "Deniz Arslan", "deniz.arslan")],
    ];

    private LocalGraph(WebApplication app) => this.app = app;

    /// <summary>Graph's root on this server, as <c>Graph:BaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<GraphRequest> Requests => requests.ToArray();

    public static async Task<LocalGraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var graph = new LocalGraph(app);
        app.Run(graph.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        graph.BaseUrl = address.TrimEnd('/') + "/v1.0";
        return graph;
    }

    /// <summary>After <paramref name="skip"/> good answers, the next <paramref name="count"/> requests to <paramref name="path"/> answer <paramref name="status"/>.</summary>
    public void FailNext(string path, int status, int count = 1, string? retryAfter = null, int skip = 0)
    {
        passes[path] = skip;
        var queue = failures.GetOrAdd(path, _ => new());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue((status, retryAfter));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var (status, body) = Answer(context, path);
        requests.Enqueue(new GraphRequest(path, Uri.UnescapeDataString(context.Request.QueryString.Value ?? string.Empty),
            context.Request.Headers.Authorization.FirstOrDefault(), status, DateTimeOffset.UtcNow));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private (int Status, JsonObject Body) Answer(HttpContext context, string path)
    {
        if (failures.TryGetValue(path, out var queue) && !queue.IsEmpty)
        {
            if (passes.GetValueOrDefault(path) > 0)
            {
                passes[path]--;
            }
            else if (queue.TryDequeue(out var failure))
            {
                if (failure.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = failure.RetryAfter;
                }

                var code = failure.Status == 429 ? "TooManyRequests" : "ServiceNotAvailable";
                return (failure.Status, Error(code, "Too many requests. Please retry after the time in the Retry-After header."));
            }
        }

        var root = BaseUrl;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["v1.0", "users", var id] when Users.TryGetValue(id, out var user):
                var found = user.DeepClone().AsObject();
                found.Insert(0, "@odata.context", $"{root}/$metadata#users(id,displayName,mail,userPrincipalName,department,jobTitle,preferredLanguage)/$entity");
                return (200, found);

            case ["v1.0", "users", var id, "manager"] when Managers.TryGetValue(id, out var managerId):
                var manager = Users[managerId].DeepClone().AsObject();
                if (id == "00000000-0000-0000-0000-000000000020")
                {
                    // As Graph answers today: the navigation property is a directoryObject, typed by @odata.type.
                    manager.Insert(0, "@odata.context", $"{root}/$metadata#directoryObjects/$entity");
                    manager.Insert(1, "@odata.type", "#microsoft.graph.user");
                }

                // Otherwise as the "Get manager" docs example shows it: no @odata.type.
                return (200, manager);

            case ["v1.0", "users", var id, "manager"] when Users.ContainsKey(id):
                return (404, Error("Request_ResourceNotFound", $"Resource 'manager' does not exist or one of its queried reference-property objects are not present."));

            case ["v1.0", "groups", "6b1d2b3a-0000-0000-0000-00000000it01", "members"]:
                var token = context.Request.Query["$skiptoken"].FirstOrDefault();
                var index = token switch { "page2" => 1, "page3" => 2, _ => 0 };
                var page = new JsonObject
                {
                    ["@odata.context"] = $"{root}/$metadata#directoryObjects(id,displayName,mail,userPrincipalName,department,jobTitle,preferredLanguage)",
                };
                if (index + 1 < MemberPages.Length)
                {
                    page["@odata.nextLink"] = $"{root}{path["/v1.0".Length..]}?$select=id,displayName&$top=2&$skiptoken=page{index + 2}";
                }

                page["value"] = new JsonArray([.. MemberPages[index].Select(m => m.DeepClone())]);
                return (200, page);

            default:
                return (404, Error("Request_ResourceNotFound", $"Resource '{segments.ElementAtOrDefault(2)}' does not exist or one of its queried reference-property objects are not present."));
        }
    }

    private static JsonObject Error(string code, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject
            {
                ["date"] = "2026-12-03T10:00:00",
                ["request-id"] = "0e4a8d2c-0000-0000-0000-000000000000",
                ["client-request-id"] = "0e4a8d2c-0000-0000-0000-000000000000",
            },
        },
    };

    private static JsonObject User(string id, string name, string alias, string department, string jobTitle, string? language) => new()
    {
        ["id"] = id,
        ["displayName"] = name,
        ["mail"] = $"{alias}@belediye.bel.tr",
        ["userPrincipalName"] = $"{alias}@belediye.bel.tr",
        ["department"] = department,
        ["jobTitle"] = jobTitle,
        ["preferredLanguage"] = language,
    };

    private static JsonObject Member(string suffix, string name, string alias)
    {
        var member = User($"00000000-0000-0000-0000-0000000000{suffix}", name, alias, "Bilgi İşlem Müdürlüğü", "Teknisyen", "tr-TR");
        member.Insert(0, "@odata.type", "#microsoft.graph.user");
        return member;
    }

    private static JsonObject Group(string id, string name) => new()
    {
        ["@odata.type"] = "#microsoft.graph.group",
        ["id"] = id,
        ["displayName"] = name,
        ["mail"] = null,
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
