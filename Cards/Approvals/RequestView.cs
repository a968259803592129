using HelpdeskBot.Cards.Tickets;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Cards.Approvals;

/// <summary>Everything a request's card shows, with the names resolved.</summary>
public sealed record RequestView(
    int Id,
    string Number,
    RequestType Type,
    RequestStatus Status,
    Urgency Urgency,
    string RequesterName,
    string? UnitName,
    ChangeKind? Kind,
    IReadOnlyList<RequestLine> Lines,
    string Justification,
    string? ReplacedAsset,
    Assessment? Assessment,
    string? AssessmentNote,
    decimal Total,
    BudgetLineView? BudgetLine,
    DirectPurchaseWarning? DirectPurchase,
    IReadOnlyList<StepView> Steps,
    int? CurrentStep,
    RequestStatus? NextStage,
    bool CanWithdraw,
    string? DeliverySlip,
    DateTimeOffset CreatedAt)
{
    /// <summary>Teams user ids (not AAD ids) whose clients fetch their own view of the card (at most 60).</summary>
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];

    /// <summary>For IT's forms: the budget lines an assessment may charge, and who a delivered item may be entrusted to.</summary>
    public IReadOnlyList<BudgetLineView> BudgetLines { get; init; } = [];
    public IReadOnlyList<PersonOption> Holders { get; init; } = [];
    public int RequesterId { get; init; }

    /// <summary>What became of the replaced asset once the request was delivered.</summary>
    public ReplacedAssetFate? ReplacedFate { get; init; }

    /// <summary>What delivery handed over: "PC-0100 · Dell OptiPlex 7020 → Ayşe Yılmaz".</summary>
    public IReadOnlyList<string> DeliveredAssets { get; init; } = [];
}

public sealed record BudgetLineView(int Id, string Label, decimal Appropriation, decimal Committed, decimal Spent)
{
    public decimal Remaining => Appropriation - Committed - Spent;
}

public sealed record StepView(int Order, IReadOnlyList<ApproverKind> Capacities, string ApproverName, StepState State, string? DecidedByName,
    string? OnBehalfOfName, DateTimeOffset? DecidedAt, string? Comment, string? EscalatedToName);

/// <summary>Who looks at the card decides what it offers. Worked out on the server for every view and every press.</summary>
public sealed record RequestViewer(bool CanDecide, bool IsRequester, bool IsIt);

/// <summary>The data of every request button. Teams merges the card's inputs into it, so their ids are fields here too.</summary>
public sealed record RequestActionData(int RequestId)
{
    public int? Step { get; init; }
    public string? To { get; init; }
    public string? Comment { get; init; }
    public string? Reason { get; init; }
    public string? Assessment { get; init; }
    public string? Cost { get; init; }
    public string? BudgetLine { get; init; }
    public string? Note { get; init; }
    public string? Tags { get; init; }
    public string? Model { get; init; }
    public string? Holder { get; init; }
    public string? Fate { get; init; }
    public string? Slip { get; init; }
    public string? Amount { get; init; }
}

public static class RequestVerbs
{
    public const string Refresh = "request.refresh";
    public const string Approve = "request.approve";
    public const string Reject = "request.reject";
    public const string Withdraw = "request.withdraw";
    public const string Assess = "request.assess";
    public const string Deliver = "request.deliver";
    public const string Advance = "request.advance";

    public static bool IsRequestVerb(string verb) => verb.StartsWith("request.", StringComparison.Ordinal);
}
