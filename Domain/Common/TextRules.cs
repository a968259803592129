namespace HelpdeskBot.Domain.Common;

public static class TextRules
{
    public const int MaxDescription = 4000;
    public const int MaxShortText = 500;

    /// <summary>Trims, normalises line endings, and refuses empty or oversized text.</summary>
    public static string Require(string? text, int max)
    {
        var t = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
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
