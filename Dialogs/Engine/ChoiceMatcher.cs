using System.Globalization;
using HelpdeskBot.Cards.Conversations;

namespace HelpdeskBot.Dialogs.Engine;

public static class ChoiceMatcher
{
    /// <summary>
    /// The choices the answer names: a value (from a button), a number in the list, the whole title, or words that
    /// start words of the title ("fen" → "Fen İşleri Müdürlüğü"), all compared folded.
    /// </summary>
    public static List<string> Match(string answer, IReadOnlyList<PromptChoice> choices)
    {
        var exactValue = choices.FirstOrDefault(ch => string.Equals(ch.Value, answer, StringComparison.Ordinal));
        if (exactValue is not null)
        {
            return [exactValue.Value];
        }

        var folded = TurkishText.Fold(answer);
        if (folded.Length == 0)
        {
            return [];
        }

        if (int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count)
        {
            return [choices[n - 1].Value];
        }

        var exact = choices.Where(ch => string.Equals(TurkishText.Fold(ch.Title), folded, StringComparison.Ordinal)).ToList();
        if (exact.Count > 0)
        {
            return exact.Select(ch => ch.Value).ToList();
        }

        var words = TurkishText.Words(answer).Where(w => w.Length >= 2).ToArray();
        if (words.Length == 0)
        {
            return [];
        }

        return choices
            .Where(ch =>
            {
                var titleWords = TurkishText.Words(ch.Title);
                return words.All(w => titleWords.Any(tw => tw.StartsWith(w, StringComparison.Ordinal)));
            })
            .Select(ch => ch.Value)
            .ToList();
    }
}
