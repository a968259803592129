namespace HelpdeskBot.Domain.Tickets;

public enum TicketTopic
{
    Printer = 0,
    Computer = 1,
    Network = 2,
    Email = 3,
    Software = 4,
    Ebys = 5,
    EBelediye = 6,
    Camera = 7,
    Phone = 8,
    Other = 9,

    /// <summary>Opened by the backup checks, not offered to staff.</summary>
    Backup = 10,
}

public enum Urgency
{
    Low = 0,
    Normal = 1,
    High = 2,
    Critical = 3,
}

public enum TicketStatus
{
    New = 0,
    Assigned = 1,
    Pending = 2,
    Resolved = 3,
    Closed = 4,
    Cancelled = 5,
    Reopened = 6,
}

public enum TicketEventKind
{
    Created = 0,
    Claimed = 1,
    PutOnHold = 2,
    Resumed = 3,
    HandedOver = 4,
    Resolved = 5,
    Confirmed = 6,
    Reopened = 7,
    Cancelled = 8,
    NoteAdded = 9,
    Rated = 10,
    ConsumableReplaced = 11,
}

/// <summary>The printer self-checks, in the order the directorate's chart lists them.</summary>
public enum PrinterCheck
{
    Toner = 0,
    Cable = 1,
    Offline = 2,
    Cleaning = 3,
    Power = 4,
    PaperJam = 5,
}
