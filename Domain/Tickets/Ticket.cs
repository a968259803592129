using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;

namespace HelpdeskBot.Domain.Tickets;

/// <summary>
/// A fault or help request (arıza / yardım talebi). Its state changes only through the methods below,
/// which refuse a transition that makes no sense and append an event to the history.
/// </summary>
public sealed class Ticket
{
    private readonly List<TicketEvent> history = [];

    private Ticket()
    {
    }

    public Ticket(Person requester, int? unitId, int? locationId, TicketTopic topic, string? device, int? assetId,
        string description, Urgency urgency, DateTimeOffset now, IReadOnlyCollection<PrinterCheck>? checksTried = null, string? sourceKey = null)
    {
        SourceKey = sourceKey;
        ChecksTried = checksTried is { Count: > 0 } ? string.Join(',', checksTried.Distinct()) : null;
        RequesterId = requester.Id;
        UnitId = unitId;
        LocationId = locationId;
        Topic = topic;
        Device = string.IsNullOrWhiteSpace(device) ? null : TextRules.Require(device, TextRules.MaxShortText);
        AssetId = assetId;
        Description = TextRules.Require(description, TextRules.MaxDescription);
        Urgency = urgency;
        Status = TicketStatus.New;
        CreatedAt = now;
        UpdatedAt = now;
        Append(requester.Id, TicketEventKind.Created, TicketStatus.New, TicketStatus.New, null, now);
    }

