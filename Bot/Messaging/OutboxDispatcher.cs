using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Bot.Messaging;

/// <summary>
/// The background sender: leases due outbox messages (so two hosts never send the same one), delivers each, and
/// saves each outcome before the next, so a crash resends at most the message in flight.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchOnceAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.OutboxLoopFailed(ex);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over the due messages. Returns how many it leased.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var delivery = scope.ServiceProvider.GetRequiredService<OutboxDelivery>();
        var batch = await store.LeaseDueAsync(owner, options.Value.BatchSize, Lease, ct);
        var cardsDone = new HashSet<int>();
        foreach (var message in batch)
        {
            // Channel cards render the ticket's state at send time: one update per ticket per pass is enough.
            if (message.Kind == Domain.Messaging.OutboxKind.TicketChannelCard && message.TicketId is { } ticketId && !cardsDone.Add(ticketId))
            {
                message.MarkSent(clock.GetUtcNow());
            }
            else
            {
                await delivery.DeliverAsync(message, ct);
            }

            await store.SaveAsync(ct);
        }

        return batch.Count;
    }
}
