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
        "merhaba", "selam", "yazici", "yazicim", "bilgisayar", "bilgisayarim", "calismiyor", "acilmiyor", "olmuyor", "gonder", "tamam",
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

    /// <summary>Turkish or English if the text says so (Turkish letters, or more words of one language than the other); else null.</summary>
    public static CultureInfo? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.AsSpan().IndexOfAny("çğıöşüÇĞİÖŞÜ") >= 0)
        {
            return Text.Turkish;
        }

        var words = TurkishText.Words(text);
        var tr = words.Count(TurkishWords.Contains);
        var en = words.Count(EnglishWords.Contains);
        return tr > en ? Text.Turkish : en > tr ? Text.English : null;
    }
}
