using System.Text.Json;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Bot.Monitoring;
using HelpdeskBot.Bot.Tickets;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Conversations;
using HelpdeskBot.Cards.Tickets;
using HelpdeskBot.Dialogs;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace HelpdeskBot.Bot.Teams;

/// <summary>
/// Routes Teams activities: personal messages to the conversation router, channel messages to the IT channel
/// commands, card presses to the ticket actions. Each inbound activity is taken in hand once: a Teams retry of an
/// activity already handled (or still being handled) does nothing twice.
/// </summary>
public sealed class HelpdeskActivityHandler(
    TeamsIdentity identity,
    IActivityLedger ledger,
    ConversationRouter router,
    ItChannelCommands channel,
    TicketCardActions cardActions,
    Approvals.RequestCardActions requestActions,
    ReplySender replySender,
    InventoryChatImport inventoryImport,
    ILogger<HelpdeskActivityHandler> logger) : ActivityHandler
{
    /// <summary>Longer than any message Teams lets a person send; anything bigger is refused with a clear answer.</summary>
    public const int MaxMessageLength = 20_000;

    /// <summary>An activity left "in progress" longer than this (the host died mid-turn) may be taken again.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        try
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
        }
        catch (DomainException ex) when (ex.Error == DomainError.UnidentifiedSender)
        {
            var text = Text.Get("Action_UnidentifiedSender", Text.CultureFor(LocaleOf(turnContext.Activity)));
            if (turnContext.Activity.Type == ActivityTypes.Invoke)
            {
                await turnContext.SendActivityAsync(new Activity(ActivityTypesEx.InvokeResponse) { Value = new InvokeResponse { Status = 200, Body = Replies.MessageResponse(text) } }, cancellationToken);
            }
            else if (turnContext.Activity.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync(text, cancellationToken: cancellationToken);
            }
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turn, CancellationToken ct)
    {
        var key = LedgerKey(turn.Activity);
        if (!await BeginAsync(key, ct))
        {
            return;
        }

        try
        {
            var person = await identity.ResolveAsync(turn, ct);
            var text = turn.Activity.RemoveRecipientMention()?.Trim();
            var writtenIn = Language.Detect(text);
            // A short command ("my requests") answers in its language but does not change the person's language.
            await identity.RememberPersonalChatAsync(turn, person, TurkishText.Words(text).Length >= 3 ? writtenIn : null, ct);
            var culture = writtenIn ?? Text.CultureFor(person.PreferredLocale ?? LocaleOf(turn.Activity));
            if (text is { Length: > MaxMessageLength })
            {
                await turn.SendActivityAsync(Text.Format("Error_TooLong", culture, MaxMessageLength), cancellationToken: ct);
            }
            else if (await inventoryImport.TryHandleAsync(text, person, culture, ct) is { } imported)
            {
                await turn.SendActivityAsync(imported, cancellationToken: ct);
            }
            else if (!TeamsIdentity.IsPersonal(turn.Activity))
            {
                await Replies.SendAsync(turn, await channel.HandleMessageAsync(turn, person, culture, ct), ct);
            }
            else if (ItChannelCommands.IsSetCommand(text))
            {
                await turn.SendActivityAsync(Text.Get("Channel_OnlyInChannel", culture), cancellationToken: ct);
            }
            else
            {
                if (text is not null)
                {
                    logger.MessageText(person.Id, text);
                }

                IReadOnlyList<Reply> replies;
                try
                {
                    replies = await router.HandleAsync(new UserTurn(person, turn.Activity.Conversation.Id, text, ToJson(turn.Activity.Value), culture), ct);
                }
                catch (ConcurrencyConflictException)
                {
                    // Two messages of one conversation raced on the same dialog state; the other one won.
                    replies = [new TextReply(Text.Get("Dialog_Busy", culture))];
                }

                await replySender.SendOrQueueAsync(turn, person, replies, ct);
            }

            await ledger.CompleteAsync(key, ct);
        }
        catch
        {
            await ledger.AbandonAsync(key, CancellationToken.None);
            throw;
        }
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turn, AdaptiveCardInvokeValue invokeValue, CancellationToken ct)
    {
        var key = LedgerKey(turn.Activity);
        var repeated = !await BeginAsync(key, ct);
        try
        {
            var person = await identity.ResolveAsync(turn, ct);
            var culture = Text.CultureFor(person.PreferredLocale ?? LocaleOf(turn.Activity));
            var verb = invokeValue.Action?.Verb ?? string.Empty;
            AdaptiveCardInvokeResponse response;
            if (verb == TicketVerbs.SetItChannel)
            {
                response = Replies.MessageResponse(repeated ? Text.Get("Action_Done", culture) : await channel.SetAsync(turn, person, culture, ct));
            }
            else if (Cards.Approvals.RequestVerbs.IsRequestVerb(verb))
            {
                response = await requestActions.HandleAsync(verb, ToJson(invokeValue.Action?.Data) ?? default, person, culture, repeated, ct);
            }
            else
            {
                // A repeat re-renders the card from the stored state and changes nothing.
                response = await cardActions.HandleAsync(verb, ToJson(invokeValue.Action?.Data) ?? default, person, culture, repeated, ct);
            }

            if (!repeated)
            {
                await ledger.CompleteAsync(key, ct);
            }

            return response;
        }
        catch when (!repeated)
        {
            await ledger.AbandonAsync(key, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The bot itself was added: to a team (offer the IT channel) or to a person (welcome). The SDK's OnMembersAdded skips the bot's own addition.</summary>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turn, CancellationToken ct)
    {
        if (turn.Activity.MembersAdded?.Any(m => m.Id == turn.Activity.Recipient?.Id) != true)
        {
            return;
        }

        var key = LedgerKey(turn.Activity);
        if (!await BeginAsync(key, ct))
        {
            return;
        }

        var culture = Text.CultureFor(LocaleOf(turn.Activity));
        if (TeamsIdentity.IsPersonal(turn.Activity))
        {
            var person = await identity.ResolveAsync(turn, ct);
            await identity.RememberPersonalChatAsync(turn, person, null, ct);
            culture = Text.CultureFor(person.PreferredLocale ?? LocaleOf(turn.Activity));
            await turn.SendActivitiesAsync(
            [
                MessageFactory.Text(Text.Format("Welcome", culture, Text.Literal(person.DisplayName))),
                MessageFactory.Text(Text.Get("Help", culture)),
            ], ct);
        }
        else if (turn.Activity.Conversation?.ConversationType == "channel")
        {
            // Added to a team: offer to make this channel the IT channel, unless there is one ("bt kanalı yap" still moves it).
            if (!await channel.IsSetAsync(ct))
            {
                await turn.SendActivityAsync(Replies.CardMessage(PromptCards.ItChannelOffer(culture)), ct);
            }
        }
        else
        {
            await turn.SendActivityAsync(Text.Get("GroupChat_Help", culture), cancellationToken: ct);
        }

        await ledger.CompleteAsync(key, ct);
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turn, CancellationToken ct)
    {
        if (TeamsIdentity.IsPersonal(turn.Activity))
        {
            var person = await identity.ResolveAsync(turn, ct);
            await identity.RememberPersonalChatAsync(turn, person, null, ct);
        }
    }

    private async Task<bool> BeginAsync(string key, CancellationToken ct)
    {
        var result = await ledger.TryBeginAsync(key, StaleAfter, ct);
        if (result is LedgerResult.New or LedgerResult.Stale)
        {
            return true;
        }

        logger.DuplicateActivity(key, result.ToString());
        return false;
    }

    /// <summary>Teams re-sends the same activity id in the same conversation; with no id, nothing can be recognised as a repeat.</summary>
    private static string LedgerKey(IActivity activity) =>
        $"{activity.Conversation?.Id}|{activity.Id ?? Guid.NewGuid().ToString("N")}";

    private static string? LocaleOf(IActivity activity) => (activity as Activity)?.Locale;

    private static JsonElement? ToJson(object? value) => value switch
    {
        null => null,
        JsonElement e => e,
        _ => JsonDocument.Parse(JsonConvert.SerializeObject(value)).RootElement.Clone(),
    };
}
