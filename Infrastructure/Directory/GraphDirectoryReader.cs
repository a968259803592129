using System.Net;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace HelpdeskBot.Infrastructure.GraphDirectory;

/// <summary>
/// Reads the directory from Microsoft Graph with the <c>Microsoft.Graph</c> SDK: application permissions
/// (<c>User.Read.All</c>, <c>GroupMember.Read.All</c>) through a client secret, or no authentication at all when
/// <see cref="GraphDirectoryOptions.BaseUrl"/> is a loopback address (a local stand-in for tests).
/// Throttling (429) and unavailability (503, 504) are retried by the SDK's retry handler, which honours
/// <c>Retry-After</c>, at most <see cref="GraphDirectoryOptions.MaxRetries"/> times; then <see cref="GraphRetriesExhaustedException"/>.
/// </summary>
public sealed partial class GraphDirectoryReader : IDirectorySource, IDisposable
{
    /// <summary>The user properties we read; Graph returns only a default set (without department) unless asked.</summary>
    private static readonly string[] Fields = ["id", "displayName", "mail", "userPrincipalName", "department", "jobTitle", "preferredLanguage"];

    private const string UserType = "#microsoft.graph.user";

    private readonly GraphDirectoryOptions options;
    private readonly ILogger<GraphDirectoryReader> logger;
    private readonly HttpClient httpClient;
    private readonly GraphServiceClient client;

    public GraphDirectoryReader(IOptions<GraphDirectoryOptions> options, ILogger<GraphDirectoryReader> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        var baseUrl = this.options.BaseUrl.TrimEnd('/');

        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
            {
                handlers[i] = new RetryHandler(new RetryHandlerOption
                {
                    MaxRetry = this.options.MaxRetries,
                    RetriesTimeLimit = this.options.MaxRetryWait,
                    ShouldRetry = ShouldRetry,
                });
            }
        }

        httpClient = GraphClientFactory.Create(handlers, finalHandler: new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        if (this.options.IsLoopback)
        {
            client = new GraphServiceClient(httpClient, new AnonymousAuthenticationProvider(), baseUrl);
        }
        else
        {
            var root = new Uri(baseUrl);
            var credential = new ClientSecretCredential(this.options.TenantId, this.options.ClientId, this.options.ClientSecret);
            client = new GraphServiceClient(httpClient, credential, [$"{root.Scheme}://{root.Authority}/.default"], baseUrl);
        }
    }

    public Task<DirectoryUser?> GetUserAsync(string aadObjectId, CancellationToken ct = default) =>
        CallAsync("GET /users/{id}", async () =>
        {
            var user = await client.Users[aadObjectId].GetAsync(r => r.QueryParameters.Select = Fields, ct);
            return ToDirectoryUser(user, allowContact: false);
        }, notFound: null);

    public Task<DirectoryUser?> GetManagerAsync(string aadObjectId, CancellationToken ct = default) =>
        CallAsync("GET /users/{id}/manager", async () =>
        {
            var manager = await client.Users[aadObjectId].Manager.GetAsync(r => r.QueryParameters.Select = Fields, ct);
            return ToDirectoryUser(manager, allowContact: true);
        }, notFound: null);

    public Task<IReadOnlyList<DirectoryUser>> ListGroupMembersAsync(string groupId, CancellationToken ct = default) =>
        CallAsync<IReadOnlyList<DirectoryUser>>("GET /groups/{id}/members", async () =>
        {
            var members = new List<DirectoryUser>();
            var seenLinks = new HashSet<string>(StringComparer.Ordinal);
            var page = await client.Groups[groupId].Members.GetAsync(r =>
            {
                r.QueryParameters.Select = Fields;
                r.QueryParameters.Top = 999;
            }, ct);

            while (page is not null)
            {
                members.AddRange((page.Value ?? []).Select(m => ToDirectoryUser(m, allowContact: false)).OfType<DirectoryUser>());
                var next = page.OdataNextLink;
                if (string.IsNullOrEmpty(next))
                {
                    break;
                }

                if (!seenLinks.Add(next))
                {
                    throw new InvalidOperationException("Microsoft Graph returned the same @odata.nextLink twice while listing group members.");
                }

                page = await client.Groups[groupId].Members.WithUrl(next).GetAsync(cancellationToken: ct);
            }

            return members;
        }, notFound: []);

