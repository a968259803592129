using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Domain.Messaging;

public enum OutboxKind
{
    /// <summary>Post the ticket's card to the IT channel, or update it in place once posted. Rendered from the ticket's state at send time.</summary>
    TicketChannelCard = 0,

    /// <summary>Tell the requester, in their personal chat, that their ticket changed.</summary>
    RequesterNotice = 1,

    /// <summary>A plain text to the IT channel.</summary>
    ChannelText = 2,

    /// <summary>Replies of a turn that could not be sent while the turn ran (the connector failed after the change was saved).</summary>
    PersonalReplies = 3,

    /// <summary>A card to the IT channel, rendered when queued (the daily status, a monitoring change).</summary>
    ChannelCard = 4,

    /// <summary>
    /// Bring every copy of a request's card up to date, and post it to whoever must now see it (the IT channel, the
    /// requester, the current approver, their substitutes, the manager it was escalated to). Rendered at send time, per viewer.
    /// </summary>
    RequestCards = 5,

    /// <summary>A short notice about a request to one person (a decision on their request, a reminder); payload <see cref="RequestNotice"/>.</summary>
    RequestNotice = 6,
}

/// <summary>What a request notice says: what happened, who did it, and their comment.</summary>
/// <param name="Status">the request's status right after the decision, so a notice sent late still tells what it was then.</param>
public sealed record RequestNotice(DecisionKind Kind, int ActorId, string? Comment, string? Detail = null, RequestStatus? Status = null);

/// <summary>A copy of a request's card the bot posted in a conversation, so a change updates it in place.</summary>
public sealed class RequestCardPost
{
    private RequestCardPost()
    {
    }

    public RequestCardPost(int requestId, string conversationId, int? personId, string activityId, DateTimeOffset now)
    {
        RequestId = requestId;
        ConversationId = conversationId;
        PersonId = personId;
        ActivityId = activityId;
        PostedAt = now;
    }

    public int Id { get; private set; }
    public int RequestId { get; private set; }
    public string ConversationId { get; private set; } = string.Empty;

    /// <summary>The person whose personal chat holds the copy; null for the IT channel.</summary>
    public int? PersonId { get; private set; }
    public string ActivityId { get; private set; } = string.Empty;
    public DateTimeOffset PostedAt { get; private set; }
}

public enum OutboxState
{
    Pending = 0,
    Sent = 1,
    Dead = 2,
    Unreachable = 3,
}

