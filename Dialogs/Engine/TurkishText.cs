using System.Globalization;
using System.Text;

namespace HelpdeskBot.Dialogs.Engine;

/// <summary>
/// Matching text as Turkish users expect: "IPTAL", "İptal", "ıptal" and "iptal" are the same word, and so are
/// "yazıcı" and "yazici". Folding lower-cases with the Turkish culture, then maps the Turkish letters to ASCII.
/// </summary>
public static class TurkishText
{
    private static readonly CultureInfo Tr = CultureInfo.GetCultureInfo("tr-TR");

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var lower = text.ToLower(Tr);
        var sb = new StringBuilder(lower.Length);
        var lastWasSpace = true;
        foreach (var ch in lower.Normalize(NormalizationForm.FormD))
        {
            var mapped = ch switch
            {
                'ı' => 'i',
                'ş' => 's',
                'ğ' => 'g',
                'ç' => 'c',
                'ö' => 'o',
                'ü' => 'u',
                _ => ch,
            };
            if (CharUnicodeInfo.GetUnicodeCategory(mapped) == UnicodeCategory.NonSpacingMark)
            {
                continue; // the dot of İ (i + U+0307) and the marks of ş, ç, ö, ü once decomposed
            }

            if (char.IsLetterOrDigit(mapped))
            {
                sb.Append(mapped);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                sb.Append(' ');
                lastWasSpace = true;
            }
        }

        return sb.ToString().TrimEnd();
    }

    public static string[] Words(string? text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when the whole message, folded, is one of the phrases (so "iptal" cancels, "Yazıcı iptal oldu" does not).</summary>
    public static bool IsExactly(string? text, params string[] phrases)
    {
        var folded = Fold(text);
        return folded.Length > 0 && phrases.Any(p => string.Equals(Fold(p), folded, StringComparison.Ordinal));
    }
}
