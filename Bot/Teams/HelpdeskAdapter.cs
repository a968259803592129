using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Cards.Common;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace HelpdeskBot.Bot.Teams;

/// <summary>
/// The Bot Framework adapter, with one constructor (the SDK's CloudAdapter has several, which .NET 10's container
/// finds ambiguous) and the turn error handler: log, and tell the user in their language that nothing was lost.
/// </summary>
public sealed class HelpdeskAdapter : CloudAdapter
{
    public HelpdeskAdapter(BotFrameworkAuthentication auth, ILogger<HelpdeskAdapter> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turn, exception) =>
        {
            logger.TurnFailed(exception, turn.Activity.Type, turn.Activity.Conversation?.Id);
            if (turn.Activity.Type == Microsoft.Bot.Schema.ActivityTypes.Message && !turn.Responded)
            {
                await turn.SendActivityAsync(Text.Get("Error_Generic", Text.CultureFor(turn.Activity.Locale)));
            }
        };
    }
}
