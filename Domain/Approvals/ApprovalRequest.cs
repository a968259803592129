using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Domain.Approvals;

/// <summary>What the 22/d check said when the expenditure was made: the limit that applied, over it, or looking split to stay under it.</summary>
public sealed record DirectPurchaseWarning(decimal? Limit, bool OverLimit, bool LooksSplit);

/// <summary>One item asked for: what, how many, and (for a purchase) the estimated unit price.</summary>
public sealed record RequestLine(string Description, int Quantity, decimal? UnitPrice)
{
    public const int MaxQuantity = 10_000;

    public decimal? Amount => UnitPrice * Quantity;
}

/// <summary>
/// A change request (değişim talebi) or a directorate expenditure (müdürlük harcaması), taken through its approval
/// chain and then to delivery or payment. Every state change goes through a method that checks who may do it and
/// appends an audit record; the records are never changed afterwards.
/// </summary>
public sealed class ApprovalRequest
{
    private readonly List<ApprovalStep> steps = [];
    private readonly List<DecisionRecord> decisions = [];
    private List<RequestLine> lines = [];

    private ApprovalRequest()
    {
    }

    private ApprovalRequest(RequestType type, Person requester, int? unitId, IReadOnlyList<RequestLine> items, string justification, Urgency urgency, DateTimeOffset now)
    {
        if (items.Count == 0)
        {
            throw new DomainException(DomainError.NoItems);
        }

        foreach (var item in items)
        {
            if (item.Quantity is < 1 or > RequestLine.MaxQuantity)
            {
                throw new DomainException(DomainError.QuantityInvalid);
            }

            if (item.UnitPrice is <= 0)
            {
                throw new DomainException(DomainError.AmountInvalid);
            }
        }

        Type = type;
        RequesterId = requester.Id;
        UnitId = unitId;
        lines = items.Select(i => i with { Description = TextRules.Require(i.Description, TextRules.MaxShortText) }).ToList();
        Justification = TextRules.Require(justification, TextRules.MaxDescription);
        Urgency = urgency;
        CreatedAt = now;
        UpdatedAt = now;
        Record(DecisionKind.Submitted, requester.Id, null, null, null, now);
    }

    public static ApprovalRequest NewChange(Person requester, int? unitId, ChangeKind kind, IReadOnlyList<RequestLine> items, string justification,
        int? replacedAssetId, Urgency urgency, DateTimeOffset now) =>
        new(RequestType.Change, requester, unitId, items, justification, urgency, now)
        {
            Kind = kind,
            ReplacedAssetId = kind == ChangeKind.Replacement ? replacedAssetId : null,
            Status = RequestStatus.AwaitingAssessment,
        };

    /// <summary>An expenditure on a budget line; its total must fit in what remains of the line (checked again at approval).</summary>
    public static ApprovalRequest NewExpenditure(Person requester, BudgetLine line, IReadOnlyList<RequestLine> items, string justification,
        Urgency urgency, DirectPurchaseWarning directPurchase, DateTimeOffset now)
    {
        if (items.Any(i => i.UnitPrice is null))
        {
            throw new DomainException(DomainError.AmountInvalid);
        }

        var request = new ApprovalRequest(RequestType.Expenditure, requester, line.UnitId, items, justification, urgency, now)
        {
            BudgetLineId = line.Id,
            Status = RequestStatus.AwaitingApproval,
        };
        line.EnsureCovers(request.Total);
        request.DirectPurchaseLimit = directPurchase.Limit;
        request.OverDirectPurchaseLimit = directPurchase.OverLimit;
        request.LooksSplit = directPurchase.LooksSplit;
        return request;
    }

