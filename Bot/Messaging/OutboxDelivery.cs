using System.Net;
using System.Text.Json;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Bot.Teams;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Tickets;
using HelpdeskBot.Dialogs.Tickets;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Domain.Tickets;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace HelpdeskBot.Bot.Messaging;

/// <summary>
/// Delivers one outbox message to Teams and records the outcome on it: sent; retry later with back-off (honouring
/// 429 Retry-After); unreachable on 403 (the person blocked the bot), never retried; deferred while the IT channel is unset.
/// </summary>
public sealed class OutboxDelivery(
    IConversationStore conversations,
    IDirectory directory,
    TicketViewFactory views,
    Approvals.RequestCardDelivery requestCards,
    IProactiveSender sender,
    IOptions<OutboxOptions> outboxOptions,
    IOptions<BotOptions> botOptions,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    public async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            var delivered = message.Kind switch
            {
                OutboxKind.TicketChannelCard => await PostChannelCardAsync(message, ct),
                OutboxKind.RequesterNotice => await NotifyRequesterAsync(message, ct),
                OutboxKind.ChannelText => await PostChannelTextAsync(message, ct),
                OutboxKind.PersonalReplies => await SendPersonalRepliesAsync(message, ct),
                OutboxKind.ChannelCard => await PostChannelCardPayloadAsync(message, ct),
                OutboxKind.RequestCards => await requestCards.DeliverCardsAsync(message, ct),
                OutboxKind.RequestNotice => await requestCards.DeliverNoticeAsync(message, ct),
                _ => throw new InvalidOperationException($"Unknown outbox kind {message.Kind}."),
            };
            if (delivered)
            {
                message.MarkSent(clock.GetUtcNow());
                logger.OutboxDelivered(message.Id, message.Kind.ToString());
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var status = ProactiveSender.StatusOf(ex);
            if (status == HttpStatusCode.Forbidden && message.Kind is OutboxKind.RequesterNotice or OutboxKind.RequestNotice)
            {
                if (message.RecipientPersonId is { } id && await directory.FindAsync(id, ct) is { } person)
                {
                    person.MarkUnreachable(clock.GetUtcNow());
                }

                message.MarkUnreachable("403 Forbidden: the person blocked or removed the bot", clock.GetUtcNow());
                logger.OutboxUnreachable(message.Id, message.RecipientPersonId);
                return;
            }

            var next = clock.GetUtcNow() + Backoff(message.Attempts + 1, ProactiveSender.RetryAfterOf(ex));
            message.MarkFailed($"{(int?)status} {ex.GetType().Name}: {ex.Message}", next, outboxOptions.Value.MaxAttempts);
            logger.OutboxFailed(ex, message.Id, message.Kind.ToString(), (int?)status, message.Attempts, next);
        }
    }

    /// <summary>Exponential back-off with ±20 % jitter, capped; a Retry-After from Teams wins when longer.</summary>
    public TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var max = outboxOptions.Value.MaxBackoff;
        var seconds = Math.Min(Math.Pow(2, Math.Min(attempt, 20)), max.TotalSeconds);
        var jittered = TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
        return retryAfter is { } ra && ra > jittered ? ra : jittered;
    }

    private async Task<bool> PostChannelCardAsync(OutboxMessage message, CancellationToken ct)
    {
        var ticket = message.Ticket;
        if (ticket is null)
        {
            return true;
        }

        if (await ItChannelAsync(message, ct) is not var (channel, reference))
        {
            return false;
        }
        var card = TicketCards.Channel(await views.CreateAsync(ticket, ct), Text.CultureFor(botOptions.Value.ChannelLocale));
        var activity = Replies.CardMessage(card);
        if (ticket.ChannelActivityId is not null && ticket.ChannelConversationId == channel.ConversationId)
        {
            activity.Id = ticket.ChannelActivityId;
            try
            {
                await sender.UpdateAsync(reference, activity, ct);
                return true;
            }
            catch (Exception ex) when (ProactiveSender.StatusOf(ex) == HttpStatusCode.NotFound)
            {
                // The card was deleted in Teams: post it again.
                activity.Id = null;
            }
        }

        var id = await sender.SendAsync(reference, activity, ct);
        ticket.RecordChannelPost(channel.ConversationId, id ?? string.Empty);
        return true;
    }

    private async Task<bool> PostChannelCardPayloadAsync(OutboxMessage message, CancellationToken ct)
    {
        if (await ItChannelAsync(message, ct) is not var (_, reference))
        {
            return false;
        }

        var card = Newtonsoft.Json.Linq.JObject.Parse(message.Payload);
        var activity = MessageFactory.Attachment(new Attachment { ContentType = Cards.Model.CardJson.ContentType, Content = card });
        activity.Summary = card["fallbackText"]?.ToString();
        await sender.SendAsync(reference, activity, ct);
        return true;
    }

    private async Task<bool> PostChannelTextAsync(OutboxMessage message, CancellationToken ct)
    {
        if (await ItChannelAsync(message, ct) is not var (_, reference))
        {
            return false;
        }

        await sender.SendAsync(reference, MessageFactory.Text(message.Payload), ct);
        return true;
    }

    /// <summary>
    /// The IT channel and its reference, or null (and the message deferred) while no one has set it: not lost, the
    /// ticket exists and can be worked, and its card goes out once an IT member sets the channel.
    /// </summary>
    private async Task<(ItChannel Channel, ConversationReference Reference)?> ItChannelAsync(OutboxMessage message, CancellationToken ct)
    {
        var channel = await conversations.GetItChannelAsync(ct);
        var record = channel is null ? null : await conversations.FindAsync(channel.ConversationId, ct);
        if (channel is null || record is null)
        {
            message.Defer("no IT channel set", clock.GetUtcNow() + outboxOptions.Value.NoChannelRetry);
            logger.OutboxDeferred(message.Id, message.Kind.ToString(), "no IT channel set");
            return null;
        }

        return (channel, JsonConvert.DeserializeObject<ConversationReference>(record.ReferenceJson)!);
    }

    private async Task<bool> SendPersonalRepliesAsync(OutboxMessage message, CancellationToken ct)
    {
        if (await PersonalChatAsync(message, ct) is not var (_, reference))
        {
            return false;
        }

        foreach (var activity in JsonConvert.DeserializeObject<Activity[]>(message.Payload) ?? [])
        {
            await sender.SendAsync(reference, activity, ct);
        }

        return true;
    }

    /// <summary>The recipient and their personal chat; null (and the message closed) when they are unreachable.</summary>
    private async Task<(Domain.Directory.Person Person, ConversationReference Reference)?> PersonalChatAsync(OutboxMessage message, CancellationToken ct)
    {
        var person = message.RecipientPersonId is { } id ? await directory.FindAsync(id, ct) : null;
        if (person is null)
        {
            message.MarkUnreachable("no such person", clock.GetUtcNow());
            return null;
        }

        if (person.UnreachableSince is not null || person.Role == Domain.Directory.Role.System)
        {
            message.MarkUnreachable(person.Role == Domain.Directory.Role.System ? "a system account has no chat" : "person marked unreachable earlier", clock.GetUtcNow());
            return null;
        }

        var record = await conversations.FindPersonalAsync(person.Id, ct)
            ?? throw new InvalidOperationException("No personal conversation with the person yet.");
        return (person, JsonConvert.DeserializeObject<ConversationReference>(record.ReferenceJson)!);
    }

    private async Task<bool> NotifyRequesterAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Ticket is null)
        {
            return true;
        }

        if (await PersonalChatAsync(message, ct) is not var (person, reference))
        {
            return false;
        }
        var notice = System.Text.Json.JsonSerializer.Deserialize<TicketNotice>(message.Payload)
            ?? throw new System.Text.Json.JsonException("Empty notice payload.");
        var actor = await directory.FindAsync(notice.ActorId, ct);
        var culture = Text.CultureFor(person.PreferredLocale);
        var card = TicketCards.RequesterNotice(await views.CreateAsync(message.Ticket, ct), notice, actor?.DisplayName ?? "?", culture);
        await sender.SendAsync(reference, Replies.CardMessage(card), ct);
        return true;
    }
}
