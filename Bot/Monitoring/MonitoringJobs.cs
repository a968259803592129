using Coravel.Invocable;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Bot.Jobs;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Model;
using HelpdeskBot.Cards.Monitoring;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Domain.Scheduling;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Bot.Monitoring;

/// <summary>
/// Runs every minute (Coravel, no overlap) and starts each monitoring job whose occurrence is due. The occurrence gate
/// makes each occurrence run once across hosts, and the latest missed one run once after downtime.
/// </summary>
public sealed class MonitoringTicker(OccurrenceGate gate, MonitoringRuns runs, IOptions<MonitoringScheduleOptions> options) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        var ct = CancellationToken;
        await gate.RunIfDueAsync("backup-check", Recurrence.DailyAt(o.BackupCheckAt), (_, c) => runs.CheckAsync(MonitoringArea.Backups, c), ct);
        await gate.RunIfDueAsync("camera-sweep", Recurrence.Every(o.CameraSweepEvery), (_, c) => runs.CheckAsync(MonitoringArea.Cameras, c), ct);
        await gate.RunIfDueAsync("ebelediye-check", Recurrence.Every(o.ServiceCheckEvery), (_, c) => runs.CheckAsync(MonitoringArea.EBelediye, c), ct);
        await gate.RunIfDueAsync("backup-card", Recurrence.DailyAt(o.BackupCardAt), (_, c) => runs.PostDailyCardAsync(MonitoringArea.Backups, c), ct);
        await gate.RunIfDueAsync("camera-card", Recurrence.DailyAt(o.CameraCardAt), (_, c) => runs.PostDailyCardAsync(MonitoringArea.Cameras, c), ct);
        await gate.RunIfDueAsync("ebelediye-card", Recurrence.DailyAt(o.ServiceCardAt), (_, c) => runs.PostDailyCardAsync(MonitoringArea.EBelediye, c), ct);
    }
}

/// <summary>
/// One check of an area, and what follows from it: each announced change goes to the IT channel at once, and a target
/// that went down gets one ticket (a recovery is noted on it). Everything leaves through the outbox.
/// </summary>
public sealed class MonitoringRuns(
    RunBackupChecks backups,
    RunCameraSweep cameras,
    RunServiceChecks services,
    GetMonitoringStatus status,
    MonitoringIncidents incidents,
    IOutbox outbox,
    IUnitOfWork uow,
    IOptions<BotOptions> botOptions,
    TimeProvider clock)
{
    public async Task<CheckRunSummary> CheckAsync(MonitoringArea area, CancellationToken ct)
    {
        var summary = area switch
        {
            MonitoringArea.Backups => await backups.ExecuteAsync(ct),
            MonitoringArea.Cameras => await cameras.ExecuteAsync(ct),
            _ => await services.ExecuteAsync(ct),
        };
        var culture = Text.CultureFor(botOptions.Value.ChannelLocale);
        foreach (var (change, ticketNumber) in await incidents.TrackAsync(summary.Changes, ct))
        {
            outbox.Enqueue(new OutboxMessage(OutboxKind.ChannelCard, null, null, CardJson.Serialize(MonitoringCards.StateChange(change, ticketNumber, culture)), clock.GetUtcNow()));
        }

        await uow.SaveChangesAsync(ct);
        return summary;
    }

    public async Task PostDailyCardAsync(MonitoringArea area, CancellationToken ct)
    {
        var report = await status.ExecuteAsync(area, ct);
        var card = MonitoringCards.DailyStatus(report, Text.CultureFor(botOptions.Value.ChannelLocale));
        outbox.Enqueue(new OutboxMessage(OutboxKind.ChannelCard, null, null, CardJson.Serialize(card), clock.GetUtcNow()));
        await uow.SaveChangesAsync(ct);
    }
}
