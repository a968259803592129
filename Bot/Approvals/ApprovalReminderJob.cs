using System.ComponentModel.DataAnnotations;
using Coravel.Invocable;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Bot.Jobs;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Scheduling;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Bot.Approvals;

/// <summary>Section <c>Approvals</c>: when waiting approvals are reminded and escalated, in working hours.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";

    public bool RemindersEnabled { get; set; } = true;

    /// <summary>Working hours (08:30–17:30 on working days) a step may wait before its approver is reminded.</summary>
    [Range(1, 200)]
    public double RemindAfterWorkingHours { get; set; } = 8;

    /// <summary>Working hours a step may wait before it is escalated to the approver's manager.</summary>
    [Range(1, 400)]
    public double EscalateAfterWorkingHours { get; set; } = 16;

    /// <summary>How often waiting approvals are looked at.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Coravel ticks every minute; the occurrence gate runs the reminder pass once per <see cref="ApprovalOptions.CheckEvery"/> across hosts.</summary>
public sealed class ApprovalReminderJob(OccurrenceGate gate, RemindWaitingApprovers remind, IOptions<ApprovalOptions> options, ILogger<ApprovalReminderJob> logger)
    : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        if (!options.Value.RemindersEnabled)
        {
            return;
        }

        await gate.RunIfDueAsync("approval-reminders", Recurrence.Every(options.Value.CheckEvery), async (_, ct) =>
        {
            var (reminded, escalated) = await remind.ExecuteAsync(ct);
            logger.ApprovalReminders(reminded, escalated);
        }, CancellationToken);
    }
}
