using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.GraphDirectory;

/// <summary>The Microsoft Graph directory, bound from the <c>Graph</c> section (<c>Graph__ClientId</c>…). Secrets from the environment or user-secrets.</summary>
public sealed class GraphDirectoryOptions
{
    public const string SectionName = "Graph";

    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>The most retries the SDK's retry handler allows.</summary>
    public const int RetryLimit = 10;

    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Graph's root. A loopback address (tests, a local stand-in) is called without authentication.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The group whose direct members are IT directors (Bilgi İşlem Müdürü). Optional: without it the role is kept as stored.</summary>
    public string? ItDirectorGroupId { get; set; }

    /// <summary>The group whose direct members are IT technicians. Optional: without it the role is kept as stored.</summary>
    public string? ItTechniciansGroupId { get; set; }

    /// <summary>The group whose direct members are unit managers (müdürler). Optional: without it the role is kept as stored.</summary>
    public string? UnitManagersGroupId { get; set; }

    /// <summary>
    /// The bot's app in the organisation's Teams app catalog (the catalog id, not the manifest id), used to install
    /// the app for a person so the bot can write to them. Without it the app is never installed through Graph.
    /// </summary>
    public string? TeamsAppCatalogId { get; set; }

    /// <summary>How long the sync of a person writing for the first time may hold up their turn (default 3 s; Teams wants an answer within about 15 s).</summary>
    public TimeSpan FirstContactTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries of a throttled (429) or unavailable (503, 504) request, honouring <c>Retry-After</c> (0–10, default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The longest the retries of one request may wait in total before giving up (default 1 min).</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>True when <see cref="BaseUrl"/> is a loopback address, which is called without authentication.</summary>
    public bool IsLoopback => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;
}

internal sealed class GraphDirectoryOptionsValidator : IValidateOptions<GraphDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphDirectoryOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Graph:BaseUrl must be an absolute http(s) URL; it is '{options.BaseUrl}'.");
        }
        else if (!uri.IsLoopback)
        {
            if (uri.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add("Graph:BaseUrl must use https unless it is a loopback address.");
            }

            foreach (var (key, value) in new[] { ("TenantId", options.TenantId), ("ClientId", options.ClientId), ("ClientSecret", options.ClientSecret) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    failures.Add($"Graph:{key} is required to call {uri.Host}.");
                }
            }
        }

        if (options.MaxRetries is < 0 or > GraphDirectoryOptions.RetryLimit)
        {
            failures.Add($"Graph:MaxRetries must be between 0 and {GraphDirectoryOptions.RetryLimit}; it is {options.MaxRetries}.");
        }

        if (options.MaxRetryWait <= TimeSpan.Zero)
        {
            failures.Add("Graph:MaxRetryWait must be positive.");
        }

        if (options.FirstContactTimeout <= TimeSpan.Zero || options.FirstContactTimeout > TimeSpan.FromSeconds(10))
        {
            failures.Add($"Graph:FirstContactTimeout must be between 0 and 10 seconds (Teams expects an answer within about 15 s); it is {options.FirstContactTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
