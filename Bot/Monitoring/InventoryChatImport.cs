using System.Globalization;
using System.Text;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure.Monitoring;

namespace HelpdeskBot.Bot.Monitoring;

/// <summary>
/// Adds or updates watched targets from chat, for IT staff: "izleme ekle kameralar" on the first line, then CSV lines
/// with a header, exactly as in an inventory file. The same importer as the command line: bad rows are reported by
/// line and the good ones kept.
/// </summary>
public sealed class InventoryChatImport(InventoryCsvImporter importer)
{
    private static readonly string[] Prefixes = ["izleme ekle", "watch add"];

    public async Task<string?> TryHandleAsync(string? text, Person person, CultureInfo c, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var prefix = Prefixes.FirstOrDefault(p => TurkishText.Fold(lines[0]).StartsWith(TurkishText.Fold(p) + " ", StringComparison.Ordinal)
            || string.Equals(TurkishText.Fold(lines[0]), TurkishText.Fold(p), StringComparison.Ordinal));
        if (prefix is null)
        {
            return null;
        }

        if (!person.IsItStaff)
        {
            return Text.Get("Command_NotItStaff", c);
        }

        var area = Area(TurkishText.Fold(lines[0])[TurkishText.Fold(prefix).Length..].Trim());
        var csv = string.Join('\n', lines.Skip(1)).Trim();
        if (area is null || csv.Length == 0)
        {
            return Text.Get("Mon_AddHelp", c);
        }

        var report = await importer.ImportAsync(area.Value, new MemoryStream(Encoding.UTF8.GetBytes(csv)), ct);
        var errors = string.Join("\n", report.Errors.Take(10).Select(e => Text.Format("Mon_AddRowError", c, e.Line, Text.Literal(e.Message))));
        return Text.Format("Mon_AddResult", c, Text.Get($"Mon_Area_{area}", c), report.Added, report.Updated, report.Errors.Count)
            + (errors.Length > 0 ? "\n\n" + errors : string.Empty);
    }

    private static MonitoringArea? Area(string folded) => folded switch
    {
        "yedek" or "yedekler" or "yedekleme" or "backups" or "backup" => MonitoringArea.Backups,
        "kamera" or "kameralar" or "cameras" or "camera" => MonitoringArea.Cameras,
        "ebelediye" or "e belediye" or "servis" or "servisler" or "services" => MonitoringArea.EBelediye,
        _ => null,
    };
}
