using Coravel;
using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Bot.Jobs;

/// <summary>Every schedule in one place, in Europe/Istanbul time.</summary>
public static class JobSchedule
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddScheduler();
        services.AddTransient<PurgeProcessedActivities>();
        services.AddTransient<Monitoring.MonitoringTicker>();
        services.AddTransient<DirectorySyncJob>();
        services.AddTransient<Approvals.ApprovalReminderJob>();
        return services;
    }

    public static void UseJobs(this IServiceProvider services) =>
        services.UseScheduler(scheduler =>
        {
            scheduler.Schedule<PurgeProcessedActivities>().DailyAt(3, 15).Zoned(Istanbul.Zone).PreventOverlapping(nameof(PurgeProcessedActivities));
            // The monitoring jobs' own times are in MonitoringScheduleOptions; the ticker starts whichever is due.
            scheduler.Schedule<Monitoring.MonitoringTicker>().EveryMinute().PreventOverlapping(nameof(Monitoring.MonitoringTicker));
            // Schedules:DirectorySyncAt (06:00); a no-op unless Microsoft Graph is configured.
            scheduler.Schedule<DirectorySyncJob>().EveryMinute().PreventOverlapping(nameof(DirectorySyncJob));
            // Approvals:CheckEvery (15 min): reminders after Approvals:RemindAfterWorkingHours, escalation after EscalateAfterWorkingHours.
            scheduler.Schedule<Approvals.ApprovalReminderJob>().EveryMinute().PreventOverlapping(nameof(Approvals.ApprovalReminderJob));
        });
}
