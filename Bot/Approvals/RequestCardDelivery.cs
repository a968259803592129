using System.Net;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Bot.Messaging;
using HelpdeskBot.Bot.Teams;
using HelpdeskBot.Cards.Approvals;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Dialogs.Approvals;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace HelpdeskBot.Bot.Approvals;

/// <summary>
/// Sends a request's cards: each copy drawn for the one who sees it (the IT channel's copy for IT, a personal copy for
/// the requester, the current approver, their substitutes in range, the manager it was escalated to), posted once per
/// conversation and updated in place afterwards. Someone the bot cannot write to yet (never installed the app) holds
/// the message back without spending an attempt; it goes out when they appear (see <see cref="TeamsIdentity"/>).
/// </summary>
public sealed class RequestCardDelivery(
    IApprovalRepository approvals,
    IConversationStore conversations,
    IDirectory directory,
    RequestViewFactory views,
    IProactiveSender sender,
    IOutboxStore outbox,
    Infrastructure.GraphDirectory.IPersonalChatInstaller installer,
    IOptions<OutboxOptions> outboxOptions,
    IOptions<BotOptions> botOptions,
    TimeProvider clock,
    ILogger<RequestCardDelivery> logger)
{
    public async Task<bool> DeliverCardsAsync(OutboxMessage message, CancellationToken ct)
    {
        var request = message.RequestId is { } id ? await approvals.FindAsync(id, ct) : null;
        if (request is null)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        var recipients = await RecipientsAsync(request, now, ct);
        var refreshIds = new List<string>();
        var references = new Dictionary<int, ConversationReference>();
        foreach (var person in recipients)
        {
            if (await conversations.FindPersonalAsync(person.Id, ct) is { } record)
            {
                var reference = JsonConvert.DeserializeObject<ConversationReference>(record.ReferenceJson)!;
                references[person.Id] = reference;
                if (reference.User?.Id is { Length: > 0 } userId && refreshIds.Count < Cards.Model.Refresh.MaxUserIds)
                {
                    refreshIds.Add(userId);
                }
            }
        }

        var view = await views.CreateAsync(request, ct) with { RefreshUserIds = refreshIds };
        var posts = (await approvals.CardPostsAsync(request.Id, ct)).ToDictionary(p => p.ConversationId, StringComparer.Ordinal);
        var waiting = new List<string>();

        // The IT channel's copy: IT's view (assessment, delivery, stages).
        var channel = await conversations.GetItChannelAsync(ct);
        var channelRecord = channel is null ? null : await conversations.FindAsync(channel.ConversationId, ct);
        if (channelRecord is null)
        {
            waiting.Add("IT channel");
        }
        else
        {
            var card = ApprovalCards.Request(view, new RequestViewer(false, false, true), Text.CultureFor(botOptions.Value.ChannelLocale));
            await PostOrUpdateAsync(request, null, channelRecord.ConversationId, JsonConvert.DeserializeObject<ConversationReference>(channelRecord.ReferenceJson)!, card, posts, ct);
        }

        foreach (var person in recipients)
        {
            if (person.UnreachableSince is not null || person.Role == Role.System)
            {
                continue;
            }

            if (!references.TryGetValue(person.Id, out var reference))
            {
                // Never chatted with the bot: in production Graph installs the app for them (when configured); Teams then
                // tells the bot about the new chat, and the held copy goes out (see TeamsIdentity).
                var installed = await installer.InstallForAsync(person.AadObjectId, ct);
                waiting.Add($"person {person.Id} ({(installed ? "app installed, waiting for Teams" : "no chat yet")})");
                continue;
            }

            var viewer = await views.ViewerAsync(request, person, ct);
            var card = ApprovalCards.Request(view, viewer, Text.CultureFor(person.PreferredLocale));
            try
            {
                await PostOrUpdateAsync(request, person.Id, reference.Conversation.Id, reference, card, posts, ct);
            }
            catch (Exception ex) when (ProactiveSender.StatusOf(ex) == HttpStatusCode.Forbidden)
            {
                // They blocked the bot: the others still get their copies; nobody retries this one.
                person.MarkUnreachable(now);
            }
        }

        if (waiting.Count > 0)
        {
            message.Defer("waiting for: " + string.Join(", ", waiting), now + outboxOptions.Value.NoChannelRetry);
            logger.OutboxDeferred(message.Id, message.Kind.ToString(), string.Join(", ", waiting));
            return false;
        }

        return true;
    }

    public async Task<bool> DeliverNoticeAsync(OutboxMessage message, CancellationToken ct)
    {
        var request = message.RequestId is { } id ? await approvals.FindAsync(id, ct) : null;
        var person = message.RecipientPersonId is { } pid ? await directory.FindAsync(pid, ct) : null;
        if (request is null || person is null || person.UnreachableSince is not null || person.Role == Role.System)
        {
            message.MarkUnreachable("no such request or person, or unreachable", clock.GetUtcNow());
            return false;
        }

        if (await conversations.FindPersonalAsync(person.Id, ct) is not { } record)
        {
            message.Defer("no personal chat with the person yet", clock.GetUtcNow() + outboxOptions.Value.NoChannelRetry);
            return false;
        }

        if (await outbox.HasEarlierPendingAsync(message, ct))
        {
            // Notices about one request reach the person in the order they happened: wait for the earlier one.
            message.Defer("an earlier notice to the person is still pending", clock.GetUtcNow() + TimeSpan.FromSeconds(1));
            return false;
        }

        var notice = System.Text.Json.JsonSerializer.Deserialize<RequestNotice>(message.Payload) ?? throw new System.Text.Json.JsonException("Empty notice payload.");
        var actor = await directory.FindAsync(notice.ActorId, ct);
        var c = Text.CultureFor(person.PreferredLocale);
        var text = Text.Format($"RequestNotice_{notice.Kind}", c, Text.Literal(actor?.DisplayName ?? "?"), request.Number,
            Text.Get($"RequestStatus_{notice.Status ?? request.Status}", c), notice.Detail is { } stage && Enum.TryParse<RequestStatus>(stage, out var s) ? Text.Get($"RequestStatus_{s}", c) : string.Empty);
        if (notice.Comment is { Length: > 0 } comment)
        {
            // On a delivery the "comment" is the taşınır işlem fişi number: say so.
            text += "\n\n> " + (notice.Kind == DecisionKind.Delivered ? Text.Format("Notice_Slip", c, Text.Literal(comment)) : Text.Literal(comment));
        }

        await sender.SendAsync(JsonConvert.DeserializeObject<ConversationReference>(record.ReferenceJson)!, MessageFactory.Text(text), ct);
        return true;
    }

    /// <summary>Who must have a personal copy now: the requester, the current approver, their substitutes in range, the escalation manager, and whoever has one already.</summary>
    private async Task<IReadOnlyList<Person>> RecipientsAsync(ApprovalRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var ids = new List<int>(request.Participants());
        if (request.CurrentStep is { } step)
        {
            ids.AddRange((await approvals.SubstitutionsOfAsync(step.ApproverId, ct)).Where(s => s.IsValidOn(now)).Select(s => s.SubstituteId));
        }

        ids.AddRange((await approvals.CardPostsAsync(request.Id, ct)).Select(p => p.PersonId).OfType<int>());
        return await directory.FindManyAsync(ids.Distinct(), ct);
    }

    private async Task PostOrUpdateAsync(ApprovalRequest request, int? personId, string conversationId, ConversationReference reference, Cards.Model.AdaptiveCard card,
        Dictionary<string, RequestCardPost> posts, CancellationToken ct)
    {
        var activity = Replies.CardMessage(card);
        if (posts.TryGetValue(conversationId, out var post))
        {
            activity.Id = post.ActivityId;
            try
            {
                await sender.UpdateAsync(reference, activity, ct);
                return;
            }
            catch (Exception ex) when (ProactiveSender.StatusOf(ex) == HttpStatusCode.NotFound)
            {
                // The copy is gone (deleted, or a Playground restarted): leave it; the person still has the notices.
                return;
            }
        }

        var newId = await sender.SendAsync(reference, activity, ct);
        var added = new RequestCardPost(request.Id, conversationId, personId, newId ?? string.Empty, clock.GetUtcNow());
        approvals.Add(added);
        posts[conversationId] = added;
    }
}
