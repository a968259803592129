namespace HelpdeskBot.Domain.Common;

public static class TextRules
{
    public const int MaxDescription = 4000;
    public const int MaxShortText = 500;

    /// <summary>
    /// Normalises line endings and drops control characters (NUL, BEL…) and the bidirectional overrides that can make
    /// text display as something else; tabs and line breaks stay.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            var bidiControl = ch is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
            if ((char.IsControl(ch) && ch is not ('\n' or '\t')) || bidiControl)
            {
                continue;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>Cleans (see <see cref="Clean"/>), trims, and refuses empty or oversized text.</summary>
    public static string Require(string? text, int max)
    {
        var t = Clean(text).Trim();
        if (t.Length == 0)
        {
            throw new DomainException(DomainError.TextEmpty);
        }

        if (t.Length > max)
        {
            throw new DomainException(DomainError.TextTooLong, max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return t;
    }
}
