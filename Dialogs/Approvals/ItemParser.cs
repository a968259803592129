using System.Globalization;
using System.Text.RegularExpressions;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Money;

namespace HelpdeskBot.Dialogs.Approvals;

/// <summary>
/// Reads the items a person types, one per line: "2 monitör", "2 adet monitör", "monitör x2", and with prices
/// "10 toner CF259A 1.250,50" or "10 adet toner × 1.250,50 TL". A line that cannot be read is named by its number.
/// </summary>
public static partial class ItemParser
{
    public const int MaxLines = 20;

    private static readonly string[] Currency = ["tl", "try", "₺"];
    private static readonly string[] PriceMarks = ["x", "×", "@", "=", ":", "-", "—"];

    public sealed record Result(IReadOnlyList<RequestLine> Lines, int? BadLine);

    public static Result Parse(string text, bool withPrices)
    {
        var raw = text.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var lines = new List<RequestLine>();
        for (var i = 0; i < raw.Count; i++)
        {
            var line = ParseLine(raw[i].TrimStart('-', '*', '•', ' '), withPrices);
            if (line is null)
            {
                return new Result(lines, i + 1);
            }

            lines.Add(line);
        }

        return new Result(lines, null);
    }

    private static RequestLine? ParseLine(string line, bool withPrices)
    {
        decimal? price = null;
        if (withPrices)
        {
            // The price is the last word ("1.250,50", "₺99,90", "2.100TL"), perhaps followed by the currency and preceded by "×" or "@".
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (words.Count > 1 && Currency.Contains(words[^1].ToLowerInvariant()))
            {
                words.RemoveAt(words.Count - 1);
            }

            if (words.Count < 2 || !TurkishMoney.TryParse(words[^1], out var p))
            {
                return null;
            }

            words.RemoveAt(words.Count - 1);
            if (words.Count > 1 && PriceMarks.Contains(words[^1].ToLowerInvariant()))
            {
                words.RemoveAt(words.Count - 1);
            }

            price = p;
            line = string.Join(' ', words);
        }

        var quantity = 1;
        if (LeadingQuantity().Match(line) is { Success: true } lead)
        {
            quantity = int.Parse(lead.Groups["n"].Value, CultureInfo.InvariantCulture);
            line = lead.Groups["rest"].Value;
        }
        else if (TrailingQuantity().Match(line) is { Success: true } trail)
        {
            quantity = int.Parse(trail.Groups["n"].Value, CultureInfo.InvariantCulture);
            line = trail.Groups["rest"].Value;
        }

        line = TextRules.Clean(line).Trim();
        if (line.Length < 2 || line.Length > TextRules.MaxShortText || quantity is < 1 or > RequestLine.MaxQuantity)
        {
            return null;
        }

        return new RequestLine(line, quantity, price);
    }

    [GeneratedRegex(@"^(?<n>\d{1,5})\s*(?:adet|ad\.|tane|pcs|x|×)?\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingQuantity();

    [GeneratedRegex(@"^(?<rest>.+?)\s*(?:x|×)\s*(?<n>\d{1,5})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingQuantity();

}
