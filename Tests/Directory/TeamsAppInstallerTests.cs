using System.Text.Json.Nodes;
using HelpdeskBot.Infrastructure.GraphDirectory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Tests.GraphDirectory;

/// <summary><see cref="GraphPersonalChatInstaller"/> with the real Graph SDK client against <see cref="LocalGraph"/>, and how it is registered.</summary>
public sealed class TeamsAppInstallerTests : IAsyncLifetime
{
    private const string Ayse = "00000000-0000-0000-0000-000000000020";
    private const string CatalogId = "b1c5353a-7aca-41b3-830f-27d5218fe0e5";

    private LocalGraph graph = null!;

    public async Task InitializeAsync() => graph = await LocalGraph.StartAsync();

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task InstallForAsync_PostsTheCatalogBindingToTheUsersInstalledApps()
    {
        using var reader = Reader(out var installer);

        Assert.True(await installer.InstallForAsync(Ayse, CancellationToken.None));

        var request = Assert.Single(graph.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v1.0/users/{Ayse}/teamwork/installedApps", request.Path);
        Assert.Equal(201, request.Status);
        Assert.Equal("application/json", request.ContentType);
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        Assert.Equal(["teamsApp@odata.bind"], body.Select(p => p.Key));
        Assert.Equal($"{graph.BaseUrl}/appCatalogs/teamsApps/{CatalogId}", body["teamsApp@odata.bind"]!.GetValue<string>());
    }

    [Fact]
    public async Task InstallForAsync_AlreadyInstalled409_CountsAsInstalled()
    {
        using var reader = Reader(out var installer);
        await installer.InstallForAsync(Ayse, CancellationToken.None);

        Assert.True(await installer.InstallForAsync(Ayse, CancellationToken.None));

        Assert.Equal([201, 409], graph.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task InstallForAsync_Forbidden403_ReturnsFalse()
    {
        graph.FailNext($"/v1.0/users/{Ayse}/teamwork/installedApps", 403);
        using var reader = Reader(out var installer);

        Assert.False(await installer.InstallForAsync(Ayse, CancellationToken.None));

        Assert.Equal(403, Assert.Single(graph.Requests).Status);
    }

    [Fact]
    public async Task InstallForAsync_UnknownUser404_ReturnsFalse()
    {
        using var reader = Reader(out var installer);

        Assert.False(await installer.InstallForAsync("11111111-2222-3333-4444-555555555555", CancellationToken.None));

        Assert.Equal(404, Assert.Single(graph.Requests).Status);
    }

    [Fact]
    public async Task InstallForAsync_ThrottledPastRetries_ThrowsRetriesExhausted()
    {
        graph.FailNext($"/v1.0/users/{Ayse}/teamwork/installedApps", 429, count: 100, retryAfter: "1");
        using var reader = Reader(out var installer, maxRetries: 1);

        var error = await Assert.ThrowsAsync<GraphRetriesExhaustedException>(() => installer.InstallForAsync(Ayse, CancellationToken.None));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(2, graph.Requests.Count);
    }

    [Fact]
    public void TeamsAppBinding_DefaultGraph_IsTheDocumentedCatalogAddress() =>
        Assert.Equal($"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{CatalogId}",
            GraphPersonalChatInstaller.TeamsAppBinding(new GraphDirectoryOptions { TeamsAppCatalogId = CatalogId }));

    [Fact]
    public async Task AddGraphDirectory_WithoutClientId_RegistersNoOpInstallerAndRefresher()
    {
        await using var provider = Provider(new() { ["Graph:TeamsAppCatalogId"] = CatalogId });

        Assert.IsType<NoPersonalChatInstaller>(provider.GetRequiredService<IPersonalChatInstaller>());
        Assert.False(await provider.GetRequiredService<IPersonalChatInstaller>().InstallForAsync(Ayse, CancellationToken.None));
        Assert.IsType<NoDirectoryRefresher>(provider.GetRequiredService<IDirectoryRefresher>());
        Assert.Empty(graph.Requests);
    }

    [Fact]
    public async Task AddGraphDirectory_ClientIdWithoutCatalogId_KeepsNoOpInstaller()
    {
        await using var provider = Provider(new() { ["Graph:ClientId"] = "test-client", ["Graph:BaseUrl"] = graph.BaseUrl });

        Assert.IsType<NoPersonalChatInstaller>(provider.GetRequiredService<IPersonalChatInstaller>());
        Assert.IsType<GraphDirectoryRefresher>(provider.GetRequiredService<IDirectoryRefresher>());
    }

    [Fact]
    public async Task AddGraphDirectory_ClientIdAndCatalogId_InstallsThroughGraph()
    {
        await using var provider = Provider(new()
        {
            ["Graph:ClientId"] = "test-client",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:TeamsAppCatalogId"] = CatalogId,
        });

        Assert.True(await provider.GetRequiredService<IPersonalChatInstaller>().InstallForAsync(Ayse, CancellationToken.None));

        Assert.Equal($"/v1.0/users/{Ayse}/teamwork/installedApps", Assert.Single(graph.Requests).Path);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddGraphDirectory(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    private GraphDirectoryReader Reader(out GraphPersonalChatInstaller installer, int maxRetries = 3)
    {
        var options = Options.Create(new GraphDirectoryOptions
        {
            ClientId = "test-client",
            BaseUrl = graph.BaseUrl,
            TeamsAppCatalogId = CatalogId,
            MaxRetries = maxRetries,
            MaxRetryWait = TimeSpan.FromSeconds(10),
        });
        var reader = new GraphDirectoryReader(options, NullLogger<GraphDirectoryReader>.Instance);
        installer = new GraphPersonalChatInstaller(reader, options, NullLogger<GraphPersonalChatInstaller>.Instance);
        return reader;
    }
}
