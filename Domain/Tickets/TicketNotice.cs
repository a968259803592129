namespace HelpdeskBot.Domain.Tickets;

/// <summary>The payload of a requester notice in the outbox: which change to tell about.</summary>
public sealed record TicketNotice(TicketEventKind Kind, int ActorId, string? Detail);
