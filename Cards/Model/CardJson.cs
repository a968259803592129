using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelpdeskBot.Cards.Model;

public static class CardJson
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Turkish letters stay readable in the JSON; HTML-significant characters are still escaped.
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string Serialize(AdaptiveCard card, bool indented = false) =>
        JsonSerializer.Serialize(card, indented ? new JsonSerializerOptions(Options) { WriteIndented = true } : Options);

    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Options);

    /// <summary>Serializes a button payload record into the card's data.</summary>
    public static JsonElement Data<T>(T payload) => JsonSerializer.SerializeToElement(payload, Options);
}
