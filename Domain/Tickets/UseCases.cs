using System.Text.Json;
using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;

namespace HelpdeskBot.Domain.Tickets;

public sealed record FileTicketCommand(
    Person Requester,
    TicketTopic Topic,
    int? UnitId,
    int? LocationId,
    string? Device,
    int? AssetId,
    string Description,
    Urgency Urgency,
    IReadOnlyList<PrinterCheck> ChecksTried,
    string? SourceKey = null);

/// <summary>Files a new ticket with a number unique in its year, and queues its card for the IT channel.</summary>
public sealed class FileTicket(ITicketRepository tickets, IOutbox outbox, IUnitOfWork uow, TimeProvider clock)
{
    private const int MaxNumberAttempts = 8;

    public async Task<Ticket> ExecuteAsync(FileTicketCommand cmd, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var ticket = new Ticket(cmd.Requester, cmd.UnitId, cmd.LocationId, cmd.Topic, cmd.Device, cmd.AssetId, cmd.Description, cmd.Urgency, now,
            cmd.ChecksTried, cmd.SourceKey);
        tickets.Add(ticket);
        var year = Istanbul.Year(now);
        for (var attempt = 1; ; attempt++)
        {
            ticket.AssignNumber(year, await tickets.NextSequenceAsync(year, ct));
            try
            {
                if (attempt == 1)
                {
                    // Saved with the ticket, in one transaction: the card is posted even if the channel is down now.
                    outbox.Enqueue(new OutboxMessage(OutboxKind.TicketChannelCard, ticket, null, string.Empty, now));
                }

                await uow.SaveChangesAsync(ct);
                break;
            }
            catch (UniqueConflictException) when (attempt < MaxNumberAttempts)
            {
                // Another request took the same number between our read and our write: take the next one.
            }
        }

        return ticket;
    }
}

/// <summary>
/// Runs one change on a ticket: load, act, queue the channel card update and the requester notice, save.
/// On a concurrency conflict it reloads and decides again, so two technicians pressing together get one outcome.
/// </summary>
public sealed class TicketWorkflow(ITicketRepository tickets, IOutbox outbox, IUnitOfWork uow, TimeProvider clock)
{
    private const int MaxAttempts = 3;

    public async Task<TicketChange> ApplyAsync(int ticketId, Func<Ticket, DateTimeOffset, bool> action, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ticket = await tickets.FindAsync(ticketId, ct) ?? throw new DomainException(DomainError.TicketNotFound);
            var now = clock.GetUtcNow();
            var before = ticket.History.Count;
            if (!action(ticket, now))
            {
                return new TicketChange(ticket, false);
            }

            QueueMessages(ticket, ticket.History.Skip(before).ToList(), now);

            try
            {
                await uow.SaveChangesAsync(ct);
                return new TicketChange(ticket, true);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                uow.Reset();
            }
        }
    }

    /// <summary>One channel card update for the change (the card shows the state at send time), and a notice to the requester per event of someone else's.</summary>
    private void QueueMessages(Ticket ticket, IReadOnlyList<TicketEvent> events, DateTimeOffset now)
    {
        outbox.Enqueue(new OutboxMessage(OutboxKind.TicketChannelCard, ticket, null, string.Empty, now));
        foreach (var e in events.Where(e => e.ActorId != ticket.RequesterId && e.Kind is not (TicketEventKind.Created or TicketEventKind.ConsumableReplaced)))
        {
            var payload = JsonSerializer.Serialize(new TicketNotice(e.Kind, e.ActorId, e.Detail));
            outbox.Enqueue(new OutboxMessage(OutboxKind.RequesterNotice, ticket, ticket.RequesterId, payload, now));
        }
    }
}

public sealed record TicketChange(Ticket Ticket, bool Changed);

public sealed class ClaimTicket(TicketWorkflow workflow)
{
    public Task<TicketChange> ExecuteAsync(int ticketId, Person by, CancellationToken ct = default) =>
        workflow.ApplyAsync(ticketId, (t, now) => t.Claim(by, now), ct);
}

