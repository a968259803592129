using System.Net;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Tests.Support;

namespace HelpdeskBot.Tests.Host;

public sealed class AuthenticationTests
{
    [Theory]
    [InlineData("id", "secret", "tenant", false, "https://0.0.0.0:443", true)]
    [InlineData(null, null, null, true, "http://localhost:3978", true)]
    [InlineData(null, null, null, true, "http://127.0.0.1:3978;http://[::1]:3978", true)]
    [InlineData(null, null, null, false, "http://localhost:3978", false)]
    [InlineData(null, null, null, true, "http://0.0.0.0:3978", false)]
    [InlineData(null, null, null, true, "http://*:3978", false)]
    [InlineData("id", null, null, true, "http://localhost:3978", false)]
    [InlineData("id", "secret", null, true, "http://localhost:3978", false)]
    [InlineData(null, "secret", "tenant", true, "http://localhost:3978", false)]
    public void Validate_Combinations_AllowOnlySafeOnes(string? appId, string? password, string? tenant, bool development, string urls, bool allowed)
    {
        var options = new BotOptions { AppId = appId, AppPassword = password, TenantId = tenant };
        var problem = options.Validate(development, urls.Split(';'));
        Assert.Equal(allowed, problem is null);
    }

    [Fact]
    public async Task Host_HalfConfiguredCredentials_RefusesToStartWithReason()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:AppId"] = "11111111-2222-3333-4444-555555555555" }));
        Assert.Contains("half configured", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_WithCredentials_RejectsUnauthenticatedActivity()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "11111111-2222-3333-4444-555555555555",
            ["Bot:AppPassword"] = "not-a-real-secret",
            ["Bot:TenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        });

        var response = await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, Teams.Ayse, "merhaba"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
        await host.Connector.DisposeAsync();
    }
}
