using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpdeskBot.Tests.Support;

/// <summary>One request the bot made to the Bot Framework connector.</summary>
/// <param name="ResponseId">the activity id the connector gave a new message (what an update later names).</param>
public sealed record ConnectorCall(string Method, string ConversationId, string? ActivityId, JsonObject Activity, string ResponseId)
{
    public string? Text => Activity["text"]?.GetValue<string>();

    public JsonObject? Card => Activity["attachments"] is JsonArray { Count: > 0 } a ? a[0]?["content"] as JsonObject : null;

    /// <summary>All the text of the card, flattened, for "does the card say X" assertions.</summary>
    public string CardText => Card is null ? string.Empty : string.Join(" | ", Strings(Card));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" or "title" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        _ => [],
    };
}

/// <summary>
/// A real HTTP server on 127.0.0.1 that plays the Bot Framework connector (the serviceUrl of our test activities):
/// it records what the bot sends and can be told to fail (429 with Retry-After, 403, 500) for chosen conversations.
/// </summary>
public sealed class LocalConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ConnectorCall> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string? RetryAfter)>> failures = new();
    private int nextId;

    private LocalConnector(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public IReadOnlyList<ConnectorCall> Calls => calls.ToArray();

    public static async Task<LocalConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new LocalConnector(app);
        app.MapMethods("/v3/conversations/{conversationId}/activities/{activityId?}", ["POST", "PUT"], connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>The next <paramref name="count"/> calls to the conversation answer <paramref name="status"/>.</summary>
    public void FailNext(string conversationId, int status, int count = 1, string? retryAfter = null)
    {
        var queue = failures.GetOrAdd(conversationId, _ => new());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue((status, retryAfter));
        }
    }

    public IReadOnlyList<ConnectorCall> To(string conversationId) => Calls.Where(c => c.ConversationId == conversationId).ToList();

    /// <summary>Waits until a call matching <paramref name="predicate"/> arrived, or fails the test after <paramref name="timeout"/>.</summary>
    public async Task<ConnectorCall> WaitForAsync(Func<ConnectorCall, bool> predicate, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var hit = Calls.FirstOrDefault(predicate);
            if (hit is not null)
            {
                return hit;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"The connector never received {because ?? "the expected call"}. It got:\n" +
            string.Join("\n", Calls.Select(c => $"{c.Method} {c.ConversationId} {c.Text} {c.CardText[..Math.Min(120, c.CardText.Length)]}")));
    }

    private async Task<IResult> HandleAsync(HttpContext context, string conversationId, string? activityId)
    {
        if (failures.TryGetValue(conversationId, out var queue) && queue.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = failure.RetryAfter;
            }

            return Results.Json(new { error = new { code = "Injected", message = $"injected {failure.Status}" } }, statusCode: failure.Status);
        }

        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        var id = context.Request.Method == "PUT" ? activityId! : $"msg-{Interlocked.Increment(ref nextId)}";
        calls.Enqueue(new ConnectorCall(context.Request.Method, conversationId, activityId, body, id));
        return Results.Json(new { id });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
