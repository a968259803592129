using HelpdeskBot.Dialogs.Tickets;
using HelpdeskBot.Domain.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>The conversations and the ticket use cases they drive.</summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        services.AddScoped<ConversationRouter>();
        services.AddScoped<Monitoring.MonitoringCommands>();
        services.AddScoped<FaultReportDialog>();
        services.AddScoped<TicketViewFactory>();
        services.AddScoped<FileTicket>();
        services.AddScoped<TicketWorkflow>();
        services.AddScoped<ClaimTicket>();
        services.AddScoped<PutTicketOnHold>();
        services.AddScoped<ResumeTicket>();
        services.AddScoped<HandOverTicket>();
        services.AddScoped<ResolveTicket>();
        services.AddScoped<ConfirmResolution>();
        services.AddScoped<RateTicket>();
        services.AddScoped<ReopenTicket>();
        services.AddScoped<CancelTicket>();
        services.AddScoped<AddTicketNote>();
        services.AddScoped<RecordSelfResolution>();
        return services;
    }
}
