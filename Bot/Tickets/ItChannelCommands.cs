using System.Globalization;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Dialogs.Monitoring;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;

namespace HelpdeskBot.Bot.Tickets;

/// <summary>What the bot does in a team channel: an IT staff member makes it the IT channel; anything else gets the channel help.</summary>
public sealed class ItChannelCommands(IConversationStore conversations, MonitoringCommands monitoring, ILogger<ItChannelCommands> logger)
{
    public static bool IsSetCommand(string? text) =>
        TurkishText.IsExactly(text, "bt kanalı yap", "bt kanali yap", "bilgi işlem kanalı yap", "bu kanalı bt kanalı yap", "it kanalı yap",
            "set it channel", "make this the it channel", "set channel");

    /// <summary>Whether some channel is the IT channel already (then the bot does not offer one again when a team adds it).</summary>
    public async Task<bool> IsSetAsync(CancellationToken ct) => await conversations.GetItChannelAsync(ct) is not null;

    public async Task<IReadOnlyList<Reply>> HandleMessageAsync(ITurnContext turn, Person person, CultureInfo culture, CancellationToken ct)
    {
        if (IsSetCommand(turn.Activity.Text))
        {
            return [new TextReply(await SetAsync(turn, person, culture, ct))];
        }

        var asked = new UserTurn(person, turn.Activity.Conversation.Id, turn.Activity.Text, null, culture);
        return await monitoring.TryHandleAsync(asked, ct)
            ?? [new TextReply(Text.Get(turn.Activity.Conversation?.ConversationType == "channel" ? "Channel_Help" : "GroupChat_Help", culture))];
    }

    /// <summary>Makes the channel of this activity the IT channel, if the person is IT staff. Returns what to tell them.</summary>
    public async Task<string> SetAsync(ITurnContext turn, Person person, CultureInfo culture, CancellationToken ct)
    {
        if (turn.Activity.Conversation?.ConversationType != "channel")
        {
            return Text.Get("Channel_OnlyInChannel", culture);
        }

        if (!person.IsItStaff)
        {
            return Text.Get("Channel_OnlyIt", culture);
        }

        var data = turn.Activity.GetChannelData<TeamsChannelData>();
        // A message in a thread has "19:…@thread.tacv2;messageid=…" as its conversation: new posts go to the channel itself.
        var channelId = data?.Channel?.Id ?? turn.Activity.Conversation.Id.Split(';')[0];
        var reference = turn.Activity.GetConversationReference();
        reference.Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: channelId, tenantId: reference.Conversation.TenantId);
        reference.ActivityId = null;
        await conversations.UpsertAsync(ConversationKind.Channel, channelId, null, JsonConvert.SerializeObject(reference), ct);
        var channel = await conversations.SetItChannelAsync(channelId, data?.Team?.Id, data?.Channel?.Name, person.Id, ct);
        logger.ItChannelSet(channelId, person.Id);
        var name = channel.ChannelName ?? data?.Team?.Name;
        return name is null ? Text.Get("Channel_SetUnnamed", culture) : Text.Format("Channel_Set", culture, name);
    }
}
