using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Tests.Domain;

public sealed class TicketTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private readonly Person requester = People.Make(1, Role.Staff);
    private readonly Person tech = People.Make(2, Role.ItTechnician);
    private readonly Person tech2 = People.Make(3, Role.ItTechnician);
    private readonly Person other = People.Make(4, Role.Staff);

    private Ticket NewTicket() => new(requester, 1, 1, TicketTopic.Printer, null, null, "Kağıt sıkışıyor", Urgency.Normal, Now);

    [Fact]
    public void Claim_NewTicket_AssignsAndRecordsHistory()
    {
        var t = NewTicket();
        Assert.True(t.Claim(tech, Now.AddMinutes(1)));
        Assert.Equal(TicketStatus.Assigned, t.Status);
        Assert.Equal(tech.Id, t.AssigneeId);
        var e = t.History[^1];
        Assert.Equal((TicketEventKind.Claimed, tech.Id, TicketStatus.New, TicketStatus.Assigned, Now.AddMinutes(1)), (e.Kind, e.ActorId, e.FromStatus, e.ToStatus, e.At));
    }

    [Fact]
    public void Claim_BySameTechnicianTwice_ChangesNothing()
    {
        var t = NewTicket();
        t.Claim(tech, Now);
        var version = t.Version;
        Assert.False(t.Claim(tech, Now));
        Assert.Equal(version, t.Version);
        Assert.Equal(2, t.History.Count);
    }

    [Fact]
    public void Claim_AlreadyClaimedByOther_RefusedWithHolder()
    {
        var t = NewTicket();
        t.Claim(tech, Now);
        var ex = Assert.Throws<DomainException>(() => t.Claim(tech2, Now));
        Assert.Equal(DomainError.AlreadyClaimed, ex.Error);
        Assert.Equal("2", ex.Args[0]);
    }

    [Fact]
    public void Claim_ByStaff_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => NewTicket().Claim(other, Now));
        Assert.Equal(DomainError.NotItStaff, ex.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void PutOnHold_WithoutReason_Refused(string? reason)
    {
        var t = NewTicket();
        t.Claim(tech, Now);
        Assert.Equal(DomainError.ReasonRequired, Assert.Throws<DomainException>(() => t.PutOnHold(tech, reason, Now)).Error);
    }

    [Fact]
    public void FullLifecycle_HoldResumeHandOverResolveConfirm_Closes()
    {
        var t = NewTicket();
        t.Claim(tech, Now);
        t.PutOnHold(tech, "Parça bekleniyor", Now);
        Assert.Equal(TicketStatus.Pending, t.Status);
        t.Resume(tech, Now);
        t.HandOver(tech, tech2, Now);
        Assert.Equal(tech2.Id, t.AssigneeId);
        t.Resolve(tech2, "Toner değişti", Now);
        Assert.Equal(TicketStatus.Resolved, t.Status);
        t.Confirm(requester, 5, Now);
        Assert.Equal(TicketStatus.Closed, t.Status);
        Assert.Equal(5, t.Rating);
        Assert.Equal(
            [TicketEventKind.Created, TicketEventKind.Claimed, TicketEventKind.PutOnHold, TicketEventKind.Resumed, TicketEventKind.HandedOver,
             TicketEventKind.Resolved, TicketEventKind.Rated, TicketEventKind.Confirmed],
            t.History.Select(h => h.Kind).ToArray());
    }

    [Fact]
    public void HandOver_ToCurrentAssignee_ChangesNothingAndKeepsHold()
    {
        var t = NewTicket();
        t.Claim(tech, Now);
        t.PutOnHold(tech, "Parça bekleniyor", Now);
        Assert.False(t.HandOver(tech, tech, Now));
        Assert.Equal(TicketStatus.Pending, t.Status);
    }

    [Fact]
    public void HandOver_ToStaff_RefusedNamingTarget()
    {
        var t = NewTicket();
        var ex = Assert.Throws<DomainException>(() => t.HandOver(tech, other, Now));
        Assert.Equal(DomainError.HandOverTargetNotIt, ex.Error);
        Assert.Equal(other.DisplayName, ex.Args[0]);
    }

    [Fact]
    public void Reopen_AfterResolve_GoesBackToQueue()
    {
        var t = NewTicket();
        t.Resolve(tech, "Kağıt çıkarıldı", Now);
        t.Reopen(requester, "Yine sıkışıyor", Now);
        Assert.Equal(TicketStatus.Reopened, t.Status);
        Assert.Null(t.ResolutionNote);
        Assert.True(t.Claim(tech2, Now));
    }

    [Fact]
    public void Confirm_ByOtherThanRequester_Refused()
    {
        var t = NewTicket();
        t.Resolve(tech, "ok", Now);
        Assert.Equal(DomainError.NotRequester, Assert.Throws<DomainException>(() => t.Confirm(other, null, Now)).Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Rate_OutOfRange_Refused(int rating)
    {
        var t = NewTicket();
        t.Resolve(tech, "ok", Now);
        Assert.Equal(DomainError.RatingOutOfRange, Assert.Throws<DomainException>(() => t.Confirm(requester, rating, Now)).Error);
    }

    [Fact]
    public void Transitions_ThatMakeNoSense_AreRefused()
    {
        var closed = NewTicket();
        closed.Resolve(tech, "ok", Now);
        closed.Confirm(requester, null, Now);
        Assert.Equal(DomainError.InvalidTransition, Assert.Throws<DomainException>(() => closed.Claim(tech, Now)).Error);
        Assert.Equal(DomainError.InvalidTransition, Assert.Throws<DomainException>(() => closed.Cancel(requester, null, Now)).Error);
        Assert.Equal(DomainError.InvalidTransition, Assert.Throws<DomainException>(() => closed.Reopen(requester, "x", Now)).Error);

        var fresh = NewTicket();
        Assert.Equal(DomainError.InvalidTransition, Assert.Throws<DomainException>(() => fresh.Confirm(requester, null, Now)).Error);
        Assert.Equal(DomainError.InvalidTransition, Assert.Throws<DomainException>(() => fresh.Resume(tech, Now)).Error);
        Assert.Equal(DomainError.InvalidTransition, Assert.Throws<DomainException>(() => fresh.PutOnHold(tech, "x", Now)).Error);

        var cancelled = NewTicket();
        cancelled.Cancel(requester, null, Now);
        Assert.Equal(DomainError.InvalidTransition, Assert.Throws<DomainException>(() => cancelled.Resolve(tech, "x", Now)).Error);
    }

    [Fact]
    public void New_EmptyOrHugeDescription_Refused()
    {
        Assert.Equal(DomainError.TextEmpty, Assert.Throws<DomainException>(() =>
            new Ticket(requester, null, null, TicketTopic.Other, null, null, "  ", Urgency.Low, Now)).Error);
        Assert.Equal(DomainError.TextTooLong, Assert.Throws<DomainException>(() =>
            new Ticket(requester, null, null, TicketTopic.Other, null, null, new string('x', 4001), Urgency.Low, Now)).Error);
    }

    [Fact]
    public void Clean_DropsControlAndBidiOverrides_KeepsLineBreaks() =>
        Assert.Equal("abc\nd\te", TextRules.Clean("a\u0000b\u0007c\r\nd\te\u202E"));

    [Fact]
    public void FormatNumber_PadsToFourDigits() => Assert.Equal("BT-2026-0042", Ticket.FormatNumber(2026, 42));
}

internal static class People
{
    public static Person Make(int id, Role role)
    {
        var p = new Person($"aad-{id}", $"Kişi {id}", role, 1);
        typeof(Person).GetProperty(nameof(Person.Id))!.SetValue(p, id);
        return p;
    }
}
