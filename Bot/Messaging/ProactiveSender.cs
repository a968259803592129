using System.Net;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Bot.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Bot.Messaging;

/// <summary>Writes first into a stored conversation (a post, or an update of the bot's own message).</summary>
public interface IProactiveSender
{
    /// <returns>the new message's activity id.</returns>
    Task<string?> SendAsync(ConversationReference reference, IActivity activity, CancellationToken ct);

    Task UpdateAsync(ConversationReference reference, IActivity activity, CancellationToken ct);
}

/// <summary>
/// Proactive messages through the adapter. The adapter's turn error handler would swallow a failure, so the
/// callback catches it and this class rethrows it for the outbox to classify (429, 403, 5xx…).
/// </summary>
public sealed class ProactiveSender(HelpdeskAdapter adapter, IOptions<BotOptions> options) : IProactiveSender
{
    public async Task<string?> SendAsync(ConversationReference reference, IActivity activity, CancellationToken ct)
    {
        string? id = null;
        await RunAsync(reference, async turn =>
        {
            // A new message in the conversation (a new thread in a channel), not a reply to the synthetic continuation activity.
            var message = (Activity)activity;
            message.ApplyConversationReference(reference);
            message.ReplyToId = null;
            var client = turn.TurnState.Get<IConnectorClient>();
            id = (await client.Conversations.SendToConversationAsync(message, ct))?.Id;
        }, ct);
        return id;
    }

    public Task UpdateAsync(ConversationReference reference, IActivity activity, CancellationToken ct) =>
        RunAsync(reference, turn => turn.UpdateActivityAsync(activity, ct), ct);

    private async Task RunAsync(ConversationReference reference, Func<Microsoft.Bot.Builder.ITurnContext, Task> action, CancellationToken ct)
    {
        Exception? failure = null;
        await adapter.ContinueConversationAsync(options.Value.AppId ?? string.Empty, reference, async (turn, _) =>
        {
            try
            {
                await action(turn);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, ct);
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    public static HttpStatusCode? StatusOf(Exception ex) => ex switch
    {
        ErrorResponseException e => e.Response?.StatusCode,
        Microsoft.Rest.HttpOperationException h => h.Response?.StatusCode,
        HttpRequestException r => r.StatusCode,
        _ => null,
    };

    public static TimeSpan? RetryAfterOf(Exception ex)
    {
        var headers = ex switch
        {
            ErrorResponseException e => e.Response?.Headers,
            Microsoft.Rest.HttpOperationException h => h.Response?.Headers,
            _ => null,
        };
        if (headers is null)
        {
            return null;
        }

        foreach (var (name, values) in headers)
        {
            if (!string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = values.FirstOrDefault();
            if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }
}
