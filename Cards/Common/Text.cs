using System.Globalization;
using System.Resources;

namespace HelpdeskBot.Cards.Common;

/// <summary>
/// Every user-facing string, from Resources/Strings.resx (Turkish, the neutral language) and Strings.en.resx.
/// The culture comes from the activity's locale: English for en-*, Turkish otherwise.
/// </summary>
public static class Text
{
    private static readonly ResourceManager Resources = new("HelpdeskBot.Cards.Resources.Strings", typeof(Text).Assembly);

    public static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static CultureInfo CultureFor(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Turkish;

    public static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new MissingManifestResourceException($"No text '{key}'.");

    public static string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);

    /// <summary>
    /// Something a person typed (or a display name from Teams), made safe to put inside a message or TextBlock that
    /// Teams renders as markdown: every markdown-significant character is backslash-escaped, so it shows as typed.
    /// </summary>
    public static string Literal(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (@"\`*_[]<>#~".Contains(ch, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>Every key in the neutral (Turkish) resource, for completeness tests.</summary>
    public static IReadOnlyList<string> Keys(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException(culture.Name);
        return set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
    }
}
