namespace HelpdeskBot.Infrastructure.GraphDirectory;

/// <summary>A person as the organisation's directory (Microsoft Entra ID through Graph) describes them.</summary>
public sealed record DirectoryUser(
    string Id,
    string DisplayName,
    string? Mail,
    string? UserPrincipalName,
    string? Department,
    string? JobTitle,
    string? PreferredLanguage);

/// <summary>Reads people, managers and group members from the organisation's directory.</summary>
public interface IDirectorySource
{
    /// <summary>The user, or null when the directory does not know them (404).</summary>
    /// <exception cref="GraphRetriesExhaustedException">Graph kept throttling or was unavailable after every retry.</exception>
    Task<DirectoryUser?> GetUserAsync(string aadObjectId, CancellationToken ct = default);

    /// <summary>The user's manager, or null when the user has none (or is unknown: 404).</summary>
    /// <exception cref="GraphRetriesExhaustedException">Graph kept throttling or was unavailable after every retry.</exception>
    Task<DirectoryUser?> GetManagerAsync(string aadObjectId, CancellationToken ct = default);

    /// <summary>Every user who is a direct member of the group, across all pages. Members that are not users (groups, devices, apps) are left out.</summary>
    /// <exception cref="GraphRetriesExhaustedException">Graph kept throttling or was unavailable after every retry.</exception>
    Task<IReadOnlyList<DirectoryUser>> ListGroupMembersAsync(string groupId, CancellationToken ct = default);
}

/// <summary>Graph still answered 429 (throttled) or 503/504 after the configured retries, or their total wait ran out.</summary>
public sealed class GraphRetriesExhaustedException(string message, int statusCode, int retries, Exception? inner = null)
    : Exception(message, inner)
{
    public int StatusCode { get; } = statusCode;

    public int Retries { get; } = retries;
}
