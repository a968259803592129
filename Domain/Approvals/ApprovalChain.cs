namespace HelpdeskBot.Domain.Approvals;

/// <summary>
/// One step of an approval chain, kept as data per request type (table <c>ApprovalChainSteps</c>), so the directorate
/// can change who approves what without a new build. Steps run in <see cref="Order"/>.
/// </summary>
public sealed class ApprovalChainStep
{
    private ApprovalChainStep()
    {
    }

    public ApprovalChainStep(RequestType type, int order, ApproverKind approver, StepCondition when)
    {
        Type = type;
        Order = order;
        Approver = approver;
        When = when;
    }

    public int Id { get; private set; }
    public RequestType Type { get; private set; }
    public int Order { get; private set; }
    public ApproverKind Approver { get; private set; }
    public StepCondition When { get; private set; }

    public bool AppliesTo(bool purchase) => When == StepCondition.Always || purchase;
}

/// <summary>A substitute (vekil) who may act for an approver between two dates (inclusive, Istanbul calendar days).</summary>
public sealed class Substitution
{
    private Substitution()
    {
    }

    public Substitution(int principalId, int substituteId, DateOnly from, DateOnly to, int createdById, DateTimeOffset now)
    {
        if (principalId == substituteId)
        {
            throw new Common.DomainException(Common.DomainError.NotAllowed);
        }

        if (to < from)
        {
            throw new Common.DomainException(Common.DomainError.InvalidDateRange);
        }

        PrincipalId = principalId;
        SubstituteId = substituteId;
        From = from;
        To = to;
        CreatedById = createdById;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int PrincipalId { get; private set; }
    public int SubstituteId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public int CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsValidOn(DateTimeOffset nowUtc)
    {
        var today = DateOnly.FromDateTime(Common.Istanbul.ToLocal(nowUtc).DateTime);
        return today >= From && today <= To;
    }
}

/// <summary>The designated spending authority (harcama yetkilisi) of a unit's budget.</summary>
public sealed class SpendingAuthority
{
    private SpendingAuthority()
    {
    }

    public SpendingAuthority(int unitId, int personId)
    {
        UnitId = unitId;
        PersonId = personId;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public int PersonId { get; private set; }
}
