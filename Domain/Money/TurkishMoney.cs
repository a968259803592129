using System.Globalization;

namespace HelpdeskBot.Domain.Money;

/// <summary>
/// Turkish lira amounts as people type them and as the bot shows them. Parsing accepts the usual ways of writing an
/// amount ("1.250,50", "1250.50", "₺1.250", "1 250,50 TL") but refuses anything it would have to guess at: an amount
/// read wrongly in a purchase request is worse than being asked again.
/// </summary>
public static class TurkishMoney
{
    /// <summary>The largest amount accepted: 999.999.999.999,99 TL (well above any municipal purchase).</summary>
    public const decimal MaxAmount = 999_999_999_999.99m;

    /// <summary>
    /// Turkish number formatting built by hand rather than taken from <c>CultureInfo("tr-TR")</c>, so the output does
    /// not depend on the machine's ICU data or on the current culture (the server may run in en-US).
    /// </summary>
    private static readonly NumberFormatInfo TurkishNumbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NumberDecimalDigits = 2,
        NegativeSign = "-",
        NumberNegativePattern = 1,
    };

    /// <summary>The currency markers a person may put before or after the number, matched case-insensitively.</summary>
    private static readonly string[] CurrencyMarkers = ["₺", "TRY", "TL"];

    /// <summary>
    /// Reads a positive lira amount with at most two decimals (kuruş). When both '.' and ',' occur, the last one is the
    /// decimal separator; a single ',' is a decimal comma; a '.' is a thousands separator only when every group after
    /// it has exactly three digits ("1.250", "12.345.678"), otherwise a decimal point ("1250.5"). Spaces (also no-break
    /// spaces) may separate thousands. Refuses zero, negatives, more than two decimals, amounts above
    /// <see cref="MaxAmount"/>, badly grouped thousands and any letters other than "TL"/"TRY"/"₺". Never throws.
    /// </summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0m;
        if (text is null)
        {
            return false;
        }

        var core = StripCurrency(text.Trim());
        if (core is null || core.Length == 0 || !TrySplit(core, out var integerDigits, out var fractionDigits))
        {
            return false;
        }

        // Digits only from here; cap the length before decimal.TryParse so 30-digit input cannot overflow it.
        var significant = integerDigits.TrimStart('0');
        if (significant.Length > 12 || fractionDigits.Length > 2)
        {
            return false;
        }

        var invariant = fractionDigits.Length == 0 ? integerDigits : integerDigits + "." + fractionDigits;
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value <= 0m || value > MaxAmount)
        {
            return false;
        }

        amount = value;
        return true;
    }

    /// <summary>
    /// Turkish formatting whatever the current culture: "1.250,50 TL", "0,99 TL". Rounds to kuruş, half away from zero
    /// (how a receipt rounds), so the shown amount does not depend on the runtime's default rounding.
    /// </summary>
    public static string Format(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("N2", TurkishNumbers) + " TL";

    /// <summary>Removes one currency marker at the start and one at the end; null when other letters remain.</summary>
    private static string? StripCurrency(string text)
    {
        var t = text;
        foreach (var marker in CurrencyMarkers)
        {
            if (t.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                t = t[marker.Length..].TrimStart();
                break;
            }
        }

        foreach (var marker in CurrencyMarkers)
        {
            if (t.EndsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                t = t[..^marker.Length].TrimEnd();
                break;
            }
        }

        foreach (var ch in t)
        {
            if (!(char.IsAsciiDigit(ch) || ch is '.' or ',' || IsSpace(ch)))
            {
                return null;
            }
        }

        return t;
    }

    private static bool IsSpace(char ch) => ch is ' ' or '\u00A0' or '\u202F';

    /// <summary>
    /// Splits "1.250,50" into "1250" and "50" after deciding which separator is the decimal one. False when the text is
    /// not a well-formed number (empty groups, thousands groups not of three digits, mixed thousands separators…).
    /// </summary>
    private static bool TrySplit(string core, out string integerDigits, out string fractionDigits)
    {
        integerDigits = string.Empty;
        fractionDigits = string.Empty;

        var lastDot = core.LastIndexOf('.');
        var lastComma = core.LastIndexOf(',');
        var dots = core.Count(c => c == '.');
        var commas = core.Count(c => c == ',');

        char? decimalSeparator;
        if (dots > 0 && commas > 0)
        {
            decimalSeparator = lastDot > lastComma ? '.' : ',';
        }
        else if (commas == 1)
        {
            decimalSeparator = ',';
        }
        else if (dots == 1)
        {
            // A lone dot: thousands when it reads as a proper grouping ("1.250"), else a decimal point ("1250.5").
            decimalSeparator = IsGrouped(core, '.') ? null : '.';
        }
        else
        {
            // No separator, or several of the same kind ("1.250.000", "1,250,000"): those can only be thousands.
            decimalSeparator = null;
        }

        var integerPart = core;
        if (decimalSeparator is { } sep)
        {
            var at = core.LastIndexOf(sep);
            if (core.Count(c => c == sep) != 1)
            {
                return false;
            }

            integerPart = core[..at];
            fractionDigits = core[(at + 1)..];
            if (fractionDigits.Length == 0 || !fractionDigits.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        // What is left of the integer part may use one kind of thousands separator: '.', ',' or spaces.
        var thousands = integerPart.Where(c => !char.IsAsciiDigit(c)).Select(c => IsSpace(c) ? ' ' : c).Distinct().ToList();
        if (thousands.Count > 1)
        {
            return false;
        }

        if (thousands.Count == 0)
        {
            integerDigits = integerPart;
            return integerPart.Length > 0;
        }

        var normalised = new string([.. integerPart.Select(c => IsSpace(c) ? ' ' : c)]);
        if (!IsGrouped(normalised, thousands[0]))
        {
            return false;
        }

        integerDigits = new string([.. integerPart.Where(char.IsAsciiDigit)]);
        return true;
    }

    /// <summary>"1.250.000": a first group of 1–3 digits not starting with 0, then groups of exactly three digits.</summary>
    private static bool IsGrouped(string text, char separator)
    {
        var groups = text.Split(separator);
        if (groups.Length < 2 || groups[0].Length is < 1 or > 3 || groups[0][0] == '0')
        {
            return false;
        }

        return groups.All(g => g.Length > 0 && g.All(char.IsAsciiDigit)) && groups.Skip(1).All(g => g.Length == 3);
    }
}
