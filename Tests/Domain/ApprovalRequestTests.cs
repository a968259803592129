using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Tests.Domain;

public sealed class ApprovalRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Person Requester = Make(1, Role.Staff);
    private static readonly Person Manager = Make(2, Role.UnitManager);
    private static readonly Person Director = Make(3, Role.ItDirector);
    private static readonly Person Technician = Make(4, Role.ItTechnician);
    private static readonly Person Substitute = Make(5, Role.Staff);
    private static readonly Person DeputyMayor = Make(6, Role.UnitManager);

    [Fact]
    public void Chain_SamePersonInConsecutiveCapacities_IsOneStep()
    {
        var r = Assessed(Assessment.Purchase);
        r.StartChain([(ApproverKind.UnitManager, Manager.Id), (ApproverKind.ItDirector, Director.Id), (ApproverKind.SpendingAuthority, Director.Id)], Now);

        Assert.Equal(2, r.Steps.Count);
        Assert.Equal([ApproverKind.ItDirector, ApproverKind.SpendingAuthority], r.Steps[1].Kinds);
        Assert.Equal(1, r.CurrentStep!.Order);
    }

    [Fact]
    public void Chain_StepWhoseApproverIsTheRequester_IsSkippedAndRecorded()
    {
        var r = ApprovalRequest.NewChange(Manager, 1, ChangeKind.NewComputer, [new RequestLine("Dizüstü", 1, null)], "Saha çalışması için", null, Urgency.Normal, Now);
        r.Assess(Technician, Assessment.FromStock, null, null, null, Now);
        r.StartChain([(ApproverKind.UnitManager, Manager.Id), (ApproverKind.ItDirector, Director.Id)], Now);

        Assert.Equal(StepState.Skipped, r.Steps[0].State);
        Assert.Equal(2, r.CurrentStep!.Order);
        Assert.Contains(r.Decisions, d => d.Kind == DecisionKind.Skipped && d.StepOrder == 1);
    }

    [Fact]
    public void Decide_ByTheApprover_MovesOn_AndTheLastApprovalApproves()
    {
        var r = Waiting();
        Assert.True(r.Decide(Manager, 1, true, "uygun", [], Now));
        Assert.Equal(2, r.CurrentStep!.Order);
        Assert.True(r.Decide(Director, 2, true, null, [], Now));
        Assert.Equal(RequestStatus.Approved, r.Status);
        Assert.Null(r.CurrentStep);
    }

    [Fact]
    public void Decide_OnAStepAlreadyDecided_ChangesNothing()
    {
        var r = Waiting();
        r.Decide(Manager, 1, true, null, [], Now);
        var decisions = r.Decisions.Count;

        Assert.False(r.Decide(Manager, 1, false, "tekrar", [], Now));
        Assert.Equal(decisions, r.Decisions.Count);
        Assert.Equal(StepState.Approved, r.Steps[0].State);
    }

    [Fact]
    public void Decide_ByAnyoneElse_IsRefused()
    {
        var r = Waiting();
        foreach (var p in new[] { Director, Technician, Substitute })
        {
            var ex = Assert.Throws<DomainException>(() => r.Decide(p, 1, true, null, [], Now));
            Assert.Equal(DomainError.NotCurrentApprover, ex.Error);
        }

        Assert.Equal(StepState.Pending, r.Steps[0].State);
    }

    [Fact]
    public void Decide_ByTheRequester_IsRefused_EvenAsTheApproversSubstituteOrTheEscalationManager()
    {
        var r = Waiting();
        var today = DateOnly.FromDateTime(Istanbul.ToLocal(Now).DateTime);
        var requesterAsSubstitute = new Substitution(Manager.Id, Requester.Id, today.AddDays(-1), today.AddDays(1), Manager.Id, Now);
        Assert.Equal(DomainError.OwnRequest, Assert.Throws<DomainException>(() => r.Decide(Requester, 1, true, null, [requesterAsSubstitute], Now)).Error);

        r.Escalate(Requester.Id, Now);
        Assert.Equal(DomainError.OwnRequest, Assert.Throws<DomainException>(() => r.Decide(Requester, 1, true, null, [], Now)).Error);
        Assert.Equal(StepState.Pending, r.Steps[0].State);
        Assert.DoesNotContain(r.Decisions, d => d.Kind == DecisionKind.Approved);
    }

    [Theory]
    [InlineData(2)] // not reached yet
    [InlineData(0)]
    [InlineData(-1)]
    public void Decide_OnAStepThatIsNotCurrent_IsRefusedAsSuch(int step)
    {
        var r = Waiting();

        Assert.Equal(DomainError.StepNotCurrent, Assert.Throws<DomainException>(() => r.Decide(Director, step, true, null, [], Now)).Error);
        Assert.Equal(1, r.CurrentStep!.Order);
    }

    [Fact]
    public void Assess_WithABudgetLineOfAnotherYear_IsRefused()
    {
        var r = ApprovalRequest.NewChange(Requester, 1, ChangeKind.NewComputer, [new RequestLine("Dizüstü", 1, null)], "Saha çalışması için", null, Urgency.Normal, Now);
        var nextYear = new BudgetLine(2027, 1, "06.1", "Mamul", 1_000_000m);

        var ex = Assert.Throws<DomainException>(() => r.Assess(Technician, Assessment.Purchase, 30_000m, nextYear, null, Now));
        Assert.Equal(DomainError.BudgetLineNotThisYear, ex.Error);
        Assert.Equal(RequestStatus.AwaitingAssessment, r.Status);
        Assert.Null(r.BudgetLineId);
    }

    [Theory]
    [InlineData(-1, 1, true)]
    [InlineData(0, 0, true)] // the single day of the substitution
    [InlineData(-10, -1, false)] // ended yesterday
    [InlineData(1, 5, false)] // starts tomorrow
    public void Substitute_ActsOnBehalfOfTheApprover_OnlyWithinTheirDates(int fromDays, int toDays, bool allowed)
    {
        var r = Waiting();
        var today = DateOnly.FromDateTime(Istanbul.ToLocal(Now).DateTime);
        var sub = new Substitution(Manager.Id, Substitute.Id, today.AddDays(fromDays), today.AddDays(toDays), Manager.Id, Now);

        if (allowed)
        {
            Assert.True(r.Decide(Substitute, 1, true, null, [sub], Now));
            Assert.Equal(Manager.Id, r.Steps[0].OnBehalfOfId);
            Assert.Equal(Substitute.Id, r.Steps[0].DecidedById);
            Assert.Contains(r.Decisions, d => d.Kind == DecisionKind.Approved && d.ActorId == Substitute.Id && d.OnBehalfOfId == Manager.Id);
        }
        else
        {
            Assert.Throws<DomainException>(() => r.Decide(Substitute, 1, true, null, [sub], Now));
        }
    }

    [Fact]
    public void Reject_WithoutAComment_IsRefused_WithOne_EndsTheChain()
    {
        var r = Waiting();
        Assert.Equal(DomainError.CommentRequired, Assert.Throws<DomainException>(() => r.Decide(Manager, 1, false, "  ", [], Now)).Error);

        r.Decide(Manager, 1, false, "Mevcut bilgisayar yeterli", [], Now);
        Assert.Equal(RequestStatus.Rejected, r.Status);
        Assert.Equal(StepState.Skipped, r.Steps[1].State);
    }

    [Fact]
    public void Escalation_LetsTheManagerDecideOnBehalfOfTheApprover()
    {
        var r = Waiting();
        r.Decide(Manager, 1, true, null, [], Now);
        r.Escalate(DeputyMayor.Id, Now);

        Assert.True(r.Decide(DeputyMayor, 2, true, "İsmail Bey izinde", [], Now));
        Assert.Equal(Director.Id, r.Steps[1].OnBehalfOfId);
        Assert.Contains(r.Decisions, d => d.Kind == DecisionKind.Escalated && d.ActorId == DeputyMayor.Id);
    }

    [Fact]
    public void AWaitingRequest_CannotBeDelivered_NorItsExpenditureMovedOn()
    {
        var r = Waiting();
        Assert.Equal(DomainError.InvalidTransition, Assert.Throws<DomainException>(() => r.Deliver(Technician, null, "x", Now)).Error);

        var line = new BudgetLine(2026, 1, "03.2", "Tüketim", 100_000m);
        var e = ApprovalRequest.NewExpenditure(Technician, line, [new RequestLine("Toner", 2, 1_000m)], "Yazıcılar", Urgency.Normal, new DirectPurchaseWarning(1_021_827m, false, false), Now);
        e.StartChain([(ApproverKind.SpendingAuthority, Director.Id)], Now);
        Assert.Throws<DomainException>(() => e.AdvanceStage(Technician, RequestStatus.PriceResearch, null, Now));
        e.Decide(Director, 1, true, null, [], Now);
        e.AdvanceStage(Technician, RequestStatus.PriceResearch, null, Now);
        Assert.Throws<DomainException>(() => e.AdvanceStage(Technician, RequestStatus.Paid, null, Now)); // stages are not skipped
    }

    [Fact]
    public void BudgetLine_RefusesMoreThanRemains_WithTheFigures()
    {
        var line = new BudgetLine(2026, 1, "06.1", "Mamul mal alımları", 100_000m);
        line.Commit(60_000m);
        line.Spend(60_000m);
        line.Commit(30_000m);

        var ex = Assert.Throws<BudgetExceededException>(() => line.Commit(10_000.01m));
        Assert.Equal(100_000m, ex.Appropriation);
        Assert.Equal(30_000m, ex.Committed);
        Assert.Equal(60_000m, ex.Spent);
        Assert.Equal(10_000m, ex.Remaining);
        Assert.Equal(10_000.01m, ex.Requested);
        line.Commit(10_000m); // exactly what remains is fine
        Assert.Equal(0m, line.Remaining);
    }

    [Fact]
    public void Withdraw_OnlyByTheRequester_ReturnsTheCommitment()
    {
        var r = Waiting();
        Assert.Equal(DomainError.NotRequester, Assert.Throws<DomainException>(() => r.Withdraw(Manager, null, Now)).Error);
        r.Decide(Manager, 1, true, null, [], Now);
        r.Decide(Director, 2, true, null, [], Now);
        r.RecordCommitment(25_000m);

        Assert.Equal(25_000m, r.Withdraw(Requester, "Başka birimden karşılandı", Now));
        Assert.Equal(RequestStatus.Withdrawn, r.Status);
        Assert.False(r.CanWithdraw);
    }

    private static ApprovalRequest Assessed(Assessment assessment)
    {
        var r = ApprovalRequest.NewChange(Requester, 1, ChangeKind.Replacement, [new RequestLine("Masaüstü bilgisayar", 1, null)], "Eski bilgisayar çok yavaş", null, Urgency.Normal, Now);
        r.Assess(Technician, assessment, assessment == Assessment.Purchase ? 30_000m : null, assessment == Assessment.Purchase ? new BudgetLine(2026, 1, "06.1", "Mamul", 1_000_000m) : null, null, Now);
        return r;
    }

    private static ApprovalRequest Waiting()
    {
        var r = Assessed(Assessment.FromStock);
        r.StartChain([(ApproverKind.UnitManager, Manager.Id), (ApproverKind.ItDirector, Director.Id)], Now);
        return r;
    }

    private static Person Make(int id, Role role)
    {
        var p = new Person("aad-" + id, "Kişi " + id, role, 1);
        typeof(Person).GetProperty(nameof(Person.Id))!.SetValue(p, id);
        return p;
    }
}
