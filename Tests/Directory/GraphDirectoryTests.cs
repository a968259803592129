using System.Diagnostics;
using HelpdeskBot.Infrastructure.GraphDirectory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
