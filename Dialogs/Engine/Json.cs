using System.Text.Json;

namespace HelpdeskBot.Dialogs.Engine;

public static class Json
{
    /// <summary>Reads a card payload, or null when it is not that shape (a stale or foreign payload is not an error).</summary>
    public static T? TryRead<T>(JsonElement value)
        where T : class
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return value.Deserialize<T>(HelpdeskBot.Cards.Model.CardJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
