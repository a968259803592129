namespace HelpdeskBot.Bot.Hosting;

/// <summary>
/// The bot's Azure registration (section "Bot"). All three set: every request is authenticated. None set: the host
/// accepts unauthenticated requests, but only in Development and only on loopback addresses. Anything else refuses to start.
/// Secrets come from environment variables (Bot__AppPassword) or user-secrets, never from a committed file.
/// </summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    public string? AppId { get; set; }
    public string? AppPassword { get; set; }
    public string? TenantId { get; set; }

    /// <summary>The IT channel's language for its cards (the channel is shared, so no user locale applies).</summary>
    public string ChannelLocale { get; set; } = "tr-TR";

    public bool IsAuthenticated => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>Null when the combination may start, else why not.</summary>
    public string? Validate(bool isDevelopment, IReadOnlyList<string> urls)
    {
        var set = new[] { AppId, AppPassword, TenantId }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (set == 3)
        {
            return null;
        }

        if (set > 0)
        {
            return "Bot authentication is half configured: set all of Bot__AppId, Bot__AppPassword and Bot__TenantId, or none of them for local development.";
        }

        if (!isDevelopment)
        {
            return "No bot credentials (Bot__AppId, Bot__AppPassword, Bot__TenantId) are configured. Unauthenticated mode is allowed only with ASPNETCORE_ENVIRONMENT=Development.";
        }

        var exposed = urls.Where(u => !IsLoopback(u)).ToList();
        return exposed.Count == 0
            ? null
            : $"No bot credentials are configured, so the bot may listen only on localhost, but it is configured for: {string.Join(", ", exposed)}.";
    }

    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
    }
}
