using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Dialogs.Tickets;

/// <summary>Recognizes the topic of a fault from what the user wrote, in Turkish or English, folded (see <see cref="TurkishText"/>).</summary>
public static class TopicRecognizer
{
    // Word prefixes, folded: "yazici" matches "yazıcım", "yazıcıdan"; "kagit sikis" matches "kağıt sıkıştırıyor".
    private static readonly (TicketTopic Topic, string[] Prefixes)[] Keywords =
    [
        (TicketTopic.Printer, ["yazici", "printer", "toner", "kartus", "cartridge", "kagit sikis", "paper jam", "baski", "cikti", "fotokopi", "tarayici", "scanner"]),
        (TicketTopic.Ebys, ["ebys", "evrak", "belgenet", "e imza", "eimza"]),
        (TicketTopic.EBelediye, ["e belediye", "ebelediye", "online odeme", "e-municipality"]),
        (TicketTopic.Email, ["e posta", "eposta", "mail", "outlook", "email"]),
        (TicketTopic.Network, ["internet", "ag$", "network", "wifi", "wi fi", "kablosuz", "baglanti", "vpn", "ethernet"]),
        (TicketTopic.Camera, ["kamera", "camera", "nvr", "cctv"]),
        (TicketTopic.Phone, ["telefon", "phone", "dahili", "santral"]),
        (TicketTopic.Software, ["program", "yazilim", "software", "office", "excel", "word", "lisans", "license", "uygulama", "application"]),
        (TicketTopic.Computer, ["bilgisayar", "pc", "laptop", "computer", "ekran", "monitor", "klavye", "keyboard", "fare", "mouse", "kasa", "acilmiyor"]),
    ];

    public static TicketTopic? Recognize(string? text)
    {
        var folded = " " + TurkishText.Fold(text) + " ";
        if (folded.Length <= 2)
        {
            return null;
        }

        foreach (var (topic, prefixes) in Keywords)
        {
            // A keyword matches at the start of a word; one ending in '$' only as a whole word.
            if (prefixes.Any(p => folded.Contains(
                p.EndsWith('$') ? " " + TurkishText.Fold(p) + " " : " " + TurkishText.Fold(p), StringComparison.Ordinal)))
            {
                return topic;
            }
        }

        return null;
    }
}
