namespace HelpdeskBot.Bot.Hosting;

/// <summary>The host's log messages. Staff-typed text and personal data only at Debug; never tokens.</summary>
public static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Bot authentication is OFF: no app id is configured. Accepting unauthenticated requests on {Urls} (Development only).")]
    public static partial void AuthenticationOff(this ILogger logger, string urls);

    [LoggerMessage(2, LogLevel.Error, "Unhandled error in a turn ({ActivityType}, conversation {ConversationId})")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string? activityType, string? conversationId);

    [LoggerMessage(3, LogLevel.Information, "Skipped a repeated activity {Key} ({Result})")]
    public static partial void DuplicateActivity(this ILogger logger, string key, string result);

    [LoggerMessage(4, LogLevel.Debug, "Message from {PersonId}: {Text}")]
    public static partial void MessageText(this ILogger logger, int personId, string text);

    [LoggerMessage(5, LogLevel.Information, "Card action {Verb} by person {PersonId} on ticket {TicketId}: {Outcome}")]
    public static partial void CardAction(this ILogger logger, string verb, int personId, int ticketId, string outcome);

    [LoggerMessage(6, LogLevel.Information, "IT channel set to {ConversationId} by person {PersonId}")]
    public static partial void ItChannelSet(this ILogger logger, string conversationId, int personId);

    [LoggerMessage(7, LogLevel.Information, "Outbox message {MessageId} ({Kind}) delivered")]
    public static partial void OutboxDelivered(this ILogger logger, long messageId, string kind);

    [LoggerMessage(8, LogLevel.Warning, "Outbox message {MessageId} ({Kind}) failed with {Status}; attempt {Attempt}, next at {NextAttempt}")]
    public static partial void OutboxFailed(this ILogger logger, Exception? exception, long messageId, string kind, int? status, int attempt, DateTimeOffset nextAttempt);

    [LoggerMessage(9, LogLevel.Warning, "Outbox message {MessageId}: person {PersonId} is unreachable (403); not retrying")]
    public static partial void OutboxUnreachable(this ILogger logger, long messageId, int? personId);

    [LoggerMessage(10, LogLevel.Information, "Outbox message {MessageId} ({Kind}) deferred: {Reason}")]
    public static partial void OutboxDeferred(this ILogger logger, long messageId, string kind, string reason);

    [LoggerMessage(11, LogLevel.Error, "Outbox sender loop failed")]
    public static partial void OutboxLoopFailed(this ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Information, "New person registered from Teams: {PersonId}")]
    public static partial void PersonRegistered(this ILogger logger, int personId);

    [LoggerMessage(13, LogLevel.Warning, "Could not send {Count} replies to person {PersonId} in the turn; queued them in the outbox")]
    public static partial void RepliesQueued(this ILogger logger, Exception exception, int count, int personId);

    [LoggerMessage(60, LogLevel.Information, "Request action {Verb} by person {PersonId} on request {RequestId}: {Outcome}")]
    public static partial void RequestAction(this ILogger logger, string verb, int personId, int requestId, string outcome);

    [LoggerMessage(61, LogLevel.Information, "Approval reminders: {Reminded} reminded, {Escalated} escalated")]
    public static partial void ApprovalReminders(this ILogger logger, int reminded, int escalated);
}
