using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Monitoring;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Monitoring;

namespace HelpdeskBot.Dialogs.Monitoring;

/// <summary>
/// What IT staff ask about the watched systems, in the personal chat or the IT channel: "yedek durumu",
/// "kamera durumu", "e-belediye durumu", and "izlemeyi durdur / başlat &lt;ad&gt;" for a decommissioned or repaired target.
/// </summary>
public sealed class MonitoringCommands(GetMonitoringStatus status, SetMonitoredTargetEnabled setEnabled)
{
    private static readonly (MonitoringArea Area, string[] Phrases)[] StatusPhrases =
    [
        (MonitoringArea.Backups, ["yedek durumu", "yedekler", "yedekleme durumu", "backup status", "backups"]),
        (MonitoringArea.Cameras, ["kamera durumu", "kameralar", "camera status", "cameras"]),
        (MonitoringArea.EBelediye, ["e-belediye durumu", "ebelediye durumu", "e belediye durumu", "servis durumu", "service status", "e-municipality status"]),
    ];

    private static readonly string[] StopPrefixes = ["izlemeyi durdur", "stop watching"];
    private static readonly string[] StartPrefixes = ["izlemeyi başlat", "izlemeyi baslat", "start watching"];

    /// <summary>The answer, or null when the message is not a monitoring command.</summary>
    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(UserTurn turn, CancellationToken ct = default)
    {
        var c = turn.Culture;
        var text = turn.Text?.Trim() ?? string.Empty;
        var area = StatusPhrases.Where(p => TurkishText.IsExactly(text, p.Phrases)).Select(p => (MonitoringArea?)p.Area).FirstOrDefault();
        var (enable, name) = Switch(text);
        if (area is null && name is null)
        {
            return null;
        }

        if (!turn.User.IsItStaff)
        {
            return [new TextReply(Text.Get("Command_NotItStaff", c))];
        }

        if (area is { } a)
        {
            return [new CardReply(MonitoringCards.Status(await status.ExecuteAsync(a, ct), c))];
        }

        foreach (var candidate in Enum.GetValues<MonitoringArea>())
        {
            var outcome = await setEnabled.ExecuteAsync(candidate, name!, enable, ct);
            if (outcome != InventorySwitchOutcome.NotFound)
            {
                var key = outcome == InventorySwitchOutcome.Unchanged ? "Mon_SwitchUnchanged" : enable ? "Mon_Started" : "Mon_Stopped";
                return [new TextReply(Text.Format(key, c, Text.Literal(name), Text.Get($"Mon_Area_{candidate}", c)))];
            }
        }

        return [new TextReply(Text.Format("Mon_TargetNotFound", c, Text.Literal(name)))];
    }

    /// <summary>"izlemeyi durdur Kamera 3" → (false, "Kamera 3"): the prefix matched Turkish-aware, the name kept as typed.</summary>
    private static (bool Enable, string? Name) Switch(string text)
    {
        foreach (var (prefixes, enable) in new[] { (StopPrefixes, false), (StartPrefixes, true) })
        {
            foreach (var prefix in prefixes)
            {
                var words = prefix.Split(' ').Length;
                var parts = text.Split(' ', words + 1, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == words + 1 && TurkishText.IsExactly(string.Join(' ', parts[..words]), prefix))
                {
                    return (enable, parts[words].Trim());
                }
            }
        }

        return (false, null);
    }
}
