using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Cards.Tickets;

/// <summary>Everything a ticket card shows, with names already resolved. Built by the host from the ticket and the directory.</summary>
public sealed record TicketView(
    int Id,
    string Number,
    TicketStatus Status,
    TicketTopic Topic,
    Urgency Urgency,
    string RequesterName,
    string? UnitName,
    string? LocationName,
    string? Device,
    string Description,
    string? AssigneeName,
    string? PendingReason,
    string? ResolutionNote,
    int? Rating,
    DateTimeOffset CreatedAt,
    IReadOnlyList<PrinterCheck> ChecksTried,
    IReadOnlyList<TicketHistoryLine> History,
    string? CartridgeModel,
    IReadOnlyList<PersonOption> Technicians);

public sealed record TicketHistoryLine(DateTimeOffset At, string ActorName, TicketEventKind Kind, string? Detail);

public sealed record PersonOption(int Id, string Name);

/// <summary>The data of every ticket button. Teams merges the card's inputs into it, so their ids are fields here too.</summary>
public sealed record TicketActionData(int TicketId)
{
    public string? Reason { get; init; }
    public string? Note { get; init; }
    public string? Assignee { get; init; }
    public string? Cartridge { get; init; }
    public string? Rating { get; init; }
}

public static class TicketVerbs
{
    public const string Claim = "ticket.claim";
    public const string Hold = "ticket.hold";
    public const string Resume = "ticket.resume";
    public const string HandOver = "ticket.handover";
    public const string Resolve = "ticket.resolve";
    public const string Confirm = "ticket.confirm";
    public const string Reopen = "ticket.reopen";
    public const string Note = "ticket.note";
    public const string Cancel = "ticket.cancel";
    public const string Show = "ticket.show";
    public const string SetItChannel = "channel.set";

    public static readonly IReadOnlySet<string> ItOnly = new HashSet<string>(StringComparer.Ordinal) { Claim, Hold, Resume, HandOver, Resolve };
}
