using HelpdeskBot.Dialogs.Approvals;
using HelpdeskBot.Dialogs.Tickets;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddScoped<RequestDialog>();
        services.AddScoped<RequestCommands>();
        services.AddScoped<RequestViewFactory>();
        services.AddScoped<ApproverResolver>();
        services.AddScoped<SubmitRequest>();
        services.AddScoped<DirectPurchasePolicy>();
        services.AddScoped<ApprovalWorkflow>();
        services.AddScoped<AssessChangeRequest>();
        services.AddScoped<DecideApproval>();
        services.AddScoped<WithdrawRequest>();
        services.AddScoped<AdvanceExpenditure>();
        services.AddScoped<DeliverChangeRequest>();
        services.AddScoped<RemindWaitingApprovers>();
        services.TryAddSingleton(Domain.Calendar.WorkingCalendar.Default);
        services.TryAddSingleton(new ApprovalTiming(TimeSpan.FromHours(8), TimeSpan.FromHours(16)));
        return services;
    }
}
