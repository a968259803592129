using System.Globalization;
using System.Text.RegularExpressions;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Money;

namespace HelpdeskBot.Dialogs.Approvals;

public enum ItemProblem
{
    /// <summary>No item could be read (with prices: no unit price at the end).</summary>
    Unreadable,

    /// <summary>The quantity is not a whole number from 1 to <see cref="RequestLine.MaxQuantity"/> (e.g. "-5", "0").</summary>
    Quantity,
}

/// <summary>
/// Reads the items a person types, one per line (or separated by ";"): "2 monitör", "2 adet monitör", "iki monitör",
/// "monitör x2", and with prices "10 toner CF259A 1.250,50" or "10 adet toner × 1.250,50 TL". A line without a
/// quantity is one item. A line that cannot be read is named by its number, its text and what is wrong with it.
/// </summary>
public static partial class ItemParser
{
    public const int MaxLines = 20;

    private static readonly string[] Currency = ["tl", "try", "₺"];
    private static readonly string[] PriceMarks = ["x", "×", "@", "=", ":", "-", "—"];

    /// <summary>Quantities one to ten written as words, Turkish (folded) and English.</summary>
    private static readonly string[][] NumberWords =
    [
        ["bir", "iki", "uc", "dort", "bes", "alti", "yedi", "sekiz", "dokuz", "on"],
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
    ];

    public sealed record Result(IReadOnlyList<RequestLine> Lines, int? BadLine, string? BadText = null, ItemProblem? Problem = null);

    public static Result Parse(string text, bool withPrices)
    {
        var raw = text.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var lines = new List<RequestLine>();
        for (var i = 0; i < raw.Count; i++)
        {
            var (line, problem) = ParseLine(Bullet().Replace(raw[i], string.Empty), withPrices);
            if (line is null)
            {
                return new Result(lines, i + 1, raw[i], problem);
            }

            lines.Add(line);
        }

        return new Result(lines, null);
    }

    private static (RequestLine? Line, ItemProblem Problem) ParseLine(string line, bool withPrices)
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
                return (null, ItemProblem.Unreadable);
            }

            words.RemoveAt(words.Count - 1);
            if (words.Count > 1 && PriceMarks.Contains(words[^1].ToLowerInvariant()))
            {
                words.RemoveAt(words.Count - 1);
            }

            price = p;
            line = string.Join(' ', words);
        }

        if (NegativeQuantity().IsMatch(line))
        {
            return (null, ItemProblem.Quantity);
        }

        var firstWord = line.Split(' ', 2)[0];
        var spelled = NumberWords.Select(words => Array.IndexOf(words, Engine.TurkishText.Fold(firstWord)) + 1).Max();
        if (spelled > 0 && line.Length > firstWord.Length)
        {
            line = spelled.ToString(CultureInfo.InvariantCulture) + line[firstWord.Length..];
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
        if (quantity is < 1 or > RequestLine.MaxQuantity)
        {
            return (null, ItemProblem.Quantity);
        }

        return line.Length < 2 || line.Length > TextRules.MaxShortText ? (null, ItemProblem.Unreadable) : (new RequestLine(line, quantity, price), ItemProblem.Unreadable);
    }

    /// <summary>A list marker at the start of a line ("- ", "* ", "• ", "1) "), not a minus sign ("-5").</summary>
    [GeneratedRegex(@"^\s*(?:[-*•]|\d{1,2}\))\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*[-−]\s*\d")]
    private static partial Regex NegativeQuantity();

    [GeneratedRegex(@"^(?<n>\d{1,5})\s*(?:adet|ad\.|tane|pcs|x|×)?\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingQuantity();

    [GeneratedRegex(@"^(?<rest>.+?)\s*(?:x|×)\s*(?<n>\d{1,5})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingQuantity();

}
