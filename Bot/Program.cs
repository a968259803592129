using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Dialogs;
using HelpdeskBot.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddDialogs();
builder.AddBotHost();

var app = builder.Build();
app.EnsureSafeAuthentication();
await app.Services.InitializeStorageAsync();
app.MapBotEndpoints();
app.Run();

/// <summary>The host; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