public sealed class PutTicketOnHold(TicketWorkflow workflow)
{
    public Task<TicketChange> ExecuteAsync(int ticketId, Person by, string? reason, CancellationToken ct = default) =>
        workflow.ApplyAsync(ticketId, (t, now) => t.PutOnHold(by, reason, now), ct);
}

public sealed class ResumeTicket(TicketWorkflow workflow)
{
    public Task<TicketChange> ExecuteAsync(int ticketId, Person by, CancellationToken ct = default) =>
        workflow.ApplyAsync(ticketId, (t, now) => t.Resume(by, now), ct);
}

public sealed class HandOverTicket(TicketWorkflow workflow, IDirectory directory)
{
    public async Task<TicketChange> ExecuteAsync(int ticketId, Person by, int toPersonId, CancellationToken ct = default)
    {
        var to = await directory.FindAsync(toPersonId, ct) ?? throw new DomainException(DomainError.PersonNotFound);
        return await workflow.ApplyAsync(ticketId, (t, now) => t.HandOver(by, to, now), ct);
    }
}

/// <summary>Resolves a ticket; for a printer, optionally records the toner/cartridge replaced against the printer.</summary>
public sealed class ResolveTicket(TicketWorkflow workflow, IAssetRepository assets)
{
    public async Task<TicketChange> ExecuteAsync(int ticketId, Person by, string? note, string? replacedCartridge, CancellationToken ct = default)
    {
        var cartridge = string.IsNullOrWhiteSpace(replacedCartridge) ? null : TextRules.Require(replacedCartridge, TextRules.MaxShortText);
        return await workflow.ApplyAsync(ticketId, (t, now) =>
        {
            if (!t.Resolve(by, note, now))
            {
                return false;
            }

            if (cartridge is not null && t.AssetId is { } assetId)
            {
                t.RecordConsumableReplacement(by, cartridge, now);
                assets.Add(new ConsumableReplacement(assetId, cartridge, by.Id, t.Id, now));
            }

            return true;
        }, ct);
    }
}

public sealed class ConfirmResolution(TicketWorkflow workflow)
{
    public Task<TicketChange> ExecuteAsync(int ticketId, Person by, int? rating, CancellationToken ct = default) =>
        workflow.ApplyAsync(ticketId, (t, now) => t.Confirm(by, rating, now), ct);
}

public sealed class RateTicket(TicketWorkflow workflow)
{
    public Task<TicketChange> ExecuteAsync(int ticketId, Person by, int rating, CancellationToken ct = default) =>
        workflow.ApplyAsync(ticketId, (t, now) => t.Rate(by, rating, now), ct);
}

public sealed class ReopenTicket(TicketWorkflow workflow)
{
    public Task<TicketChange> ExecuteAsync(int ticketId, Person by, string? reason, CancellationToken ct = default) =>
        workflow.ApplyAsync(ticketId, (t, now) => t.Reopen(by, reason, now), ct);
}

public sealed class CancelTicket(TicketWorkflow workflow)
{
    public Task<TicketChange> ExecuteAsync(int ticketId, Person by, string? reason, CancellationToken ct = default) =>
        workflow.ApplyAsync(ticketId, (t, now) => t.Cancel(by, reason, now), ct);
}

public sealed class AddTicketNote(TicketWorkflow workflow)
{
    public Task<TicketChange> ExecuteAsync(int ticketId, Person by, string? note, CancellationToken ct = default) =>
        workflow.ApplyAsync(ticketId, (t, now) =>
        {
            t.AddNote(by, note, now);
            return true;
        }, ct);
}

/// <summary>Records that a self-check solved the problem, so IT is not bothered and deflection can be counted.</summary>
public sealed class RecordSelfResolution(ITicketRepository tickets, IUnitOfWork uow, TimeProvider clock)
{
    public async Task ExecuteAsync(Person by, TicketTopic topic, PrinterCheck check, int? assetId, CancellationToken ct = default)
    {
        tickets.Add(new SelfResolution(by.Id, topic, check, assetId, clock.GetUtcNow()));
        await uow.SaveChangesAsync(ct);
    }
}
