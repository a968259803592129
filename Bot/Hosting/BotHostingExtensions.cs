using System.Net;
using HelpdeskBot.Bot.Jobs;
using HelpdeskBot.Bot.Messaging;
using HelpdeskBot.Bot.Monitoring;
using HelpdeskBot.Bot.Teams;
using HelpdeskBot.Bot.Tickets;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Bot.Hosting;

public static class BotHostingExtensions
{
    /// <summary>The Bot Framework SDK, the Teams handlers, the outbox sender and the health checks.</summary>
    public static WebApplicationBuilder AddBotHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingletonTimeProvider();

        services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            // The SDK reads its settings by these names; we hand it only what BotOptions validated.
            var sdkSettings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = o.IsAuthenticated ? "SingleTenant" : null,
                ["MicrosoftAppId"] = o.AppId,
                ["MicrosoftAppPassword"] = o.AppPassword,
                ["MicrosoftAppTenantId"] = o.TenantId,
            }).Build();
            return new ConfigurationBotFrameworkAuthentication(sdkSettings, logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>());
        });
        services.AddSingleton<HelpdeskAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<HelpdeskAdapter>());
        services.AddScoped<IBot, HelpdeskActivityHandler>();
        services.AddScoped<TeamsIdentity>();
        services.AddScoped<ReplySender>();
        services.AddScoped<ItChannelCommands>();
        services.AddScoped<TicketCardActions>();
        services.AddScoped<Approvals.RequestCardActions>();
        services.AddScoped<Approvals.RequestCardDelivery>();
        services.AddOptions<Approvals.ApprovalOptions>().BindConfiguration(Approvals.ApprovalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<Approvals.ApprovalOptions>>().Value;
            return new Domain.Approvals.ApprovalTiming(TimeSpan.FromHours(o.RemindAfterWorkingHours), TimeSpan.FromHours(o.EscalateAfterWorkingHours));
        });

        services.AddSingleton<IProactiveSender, ProactiveSender>();
        services.AddScoped<OutboxDelivery>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.AddOptions<MonitoringScheduleOptions>().BindConfiguration(MonitoringScheduleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OccurrenceGate>();
        services.AddScoped<MonitoringIncidents>();
        services.AddScoped<MonitoringRuns>();
        services.AddScoped<InventoryChatImport>();
        services.AddJobs();
        services.AddHealthChecks().AddDbContextCheck<HelpdeskDbContext>("database");
        return builder;
    }

    /// <summary>
    /// Refuses to start with half-configured credentials, or unauthenticated outside Development or off loopback;
    /// warns loudly when running unauthenticated.
    /// </summary>
    public static void EnsureSafeAuthentication(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;
        var urls = (app.Configuration["urls"] ?? app.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var problem = options.Validate(app.Environment.IsDevelopment(), urls);
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        if (!options.IsAuthenticated)
        {
            app.Logger.AuthenticationOff(string.Join(", ", urls));
            // Belt and braces: without credentials, only this machine may talk to the bot.
            app.Use(async (context, next) =>
            {
                if (context.Connection.RemoteIpAddress is { } ip && !IPAddress.IsLoopback(ip))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                await next();
            });
        }
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.Services.UseJobs();
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken ct) =>
            adapter.ProcessAsync(request, response, bot, ct));
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz");
        app.MapGet("/", () => Results.Text("HelpdeskBot: POST /api/messages (Teams), GET /healthz, GET /readyz"));
        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
