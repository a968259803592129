using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.GraphDirectory;

/// <summary>Refreshes one person of the local directory from the organisation's directory, e.g. right after they wrote for the first time.</summary>
public interface IDirectoryRefresher
{
    /// <summary>
    /// Syncs the person; never throws for a directory failure or a timeout (they are logged), only when
    /// <paramref name="ct"/> itself is cancelled.
    /// </summary>
    /// <returns>true when the person's row changed (reload it to see the change).</returns>
    Task<bool> RefreshAsync(string aadObjectId, CancellationToken ct);
}

/// <summary>No organisation directory is configured: the local directory is the only one.</summary>
public sealed class NoDirectoryRefresher : IDirectoryRefresher
{
    public Task<bool> RefreshAsync(string aadObjectId, CancellationToken ct) => Task.FromResult(false);
}

/// <summary>
/// Syncs one person from Microsoft Graph in its own scope (its own database context, so a failure leaves the caller's
/// unit of work untouched), bounded by <see cref="GraphDirectoryOptions.FirstContactTimeout"/>.
/// </summary>
public sealed partial class GraphDirectoryRefresher(IServiceScopeFactory scopes, IOptions<GraphDirectoryOptions> options, ILogger<GraphDirectoryRefresher> logger)
    : IDirectoryRefresher
{
    public async Task<bool> RefreshAsync(string aadObjectId, CancellationToken ct)
    {
        var timeout = options.Value.FirstContactTimeout;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<GraphDirectorySync>().SyncPersonAsync(aadObjectId, bounded.Token);
            return result == PersonSyncResult.Updated;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            TimedOut(logger, timeout.TotalSeconds);
            return false;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A directory failure must never fail the person's turn: the daily sync will catch up.
            Failed(logger, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft Graph did not answer within {Seconds} s while syncing a new person; the daily directory sync will fill them in")]
    private static partial void TimedOut(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing a new person from Microsoft Graph failed; the daily directory sync will fill them in")]
    private static partial void Failed(ILogger logger, Exception exception);
}