    public int Id { get; private set; }
    public string Number { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    public RequestType Type { get; private set; }
    public int RequesterId { get; private set; }
    public int? UnitId { get; private set; }
    public RequestStatus Status { get; private set; }
    public Urgency Urgency { get; private set; }
    public string Justification { get; private set; } = string.Empty;
    public IReadOnlyList<RequestLine> Lines => lines;

    public ChangeKind? Kind { get; private set; }
    public int? ReplacedAssetId { get; private set; }
    public Assessment? Assessment { get; private set; }
    public string? AssessmentNote { get; private set; }

    /// <summary>The IT technician's estimate for a change request that needs a purchase.</summary>
    public decimal? EstimatedCost { get; private set; }

    public int? BudgetLineId { get; private set; }

    /// <summary>What is committed on the budget line for this request (set at final approval, moved to spent when paid).</summary>
    public decimal? CommittedAmount { get; private set; }

    /// <summary>The 22/d limit that applied when the request was made, and the warnings it raised (never a refusal).</summary>
    public decimal? DirectPurchaseLimit { get; private set; }
    public bool OverDirectPurchaseLimit { get; private set; }
    public bool LooksSplit { get; private set; }

    /// <summary>The taşınır işlem fişi (TİF) number recorded at delivery.</summary>
    public string? DeliverySlip { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token: two approvers pressing at once yield one outcome.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ApprovalStep> Steps => steps;
    public IReadOnlyList<DecisionRecord> Decisions => decisions;

    public bool IsPurchase => Type == RequestType.Expenditure || Assessment == Approvals.Assessment.Purchase;

    /// <summary>The amount the request spends: the lines' total for an expenditure, the estimate for a change purchase.</summary>
    public decimal Total => Type == RequestType.Expenditure ? lines.Sum(l => l.Amount ?? 0) : EstimatedCost ?? 0;

    public ApprovalStep? CurrentStep => Status == RequestStatus.AwaitingApproval ? steps.FirstOrDefault(s => s.State == StepState.Pending) : null;

    public bool IsClosed => Status is RequestStatus.Rejected or RequestStatus.Withdrawn or RequestStatus.Repaired or RequestStatus.Paid
        || (Type == RequestType.Change && Status == RequestStatus.Delivered);

    public bool CanWithdraw => Status is RequestStatus.AwaitingAssessment or RequestStatus.AwaitingApproval or RequestStatus.Approved;

    public static string FormatNumber(RequestType type, int year, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(type == RequestType.Change ? "DT" : "HT")}-{year}-{sequence:0000}");

    public void AssignNumber(int year, int sequence)
    {
        Year = year;
        Sequence = sequence;
        Number = FormatNumber(Type, year, sequence);
    }

    /// <summary>The IT technician's finding. A repair ends the request; stock or purchase starts the approval chain (the caller resolves the approvers).</summary>
    public void Assess(Person by, Assessment assessment, decimal? estimatedCost, BudgetLine? line, string? note, DateTimeOffset now)
    {
        if (!by.IsItStaff)
        {
            throw new DomainException(DomainError.NotItStaff, by.DisplayName);
        }

        if (Type != RequestType.Change || Status != RequestStatus.AwaitingAssessment)
        {
            throw new DomainException(DomainError.AlreadyDecided, Status.ToString());
        }

        if (assessment == Approvals.Assessment.Purchase)
        {
            if (estimatedCost is not > 0)
            {
                throw new DomainException(DomainError.AmountInvalid);
            }

            if (line is null)
            {
                throw new DomainException(DomainError.BudgetLineRequired);
            }

            if (line.Year != Istanbul.Year(now))
            {
                throw new DomainException(DomainError.BudgetLineNotThisYear, line.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            line.EnsureCovers(estimatedCost.Value);
            EstimatedCost = estimatedCost;
            BudgetLineId = line.Id;
        }

        Assessment = assessment;
        AssessmentNote = string.IsNullOrWhiteSpace(note) ? null : TextRules.Require(note, TextRules.MaxShortText);
        if (assessment == Approvals.Assessment.Repair)
        {
            Status = RequestStatus.Repaired;
        }

        Record(DecisionKind.Assessed, by.Id, null, AssessmentNote, assessment.ToString(), now);
    }

    /// <summary>
    /// Lays out the chain: one step per approver, in order. Consecutive capacities held by one person are one step
    /// (one press); a step whose approver is the requester is skipped and recorded. Returns true when nothing was left
    /// to approve (the request is approved at once).
    /// </summary>
    public bool StartChain(IReadOnlyList<(ApproverKind Kind, int ApproverId)> chain, DateTimeOffset now)
    {
        if (steps.Count > 0 || chain.Count == 0)
        {
            throw new DomainException(DomainError.InvalidTransition, Status.ToString());
        }

        Status = RequestStatus.AwaitingApproval;
        foreach (var (kind, approverId) in chain)
        {
            if (steps.LastOrDefault() is { } last && last.ApproverId == approverId)
            {
                last.AddCapacity(kind);
                continue;
            }

            steps.Add(new ApprovalStep(steps.Count + 1, kind, approverId));
        }

        return ActivateNext(now);
    }

    /// <summary>Who may decide the current step: the approver, their valid substitute (vekil), or the manager it was escalated to. Null: nobody of these.</summary>
    /// <returns>the person acted for (the approver) when the presser is a substitute or the escalation manager; the presser's own id otherwise.</returns>
    public int? ActingFor(Person presser, IEnumerable<Substitution> substitutionsOfApprover, DateTimeOffset now)
    {
        if (CurrentStep is not { } step)
        {
            return null;
        }

        if (presser.Id == step.ApproverId)
        {
            return step.ApproverId;
        }

        var substitute = substitutionsOfApprover.Any(s => s.PrincipalId == step.ApproverId && s.SubstituteId == presser.Id && s.IsValidOn(now));
        return substitute || presser.Id == step.EscalatedToId ? step.ApproverId : null;
    }

    /// <summary>
    /// An approver's decision on step <paramref name="stepOrder"/> (the step the pressed card showed). A card pressed
    /// after the step was decided (elsewhere, or a second press) changes nothing and returns false.
    /// </summary>
    public bool Decide(Person presser, int stepOrder, bool approve, string? comment, IEnumerable<Substitution> substitutionsOfApprover, DateTimeOffset now)
    {
        if (CurrentStep is not { } step || stepOrder is > 0 && stepOrder < step.Order)
        {
            return false; // decided before this press
        }

        if (stepOrder != step.Order)
        {
            throw new DomainException(DomainError.StepNotCurrent); // a step not reached yet, or none at all: not from a real card
        }

        if (presser.Id == RequesterId)
        {
            throw new DomainException(DomainError.OwnRequest); // not even as a substitute or the manager it was escalated to
        }

        var actingFor = ActingFor(presser, substitutionsOfApprover, now)
            ?? throw new DomainException(DomainError.NotCurrentApprover, presser.DisplayName);
        var text = string.IsNullOrWhiteSpace(comment) ? null : TextRules.Require(comment, TextRules.MaxShortText);
        if (!approve && text is null)
        {
            throw new DomainException(DomainError.CommentRequired);
        }

        var onBehalfOf = actingFor == presser.Id ? (int?)null : actingFor;
        step.Decide(approve ? StepState.Approved : StepState.Rejected, presser.Id, onBehalfOf, text, now);
        Record(approve ? DecisionKind.Approved : DecisionKind.Rejected, presser.Id, onBehalfOf, text, step.Capacities, now, step.Order);
        if (!approve)
        {
            Status = RequestStatus.Rejected;
            SkipRemaining(now);
            return true;
        }

        ActivateNext(now);
        return true;
    }

    /// <summary>The budget commitment taken at final approval.</summary>
    public void RecordCommitment(decimal amount) => CommittedAmount = amount;

    /// <summary>The requester takes the request back while it waits or before anything was bought or delivered. Returns the commitment to release, if any.</summary>
    public decimal? Withdraw(Person by, string? reason, DateTimeOffset now)
    {
        if (by.Id != RequesterId)
        {
            throw new DomainException(DomainError.NotRequester);
        }

        if (!CanWithdraw)
        {
            throw new DomainException(DomainError.InvalidTransition, Status.ToString());
        }

        Status = RequestStatus.Withdrawn;
        SkipRemaining(now);
        Record(DecisionKind.Withdrawn, by.Id, null, string.IsNullOrWhiteSpace(reason) ? null : TextRules.Require(reason, TextRules.MaxShortText), null, now);
        var release = CommittedAmount;
        CommittedAmount = null;
        return release;
    }

    /// <summary>
    /// The next stage of an approved expenditure (price research → order → delivery → acceptance → payment order → paid),
    /// recorded by IT (the gerçekleştirme görevlisi). Only the next stage is accepted; a request still waiting for approval
    /// cannot move on.
    /// </summary>
    public void AdvanceStage(Person by, RequestStatus to, string? note, DateTimeOffset now)
    {
        if (!by.IsItStaff)
        {
            throw new DomainException(DomainError.NotItStaff, by.DisplayName);
        }

        if (Type != RequestType.Expenditure || NextStage != to)
        {
            throw new DomainException(DomainError.InvalidTransition, Status.ToString());
        }

        Status = to;
        Record(DecisionKind.StageAdvanced, by.Id, null, string.IsNullOrWhiteSpace(note) ? null : TextRules.Require(note, TextRules.MaxShortText), to.ToString(), now);
    }

    /// <summary>The stage an expenditure can move to next, if any.</summary>
    public RequestStatus? NextStage => Type != RequestType.Expenditure ? null : Status switch
    {
        RequestStatus.Approved => RequestStatus.PriceResearch,
        RequestStatus.PriceResearch => RequestStatus.Ordered,
        RequestStatus.Ordered => RequestStatus.Delivered,
        RequestStatus.Delivered => RequestStatus.Accepted,
        RequestStatus.Accepted => RequestStatus.PaymentOrdered,
        RequestStatus.PaymentOrdered => RequestStatus.Paid,
        _ => null,
    };

    /// <summary>A change request's items were handed over (the caller creates the asset records). Only an approved request can be delivered.</summary>
    public void Deliver(Person by, string? slip, string detail, DateTimeOffset now)
    {
        if (!by.IsItStaff)
        {
            throw new DomainException(DomainError.NotItStaff, by.DisplayName);
        }

        if (Type != RequestType.Change || Status != RequestStatus.Approved)
        {
            throw new DomainException(DomainError.InvalidTransition, Status.ToString());
        }

        Status = RequestStatus.Delivered;
        DeliverySlip = string.IsNullOrWhiteSpace(slip) ? null : TextRules.Require(slip, 50);
        Record(DecisionKind.Delivered, by.Id, null, DeliverySlip, detail, now);
    }

    /// <summary>The approver was reminded of the waiting step (recorded once per step).</summary>
    public void MarkReminded(DateTimeOffset now)
    {
        if (CurrentStep is { RemindedAt: null } step)
        {
            step.MarkReminded(now);
            Record(DecisionKind.Reminded, step.ApproverId, null, null, null, now, step.Order);
        }
    }

    /// <summary>The waiting step is escalated to the approver's manager, who may then decide it on the approver's behalf.</summary>
    public void Escalate(int managerId, DateTimeOffset now)
    {
        if (CurrentStep is { EscalatedToId: null } step && managerId != step.ApproverId)
        {
            step.EscalateTo(managerId, now);
            Record(DecisionKind.Escalated, managerId, step.ApproverId, null, null, now, step.Order);
        }
    }

    /// <summary>Everyone who takes part: the requester, and each approver reached so far (with whoever they were escalated to).</summary>
    public IReadOnlyList<int> Participants() =>
        [RequesterId, .. steps.Where(s => s.ActivatedAt is not null).SelectMany(s => s.EscalatedToId is { } m ? new[] { s.ApproverId, m } : [s.ApproverId])];

    private bool ActivateNext(DateTimeOffset now)
    {
        foreach (var step in steps.Where(s => s.State == StepState.Waiting))
        {
            if (step.ApproverId == RequesterId)
            {
                // The requester does not approve their own request: the step is recorded as not needed.
                step.Skip(now);
                Record(DecisionKind.Skipped, RequesterId, null, null, step.Capacities, now, step.Order);
                continue;
            }

            step.Activate(now);
            Touch(now);
            return false;
        }

        Status = RequestStatus.Approved;
        Touch(now);
        return true;
    }

    private void SkipRemaining(DateTimeOffset now)
    {
        foreach (var step in steps.Where(s => s.State is StepState.Waiting or StepState.Pending))
        {
            step.Skip(now);
        }

        Touch(now);
    }

    private void Record(DecisionKind kind, int actorId, int? onBehalfOfId, string? comment, string? detail, DateTimeOffset now, int? stepOrder = null)
    {
        decisions.Add(new DecisionRecord(this, stepOrder, kind, actorId, onBehalfOfId, comment, detail, now));
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>One step of a request's chain, with its approver resolved and, once decided, the decision.</summary>
public sealed class ApprovalStep
{
    private ApprovalStep()
    {
    }

    internal ApprovalStep(int order, ApproverKind kind, int approverId)
    {
        Order = order;
        Capacities = kind.ToString();
        ApproverId = approverId;
    }

    public int Id { get; private set; }
    public int Order { get; private set; }

    /// <summary>The capacities the approver acts in, comma-separated <see cref="ApproverKind"/> names (one person may hold two).</summary>
    public string Capacities { get; private set; } = string.Empty;
    public int ApproverId { get; private set; }
    public StepState State { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public int? EscalatedToId { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public int? DecidedById { get; private set; }
    public int? OnBehalfOfId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Comment { get; private set; }

    public IReadOnlyList<ApproverKind> Kinds => Capacities.Split(',').Select(Enum.Parse<ApproverKind>).ToList();

    internal void AddCapacity(ApproverKind kind) => Capacities += "," + kind;

    internal void Activate(DateTimeOffset now)
    {
        State = StepState.Pending;
        ActivatedAt = now;
    }

    internal void Skip(DateTimeOffset now)
    {
        State = StepState.Skipped;
        DecidedAt = now;
    }

    internal void Decide(StepState outcome, int by, int? onBehalfOf, string? comment, DateTimeOffset now)
    {
        State = outcome;
        DecidedById = by;
        OnBehalfOfId = onBehalfOf;
        Comment = comment;
        DecidedAt = now;
    }

    internal void MarkReminded(DateTimeOffset now) => RemindedAt = now;

    internal void EscalateTo(int managerId, DateTimeOffset now)
    {
        EscalatedToId = managerId;
        EscalatedAt = now;
    }
}

/// <summary>
/// An audit record: who did what to a request, on whose behalf, when, and with what comment. Append-only: the
/// database refuses to change or delete one (see the DbContext).
/// </summary>
public sealed class DecisionRecord
{
    private DecisionRecord()
    {
    }

    internal DecisionRecord(ApprovalRequest request, int? stepOrder, DecisionKind kind, int actorId, int? onBehalfOfId, string? comment, string? detail, DateTimeOffset at)
    {
        Request = request;
        StepOrder = stepOrder;
        Kind = kind;
        ActorId = actorId;
        OnBehalfOfId = onBehalfOfId;
        Comment = comment;
        Detail = detail;
        At = at;
    }

    public long Id { get; private set; }
    public int RequestId { get; private set; }
    public ApprovalRequest? Request { get; private set; }
    public int? StepOrder { get; private set; }
    public DecisionKind Kind { get; private set; }
    public int ActorId { get; private set; }
    public int? OnBehalfOfId { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>Machine-readable detail: the capacities decided in, the assessment, the stage reached.</summary>
    public string? Detail { get; private set; }
    public DateTimeOffset At { get; private set; }
}
