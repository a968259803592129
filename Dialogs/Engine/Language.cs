using System.Globalization;
using HelpdeskBot.Cards.Common;

namespace HelpdeskBot.Dialogs.Engine;

/// <summary>
/// Which language to answer in: the language the person writes in, when the message shows it; otherwise the one they
/// last wrote in (kept on the person); otherwise the client's locale. Teams clients (and the Agents Playground) often
/// report en-US for people who write Turkish, so the message itself is the better witness.
/// </summary>
public static class Language
{
    private static readonly HashSet<string> TurkishWords = new(StringComparer.Ordinal)
    {
        "ve", "bir", "bu", "yok", "var", "icin", "ile", "cok", "lazim", "sorun", "ariza", "yardim", "iptal", "geri", "taleplerim",
        "merhaba", "selam", "kagit", "sikistiriyor", "sikisiyor", "hata", "veriyor", "vermiyor", "gitmiyor", "internet", "sifre", "lutfen", "acil", "yazici", "yazicim", "bilgisayar", "bilgisayarim", "calismiyor", "acilmiyor", "olmuyor", "gonder", "tamam",
        "evet", "hayir", "talep", "bildir", "kanali", "yap", "atla", "sonraki", "duzelt", "gunaydin", "tesekkurler",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "the", "my", "is", "isn", "not", "doesn", "don", "can", "please", "help", "request", "requests", "cancel", "back", "hello", "hi",
        "report", "printer", "computer", "working", "paper", "jam", "jams", "jamming", "broken", "send", "yes", "no", "skip", "next",
        "thanks", "it", "channel", "set", "a", "an", "of", "and", "with", "won", "t",
    };

    public static CultureInfo Choose(string? text, string? storedLocale, string? activityLocale) =>
        Detect(text) ?? Text.CultureFor(storedLocale ?? activityLocale);

    /// <summary>
    /// Turkish or English when the text clearly says so: words typical of one language and none of the other
    /// (Turkish letters count towards Turkish only beside such a word, since names of units and places carry them
    /// in any language). Otherwise null: a typed unit, place or device name does not change the language.
    /// </summary>
    public static CultureInfo? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = TurkishText.Words(text);
        var tr = words.Count(TurkishWords.Contains);
        var en = words.Count(EnglishWords.Contains);
        if (tr > 0 && text.AsSpan().IndexOfAny("çğıöşüÇĞİÖŞÜ") >= 0)
        {
            tr++;
        }

        return tr >= 2 && en == 0 ? Text.Turkish
            : en >= 2 && tr == 0 ? Text.English
            : tr - en >= 2 ? Text.Turkish
            : en - tr >= 2 ? Text.English
            : null;
    }
}
