using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Dialogs;
using HelpdeskBot.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddDialogs();
builder.AddBotHost();

var app = builder.Build();
if (await CommandLine.TryRunAsync(app, args) is { } exitCode)
{
    return exitCode;
}

app.EnsureSafeAuthentication();
await app.Services.InitializeStorageAsync();
app.MapBotEndpoints();
await app.RunAsync();
return 0;

/// <summary>The host; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
