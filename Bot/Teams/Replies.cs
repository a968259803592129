using HelpdeskBot.Cards.Model;
using HelpdeskBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HelpdeskBot.Bot.Teams;

/// <summary>Turns the dialogs' replies and our cards into Bot Framework activities.</summary>
public static class Replies
{
    public static IActivity ToActivity(Reply reply) => reply switch
    {
        TextReply t => MessageFactory.Text(t.Text),
        CardReply c => CardMessage(c.Card),
        _ => throw new ArgumentOutOfRangeException(nameof(reply)),
    };

    public static IMessageActivity CardMessage(AdaptiveCard card)
    {
        var message = MessageFactory.Attachment(ToAttachment(card));
        message.Summary = card.FallbackText;
        return message;
    }

    public static Attachment ToAttachment(AdaptiveCard card) => new()
    {
        ContentType = CardJson.ContentType,
        Content = JObject.Parse(CardJson.Serialize(card)),
    };

    public static AdaptiveCardInvokeResponse CardResponse(AdaptiveCard card) => new()
    {
        StatusCode = 200,
        Type = CardJson.ContentType,
        Value = JObject.Parse(CardJson.Serialize(card)),
    };

    /// <summary>A text answer to a card press; Teams shows it to the presser and leaves the card as it was.</summary>
    public static AdaptiveCardInvokeResponse MessageResponse(string text) => new()
    {
        StatusCode = 200,
        Type = "application/vnd.microsoft.activity.message",
        Value = text,
    };

    public static async Task SendAsync(ITurnContext turn, IReadOnlyList<Reply> replies, CancellationToken ct)
    {
        if (replies.Count > 0)
        {
            await turn.SendActivitiesAsync(replies.Select(ToActivity).ToArray(), ct);
        }
    }
}
