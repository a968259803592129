namespace HelpdeskBot.Domain.Approvals;

/// <summary>The two kinds of request that go through an approval chain.</summary>
public enum RequestType
{
    /// <summary>Bilgisayar / donanım / yazılım değişim talebi: a unit asks for a device or software.</summary>
    Change = 0,

    /// <summary>Müdürlük harcaması: the IT directorate spends from one of its budget lines.</summary>
    Expenditure = 1,
}

public enum ChangeKind
{
    NewComputer = 0,
    Replacement = 1,
    Peripheral = 2,
    SoftwareLicence = 3,
    SoftwareInstallation = 4,
}

/// <summary>What the IT technician found the request needs.</summary>
public enum Assessment
{
    Repair = 0,
    FromStock = 1,
    Purchase = 2,
}

public enum RequestStatus
{
    AwaitingAssessment = 0,
    AwaitingApproval = 1,
    Approved = 2,
    PriceResearch = 3,
    Ordered = 4,
    Delivered = 5,
    Accepted = 6,
    PaymentOrdered = 7,
    Paid = 8,
    Rejected = 20,
    Withdrawn = 21,

    /// <summary>The IT technician found the device can be repaired: no new item, no approvals.</summary>
    Repaired = 22,
}

/// <summary>Who approves a step, resolved from the directory when the step starts.</summary>
public enum ApproverKind
{
    /// <summary>Birim müdürü: the manager of the requester's unit.</summary>
    UnitManager = 0,

    /// <summary>Bilgi İşlem Müdürü.</summary>
    ItDirector = 1,

    /// <summary>Harcama yetkilisi (Law 5018): the designated spending authority of the budget's unit.</summary>
    SpendingAuthority = 2,
}

/// <summary>When a chain step applies.</summary>
public enum StepCondition
{
    Always = 0,

    /// <summary>Only when money is spent: a change request assessed as a purchase, or any expenditure.</summary>
    PurchaseOnly = 1,
}

public enum StepState
{
    Waiting = 0,
    Pending = 1,
    Approved = 2,
    Rejected = 3,

    /// <summary>Not needed: the approver is the requester, or the request ended before the step was reached.</summary>
    Skipped = 4,
}

/// <summary>What an audit record says happened.</summary>
public enum DecisionKind
{
    Submitted = 0,
    Assessed = 1,
    Approved = 2,
    Rejected = 3,
    Skipped = 4,
    Withdrawn = 5,
    Reminded = 6,
    Escalated = 7,
    StageAdvanced = 8,
    Delivered = 9,
}

/// <summary>What happens to the asset a replacement replaces.</summary>
public enum ReplacedAssetFate
{
    ReturnToStock = 0,
    Scrap = 1,
}
