using System.Globalization;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Domain.Tickets;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Bot.Monitoring;

/// <summary>
/// Turns announced monitoring changes into IT tasks: a target that went down gets one ticket (not one per run: an open
/// ticket of the same source is reused), and its recovery is noted on that ticket for a technician to close.
/// </summary>
public sealed class MonitoringIncidents(
    ITicketRepository tickets,
    IDirectory directory,
    FileTicket fileTicket,
    AddTicketNote addNote,
    IOptions<BotOptions> botOptions)
{
    public async Task<IReadOnlyList<(MonitorStateChange Change, string? TicketNumber)>> TrackAsync(IReadOnlyList<MonitorStateChange> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return [];
        }

        var system = await directory.FindByAadIdAsync(SystemAccounts.MonitoringAadObjectId, ct)
            ?? throw new InvalidOperationException("The monitoring system account is missing from the directory (seed it).");
        var c = Text.CultureFor(botOptions.Value.ChannelLocale);
        var result = new List<(MonitorStateChange, string?)>();
        foreach (var change in changes)
        {
            var key = SourceKey(change);
            var open = await tickets.FindOpenBySourceAsync(key, ct);
            if (change.Kind == StateChangeKind.WentDown)
            {
                open ??= await fileTicket.ExecuteAsync(new FileTicketCommand(system, Topic(change.Area), change.UnitId, null, change.TargetName, null,
                    Text.Format("Mon_TicketDescription", c, change.TargetName, Problems(change, c), change.Detail), Urgency.High, [], key), ct);
                result.Add((change, open.Number));
            }
            else if (open is not null)
            {
                var since = Istanbul.ToLocal(change.Since).ToString("g", c);
                await addNote.ExecuteAsync(open.Id, system, Text.Format("Mon_TicketRecoveryNote", c, change.TargetName, since), ct);
                result.Add((change, open.Number));
            }
            else
            {
                result.Add((change, null));
            }
        }

        return result;
    }

    public static string SourceKey(MonitorStateChange change) =>
        string.Create(CultureInfo.InvariantCulture, $"monitor:{change.Area}:{change.TargetId}");

    private static TicketTopic Topic(MonitoringArea area) => area switch
    {
        MonitoringArea.Cameras => TicketTopic.Camera,
        MonitoringArea.EBelediye => TicketTopic.EBelediye,
        _ => TicketTopic.Backup,
    };

    private static string Problems(MonitorStateChange change, CultureInfo c) =>
        string.Join(", ", change.Problems.Distinct().Select(p => Text.Get($"Mon_Problem_{p}", c)));
}