    public void Dispose() => httpClient.Dispose();

    /// <summary>
    /// Sends one request with this reader's client (authentication, retries): the Teams app installer shares it.
    /// Other error answers than 429/503/504 reach the caller as the SDK's <see cref="ApiException"/>.
    /// </summary>
    /// <exception cref="GraphRetriesExhaustedException">Graph kept throttling or was unavailable after every retry.</exception>
    internal Task<T> SendAsync<T>(string operation, Func<GraphServiceClient, Task<T>> call) => SendCoreAsync(operation, () => call(client));

    private async Task<T> CallAsync<T>(string operation, Func<Task<T>> call, T notFound)
    {
        try
        {
            return await SendCoreAsync(operation, call);
        }
        catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return notFound;
        }
    }

    private async Task<T> SendCoreAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AggregateException e) when (e.InnerExceptions.LastOrDefault() is ApiException { ResponseStatusCode: var status } && IsRetryable(status))
        {
            // The retry handler ran out of retries.
            throw Exhausted(operation, status, e.InnerExceptions.Count - 1, e);
        }
        catch (ApiException e) when (IsRetryable(e.ResponseStatusCode))
        {
            // Retries were off, or their total wait would have exceeded MaxRetryWait.
            throw Exhausted(operation, e.ResponseStatusCode, retries: -1, e);
        }
    }

    private GraphRetriesExhaustedException Exhausted(string operation, int status, int retries, Exception inner)
    {
        var done = retries >= 0 ? $"after {retries} retries" : $"within the retry limits ({options.MaxRetries} retries, {options.MaxRetryWait} in all)";
        RetriesExhausted(logger, operation, status, done);
        return new GraphRetriesExhaustedException(
            $"Microsoft Graph still answered {status} ({(status == 429 ? "throttled" : "unavailable")}) to {operation} {done}. Try again later.",
            status, Math.Max(retries, 0), inner);
    }

    private bool ShouldRetry(int delay, int attempt, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (!IsRetryable(status))
        {
            return false;
        }

        if (attempt < options.MaxRetries)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
            Retrying(logger, status, attempt + 1, options.MaxRetries, retryAfter);
        }

        return true;
    }

    private static bool IsRetryable(int status) => status is 429 or 503 or 504;

    /// <summary>A user (typed by the SDK, or untyped as a directoryObject without <c>@odata.type</c>); an organisational contact only as a manager.</summary>
    private static DirectoryUser? ToDirectoryUser(DirectoryObject? entry, bool allowContact) => entry switch
    {
        null or { Id: null } => null,
        User u => new DirectoryUser(u.Id!, u.DisplayName ?? string.Empty, u.Mail, u.UserPrincipalName, u.Department, u.JobTitle, u.PreferredLanguage),
        OrgContact c when allowContact => new DirectoryUser(c.Id!, c.DisplayName ?? string.Empty, c.Mail, null, c.Department, c.JobTitle, null),
        _ when entry.GetType() == typeof(DirectoryObject) && entry.OdataType is null or UserType => new DirectoryUser(
            entry.Id!,
            Text(entry, "displayName") ?? string.Empty,
            Text(entry, "mail"),
            Text(entry, "userPrincipalName"),
            Text(entry, "department"),
            Text(entry, "jobTitle"),
            Text(entry, "preferredLanguage")),
        _ => null,
    };

    private static string? Text(IAdditionalDataHolder entry, string key) =>
        entry.AdditionalData.TryGetValue(key, out var value) ? value switch
        {
            string s => s,
            UntypedString u => u.GetValue(),
            _ => null,
        } : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft Graph answered {Status}; retry {Attempt} of {MaxRetries} (Retry-After: {RetryAfter} s)")]
    private static partial void Retrying(ILogger logger, int status, int attempt, int maxRetries, string retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft Graph still answered {Status} to {Operation} {Done}")]
    private static partial void RetriesExhausted(ILogger logger, string operation, int status, string done);
}
