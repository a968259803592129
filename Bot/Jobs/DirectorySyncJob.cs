using Coravel.Invocable;
using HelpdeskBot.Bot.Monitoring;
using HelpdeskBot.Domain.Scheduling;
using HelpdeskBot.Infrastructure.GraphDirectory;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Bot.Jobs;

/// <summary>
/// The daily Microsoft Graph directory sync (<c>Schedules__DirectorySyncAt</c>, default 06:00 Istanbul). Ticks every
/// minute like the monitoring jobs: the occurrence gate runs each day's sync once across hosts, and a missed one once
/// after downtime. Does nothing when Graph is not configured (<see cref="GraphDirectorySync"/> is then not registered)
/// or when <c>Schedules__Enabled</c> is false.
/// </summary>
public sealed class DirectorySyncJob(OccurrenceGate gate, IOptions<MonitoringScheduleOptions> options, GraphDirectorySync? sync = null)
    : IInvocable, ICancellableInvocable
{
    public const string Name = "directory-sync";

    public CancellationToken CancellationToken { get; set; }

    /// <summary>True when Graph is configured and schedules are on.</summary>
    public bool IsActive => sync is not null && options.Value.Enabled;

    public async Task Invoke()
    {
        if (!IsActive)
        {
            return;
        }

        await gate.RunIfDueAsync(Name, Recurrence.DailyAt(options.Value.DirectorySyncAt), (_, ct) => sync!.SyncAllAsync(ct), CancellationToken);
    }
}