/// <summary>
/// A proactive message that must reach Teams once. Written in the same transaction as the change that caused it;
/// a background sender delivers it with retries.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    /// <param name="ticket">the ticket concerned; a new ticket gets its id when the transaction commits.</param>
    public OutboxMessage(OutboxKind kind, Ticket? ticket, int? recipientPersonId, string payload, DateTimeOffset now)
    {
        Kind = kind;
        Ticket = ticket;
        TicketId = ticket is { Id: > 0 } ? ticket.Id : null;
        RecipientPersonId = recipientPersonId;
        Payload = payload;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <param name="request">the request concerned; a new request gets its id when the transaction commits.</param>
    public static OutboxMessage ForRequest(OutboxKind kind, ApprovalRequest request, int? recipientPersonId, string payload, DateTimeOffset now) =>
        new(kind, null, recipientPersonId, payload, now)
        {
            Request = request,
            RequestId = request.Id > 0 ? request.Id : null,
        };

    public long Id { get; private set; }
    public OutboxKind Kind { get; private set; }
    public int? RequestId { get; private set; }
    public ApprovalRequest? Request { get; private set; }
    public int? TicketId { get; private set; }
    public Ticket? Ticket { get; private set; }
    public int? RecipientPersonId { get; private set; }
    public string Payload { get; private set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public OutboxState State { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Which sender instance holds the message, and until when (a lease, so two hosts never send the same message).</summary>
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }

    public void Lease(string owner, DateTimeOffset until)
    {
        LeaseOwner = owner;
        LeaseUntil = until;
    }

    public void MarkSent(DateTimeOffset now)
    {
        State = OutboxState.Sent;
        SentAt = now;
        LeaseOwner = null;
        LeaseUntil = null;
    }

    public void MarkUnreachable(string error, DateTimeOffset now)
    {
        State = OutboxState.Unreachable;
        LastError = error;
        SentAt = now;
        LeaseOwner = null;
        LeaseUntil = null;
    }

    /// <summary>Schedules the next try. After <paramref name="maxAttempts"/> the message is dead and kept for inspection.</summary>
    public void MarkFailed(string error, DateTimeOffset nextAttempt, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = nextAttempt;
        LeaseOwner = null;
        LeaseUntil = null;
        if (Attempts >= maxAttempts)
        {
            State = OutboxState.Dead;
        }
    }

    /// <summary>The recipient became reachable (they installed the app / opened the chat): try again now.</summary>
    public void Wake(DateTimeOffset now)
    {
        if (State == OutboxState.Pending && NextAttemptAt > now)
        {
            NextAttemptAt = now;
        }
    }

    /// <summary>The target is not reachable yet (e.g. no IT channel set): wait without spending an attempt.</summary>
    public void Defer(string reason, DateTimeOffset nextAttempt)
    {
        LastError = reason;
        NextAttemptAt = nextAttempt;
        LeaseOwner = null;
        LeaseUntil = null;
    }
}

public enum ConversationKind
{
    Personal = 0,
    Channel = 1,
}

/// <summary>A stored Bot Framework conversation reference, so the bot can write first (proactive messages).</summary>
public sealed class ConversationRecord
{
    private ConversationRecord()
    {
    }

    public ConversationRecord(ConversationKind kind, string conversationId, int? personId, string referenceJson, DateTimeOffset now)
    {
        Kind = kind;
        ConversationId = conversationId;
        PersonId = personId;
        ReferenceJson = referenceJson;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public ConversationKind Kind { get; private set; }
    public string ConversationId { get; private set; } = string.Empty;
    public int? PersonId { get; private set; }
    public string ReferenceJson { get; private set; } = string.Empty;
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Refresh(string referenceJson, DateTimeOffset now)
    {
        ReferenceJson = referenceJson;
        UpdatedAt = now;
    }
}

/// <summary>The IT team channel where tickets are posted. One row; setting it again replaces it.</summary>
public sealed class ItChannel
{
    public const int SingletonId = 1;

    private ItChannel()
    {
    }

    public ItChannel(string conversationId, string? teamId, string? channelName, int setByPersonId, DateTimeOffset now)
    {
        Id = SingletonId;
        Set(conversationId, teamId, channelName, setByPersonId, now);
    }

    public int Id { get; private set; }
    public string ConversationId { get; private set; } = string.Empty;
    public string? TeamId { get; private set; }
    public string? ChannelName { get; private set; }
    public int SetByPersonId { get; private set; }
    public DateTimeOffset SetAt { get; private set; }

    public void Set(string conversationId, string? teamId, string? channelName, int setByPersonId, DateTimeOffset now)
    {
        ConversationId = conversationId;
        TeamId = teamId;
        ChannelName = channelName;
        SetByPersonId = setByPersonId;
        SetAt = now;
    }
}

/// <summary>An inbound activity already taken in hand: a Teams retry of it is answered without acting twice.</summary>
public sealed class ProcessedActivity
{
    private ProcessedActivity()
    {
    }

    public ProcessedActivity(string key, DateTimeOffset now)
    {
        Key = key;
        ReceivedAt = now;
    }

    public string Key { get; private set; } = string.Empty;
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public void Complete(DateTimeOffset now) => CompletedAt = now;
}

/// <summary>The state of the dialog a conversation is in, as a versioned JSON document.</summary>
public sealed class DialogStateRecord
{
    private DialogStateRecord()
    {
    }

    public DialogStateRecord(string conversationId, string dialogName, int stateVersion, string stateJson, DateTimeOffset now)
    {
        ConversationId = conversationId;
        Update(dialogName, stateVersion, stateJson, now);
    }

    public string ConversationId { get; private set; } = string.Empty;
    public string DialogName { get; private set; } = string.Empty;
    public int StateVersion { get; private set; }
    public string StateJson { get; private set; } = string.Empty;
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token: two turns of one conversation racing cannot both act on the same state.</summary>
    public int Revision { get; private set; }

    public void Update(string dialogName, int stateVersion, string stateJson, DateTimeOffset now)
    {
        Revision++;
        DialogName = dialogName;
        StateVersion = stateVersion;
        StateJson = stateJson;
        UpdatedAt = now;
    }
}
