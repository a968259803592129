namespace HelpdeskBot.Domain.Common;

/// <summary>What a refused operation was refused for. The presentation layers turn a code into words in the user's language.</summary>
public enum DomainError
{
    NotAllowed,
    InvalidTransition,
    AlreadyClaimed,
    ReasonRequired,
    NoteRequired,
    RatingOutOfRange,
    NotItStaff,
    HandOverTargetNotIt,
    UnidentifiedSender,
    NotRequester,
    TicketNotFound,
    PersonNotFound,
    TextTooLong,
    TextEmpty,
    InvalidDateRange,
    AmountInvalid,
    RequestNotFound,
    NotCurrentApprover,
    AlreadyDecided,
    CommentRequired,
    NoApprover,
    NoItems,
    QuantityInvalid,
    AssetNotFound,
    AssetTagTaken,
    BudgetLineRequired,
    OwnRequest,
    StepNotCurrent,
    TooManyTags,
    BudgetLineNotThisYear,
}

/// <summary>A business rule refused an operation. <see cref="Args"/> carries what the message needs (e.g. who holds a claim).</summary>
public sealed class DomainException(DomainError error, params string[] args)
    : Exception($"{error}: {string.Join(", ", args)}")
{
    public DomainError Error { get; } = error;
    public IReadOnlyList<string> Args { get; } = args;
}

/// <summary>Someone else changed the same row first (optimistic concurrency). Use cases reload and decide again.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
