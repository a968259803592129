using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace HelpdeskBot.Bot.Teams;

/// <summary>
/// Sends a turn's replies. By the time they are sent the turn's change is saved (a ticket filed, a dialog moved on),
/// so if Teams cannot take them now they are not dropped: they go to the outbox and reach the person later, and the
/// turn still succeeds, so a Teams retry does not find the dialog already moved on and say something else.
/// </summary>
public sealed class ReplySender(IOutbox outbox, IUnitOfWork uow, TimeProvider clock, ILogger<ReplySender> logger)
{
    public async Task SendOrQueueAsync(ITurnContext turn, Person person, IReadOnlyList<Reply> replies, CancellationToken ct)
    {
        var activities = replies.Select(Replies.ToActivity).ToArray();
        var sent = 0;
        try
        {
            foreach (var activity in activities)
            {
                await turn.SendActivityAsync(activity, ct);
                sent++;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var rest = activities.Skip(sent).ToArray();
            logger.RepliesQueued(ex, rest.Length, person.Id);
            outbox.Enqueue(new OutboxMessage(OutboxKind.PersonalReplies, null, person.Id, JsonConvert.SerializeObject(rest), clock.GetUtcNow()));
            await uow.SaveChangesAsync(CancellationToken.None);
        }
    }
}
