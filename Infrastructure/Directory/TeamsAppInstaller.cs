using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HelpdeskBot.Infrastructure.GraphDirectory;

/// <summary>
/// Installs the bot's Teams app for a person, so the bot can write to someone who never wrote to it. Teams then sends
/// the bot an <c>installationUpdate</c>/<c>conversationUpdate</c> for the new personal chat, which stores the conversation.
/// </summary>
public interface IPersonalChatInstaller
{
    /// <summary>
    /// True when the app is installed for the person now (also when it already was); false when it cannot be installed
    /// (not configured, no permission, unknown person or app). Reasons are logged.
    /// </summary>
    /// <exception cref="GraphRetriesExhaustedException">Graph kept throttling or was unavailable: try again later.</exception>
    Task<bool> InstallForAsync(string aadObjectId, CancellationToken ct);
}

/// <summary>No Graph installation configured: a person who never wrote to the bot cannot be reached.</summary>
public sealed class NoPersonalChatInstaller : IPersonalChatInstaller
{
    public Task<bool> InstallForAsync(string aadObjectId, CancellationToken ct) => Task.FromResult(false);
}

/// <summary>
/// <c>POST /users/{id}/teamwork/installedApps</c> with <c>{"teamsApp@odata.bind": "{Graph}/appCatalogs/teamsApps/{TeamsAppCatalogId}"}</c>
/// ("Install app for user"; application permission <c>TeamsAppInstallation.ReadWriteForUser.All</c>, or
/// <c>TeamsAppInstallation.ReadWriteSelfForUser.All</c> when the Graph app registration is the bot's own).
/// 201 Created and 409 Conflict (already installed) are true; 400, 403 (permission not granted, or the app blocked by
/// policy) and 404 (unknown person, or the app not in the catalog) are false and logged as errors, because only an
/// administrator can fix them; 429/503/504 after the retries throw <see cref="GraphRetriesExhaustedException"/>;
/// any other error answer throws the SDK's <see cref="ApiException"/>.
/// </summary>
public sealed partial class GraphPersonalChatInstaller(GraphDirectoryReader graph, IOptions<GraphDirectoryOptions> options, ILogger<GraphPersonalChatInstaller> logger)
    : IPersonalChatInstaller
{
    private const string BindKey = "teamsApp@odata.bind";

    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    /// <summary>The catalog app's address in the <c>teamsApp@odata.bind</c> body, on the configured Graph root.</summary>
    public static string TeamsAppBinding(GraphDirectoryOptions options) =>
        $"{options.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{Uri.EscapeDataString(options.TeamsAppCatalogId?.Trim() ?? string.Empty)}";

    public async Task<bool> InstallForAsync(string aadObjectId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.TeamsAppCatalogId))
        {
            return false;
        }

        // Exactly the documented body. The SDK's model would add "@odata.type" (and a null one when cleared), so the
        // request is built by the SDK and only its content replaced.
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { [BindKey] = TeamsAppBinding(o) });
        try
        {
            await graph.SendAsync("POST /users/{id}/teamwork/installedApps", async client =>
            {
                var request = client.Users[aadObjectId].Teamwork.InstalledApps.ToPostRequestInformation(new UserScopeTeamsAppInstallation());
                request.SetStreamContent(new MemoryStream(body), "application/json");
                await client.RequestAdapter.SendNoContentAsync(request, ErrorMapping, ct);
                return true;
            });
            Installed(logger, aadObjectId);
            return true;
        }
        catch (ApiException e) when (e.ResponseStatusCode == 409)
        {
            AlreadyInstalled(logger, aadObjectId);
            return true;
        }
        catch (ApiException e) when (e.ResponseStatusCode is 400 or 403 or 404)
        {
            NotInstalled(logger, aadObjectId, e.ResponseStatusCode, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installed the Teams app for {AadObjectId}")]
    private static partial void Installed(ILogger logger, string aadObjectId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Teams app was already installed for {AadObjectId} (409)")]
    private static partial void AlreadyInstalled(ILogger logger, string aadObjectId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not install the Teams app for {AadObjectId}: Microsoft Graph answered {Status} ({Reason}). Check Graph:TeamsAppCatalogId, the TeamsAppInstallation permission and its admin consent, and the Teams app permission policies")]
    private static partial void NotInstalled(ILogger logger, string aadObjectId, int status, string reason);
}