    public int Id { get; private set; }
    public string Number { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    public int RequesterId { get; private set; }
    public int? UnitId { get; private set; }
    public int? LocationId { get; private set; }
    public TicketTopic Topic { get; private set; }
    public string? Device { get; private set; }
    public int? AssetId { get; private set; }
    public string Description { get; private set; } = string.Empty;
    public Urgency Urgency { get; private set; }
    public TicketStatus Status { get; private set; }
    public int? AssigneeId { get; private set; }
    public string? PendingReason { get; private set; }
    public string? ResolutionNote { get; private set; }
    public int? Rating { get; private set; }

    /// <summary>The self-checks the requester went through before filing (comma-separated <see cref="PrinterCheck"/> names).</summary>
    public string? ChecksTried { get; private set; }

    /// <summary>What opened the ticket, when it was not a person (e.g. "monitor:Cameras:3"): one open ticket per source.</summary>
    public string? SourceKey { get; private set; }

    public IReadOnlyList<PrinterCheck> ChecksTriedList =>
        ChecksTried is null ? [] : ChecksTried.Split(',').Select(Enum.Parse<PrinterCheck>).ToList();
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The Teams activity id of the ticket's card in the IT channel, once posted.</summary>
    public string? ChannelActivityId { get; private set; }
    public string? ChannelConversationId { get; private set; }

    /// <summary>Optimistic concurrency token: bumped on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<TicketEvent> History => history;

    public bool IsOpen => Status is TicketStatus.New or TicketStatus.Assigned or TicketStatus.Pending or TicketStatus.Reopened;

    public static string FormatNumber(int year, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"BT-{year}-{sequence:0000}");

    public void AssignNumber(int year, int sequence)
    {
        Year = year;
        Sequence = sequence;
        Number = FormatNumber(year, sequence);
    }

    public void RecordChannelPost(string conversationId, string activityId)
    {
        ChannelConversationId = conversationId;
        ChannelActivityId = activityId;
    }

    /// <summary>Claims the ticket. Claiming one's own ticket again changes nothing (a Teams retry or a double press).</summary>
    public bool Claim(Person by, DateTimeOffset now)
    {
        RequireIt(by);
        if (Status == TicketStatus.Assigned && AssigneeId == by.Id)
        {
            return false;
        }

        if (Status is TicketStatus.Assigned or TicketStatus.Pending && AssigneeId is not null && AssigneeId != by.Id)
        {
            throw new DomainException(DomainError.AlreadyClaimed, AssigneeId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        RequireStatus(TicketStatus.New, TicketStatus.Reopened);
        AssigneeId = by.Id;
        Move(by, TicketEventKind.Claimed, TicketStatus.Assigned, null, now);
        return true;
    }

    public bool PutOnHold(Person by, string? reason, DateTimeOffset now)
    {
        RequireIt(by);
        var text = RequireText(reason, DomainError.ReasonRequired);
        if (Status == TicketStatus.Pending && PendingReason == text)
        {
            return false;
        }

        RequireStatus(TicketStatus.Assigned, TicketStatus.Pending);
        PendingReason = text;
        Move(by, TicketEventKind.PutOnHold, TicketStatus.Pending, text, now);
        return true;
    }

    public bool Resume(Person by, DateTimeOffset now)
    {
        RequireIt(by);
        if (Status == TicketStatus.Assigned)
        {
            return false;
        }

        RequireStatus(TicketStatus.Pending);
        PendingReason = null;
        Move(by, TicketEventKind.Resumed, TicketStatus.Assigned, null, now);
        return true;
    }

    public bool HandOver(Person by, Person to, DateTimeOffset now)
    {
        RequireIt(by);
        if (!to.IsItStaff)
        {
            throw new DomainException(DomainError.HandOverTargetNotIt, to.DisplayName);
        }

        if (AssigneeId == to.Id)
        {
            return false; // already theirs: nothing to hand over (and a hold is not silently lifted)
        }

        RequireStatus(TicketStatus.New, TicketStatus.Assigned, TicketStatus.Pending, TicketStatus.Reopened);
        AssigneeId = to.Id;
        PendingReason = null;
        Move(by, TicketEventKind.HandedOver, TicketStatus.Assigned, to.DisplayName, now);
        return true;
    }

    /// <summary>Resolves with a note. From New or Reopened the resolver also becomes the assignee.</summary>
    public bool Resolve(Person by, string? note, DateTimeOffset now)
    {
        RequireIt(by);
        var text = RequireText(note, DomainError.NoteRequired);
        if (Status == TicketStatus.Resolved)
        {
            return false;
        }

        RequireStatus(TicketStatus.New, TicketStatus.Assigned, TicketStatus.Pending, TicketStatus.Reopened);
        AssigneeId ??= by.Id;
        if (Status is TicketStatus.New or TicketStatus.Reopened)
        {
            AssigneeId = by.Id;
        }

        PendingReason = null;
        ResolutionNote = text;
        ResolvedAt = now;
        Move(by, TicketEventKind.Resolved, TicketStatus.Resolved, text, now);
        return true;
    }

    public void RecordConsumableReplacement(Person by, string cartridgeModel, DateTimeOffset now)
    {
        RequireIt(by);
        Append(by.Id, TicketEventKind.ConsumableReplaced, Status, Status, cartridgeModel, now);
        Touch(now);
    }

    /// <summary>The requester confirms the resolution, optionally with a rating. Closes the ticket.</summary>
    public bool Confirm(Person by, int? rating, DateTimeOffset now)
    {
        RequireRequester(by);
        if (Status == TicketStatus.Closed)
        {
            return false;
        }

        RequireStatus(TicketStatus.Resolved);
        if (rating is not null)
        {
            Rate(by, rating.Value, now);
        }

        Move(by, TicketEventKind.Confirmed, TicketStatus.Closed, null, now);
        return true;
    }

    public bool Rate(Person by, int rating, DateTimeOffset now)
    {
        RequireRequester(by);
        if (rating is < 1 or > 5)
        {
            throw new DomainException(DomainError.RatingOutOfRange);
        }

        RequireStatus(TicketStatus.Resolved, TicketStatus.Closed);
        if (Rating == rating)
        {
            return false;
        }

        Rating = rating;
        Append(by.Id, TicketEventKind.Rated, Status, Status, rating.ToString(System.Globalization.CultureInfo.InvariantCulture), now);
        Touch(now);
        return true;
    }

    public bool Reopen(Person by, string? reason, DateTimeOffset now)
    {
        RequireRequester(by);
        var text = RequireText(reason, DomainError.ReasonRequired);
        if (Status == TicketStatus.Reopened)
        {
            return false;
        }

        RequireStatus(TicketStatus.Resolved);
        ResolutionNote = null;
        ResolvedAt = null;
        Move(by, TicketEventKind.Reopened, TicketStatus.Reopened, text, now);
        return true;
    }

    public bool Cancel(Person by, string? reason, DateTimeOffset now)
    {
        RequireRequester(by);
        if (Status == TicketStatus.Cancelled)
        {
            return false;
        }

        RequireStatus(TicketStatus.New, TicketStatus.Assigned, TicketStatus.Pending, TicketStatus.Reopened);
        var text = string.IsNullOrWhiteSpace(reason) ? null : TextRules.Require(reason, TextRules.MaxShortText);
        Move(by, TicketEventKind.Cancelled, TicketStatus.Cancelled, text, now);
        return true;
    }

    /// <summary>A note by the requester or by IT staff on an open or resolved ticket.</summary>
    public void AddNote(Person by, string? note, DateTimeOffset now)
    {
        if (by.Id != RequesterId && !by.IsItStaff)
        {
            throw new DomainException(DomainError.NotAllowed);
        }

        var text = TextRules.Require(note, TextRules.MaxDescription);
        RequireStatus(TicketStatus.New, TicketStatus.Assigned, TicketStatus.Pending, TicketStatus.Reopened, TicketStatus.Resolved);
        Append(by.Id, TicketEventKind.NoteAdded, Status, Status, text, now);
        Touch(now);
    }

    private static string RequireText(string? text, DomainError whenMissing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException(whenMissing);
        }

        return TextRules.Require(text, TextRules.MaxShortText);
    }

    private static void RequireIt(Person by)
    {
        if (!by.IsItStaff)
        {
            throw new DomainException(DomainError.NotItStaff, by.DisplayName);
        }
    }

    private void RequireRequester(Person by)
    {
        if (by.Id != RequesterId)
        {
            throw new DomainException(DomainError.NotRequester);
        }
    }

    private void RequireStatus(params TicketStatus[] allowed)
    {
        if (Array.IndexOf(allowed, Status) < 0)
        {
            throw new DomainException(DomainError.InvalidTransition, Status.ToString());
        }
    }

    private void Move(Person by, TicketEventKind kind, TicketStatus to, string? detail, DateTimeOffset now)
    {
        var from = Status;
        Status = to;
        Append(by.Id, kind, from, to, detail, now);
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void Append(int actorId, TicketEventKind kind, TicketStatus from, TicketStatus to, string? detail, DateTimeOffset now) =>
        history.Add(new TicketEvent(actorId, kind, from, to, detail, now));
}

/// <summary>One line of a ticket's history: who, when, what.</summary>
public sealed class TicketEvent
{
    private TicketEvent()
    {
    }

    public TicketEvent(int actorId, TicketEventKind kind, TicketStatus fromStatus, TicketStatus toStatus, string? detail, DateTimeOffset at)
    {
        ActorId = actorId;
        Kind = kind;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Detail = detail;
        At = at;
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    public int ActorId { get; private set; }
    public TicketEventKind Kind { get; private set; }
    public TicketStatus FromStatus { get; private set; }
    public TicketStatus ToStatus { get; private set; }
    public string? Detail { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>A request the staff member solved alone with a self-check: counted for the deflection rate, never sent to IT.</summary>
public sealed class SelfResolution
{
    private SelfResolution()
    {
    }

    public SelfResolution(int personId, TicketTopic topic, PrinterCheck solvedBy, int? assetId, DateTimeOffset at)
    {
        PersonId = personId;
        Topic = topic;
        SolvedBy = solvedBy;
        AssetId = assetId;
        At = at;
    }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public TicketTopic Topic { get; private set; }
    public PrinterCheck SolvedBy { get; private set; }
    public int? AssetId { get; private set; }
    public DateTimeOffset At { get; private set; }
}
