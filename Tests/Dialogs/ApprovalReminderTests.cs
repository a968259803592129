using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Domain.Tickets;
using HelpdeskBot.Infrastructure.Persistence;
using HelpdeskBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Dialogs;

/// <summary>Reminders and escalation on the real storage, counted in working hours (08:30–17:30 Istanbul, working days).</summary>
public sealed class ApprovalReminderTests : IAsyncLifetime
{
    private DialogHarness harness = null!;

    public async Task InitializeAsync() => harness = await DialogHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task WaitingStep_RemindedAfterEightWorkingHours_EscalatedToTheManagerAfterSixteen()
    {
        // Thursday 3 December 2026, 10:00 in Istanbul: the step reaches the unit manager (Mehmet; his manager is the deputy mayor).
        var id = await RequestAtUnitManagerAsync();

        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero)); // 23:00: 7.5 working hours, the evening does not count
        Assert.Equal((0, 0), await RunAsync());

        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 6, 5, 0, TimeSpan.Zero)); // Friday 09:05: 8 working hours and 5 minutes
        Assert.Equal((1, 0), await RunAsync());
        Assert.Equal((0, 0), await RunAsync()); // reminded once

        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero)); // Sunday: still 16.5 working hours only after Friday's close
        Assert.Equal((0, 1), await RunAsync());
        Assert.Equal((0, 0), await RunAsync());

        var request = await harness.WithScopeAsync(sp => sp.GetRequiredService<IApprovalRepository>().FindAsync(id));
        var deputy = await harness.WithScopeAsync(sp => sp.GetRequiredService<IDirectory>().FindByAadIdAsync("00000000-0000-0000-0000-0000000000027"));
        Assert.Equal(deputy!.Id, request!.CurrentStep!.EscalatedToId);
        Assert.Contains(request.Decisions, d => d.Kind == DecisionKind.Reminded);
        Assert.Contains(request.Decisions, d => d.Kind == DecisionKind.Escalated && d.ActorId == deputy.Id);
        var notices = await harness.WithScopeAsync(async sp => await sp.GetRequiredService<HelpdeskDbContext>().OutboxMessages
            .Where(m => m.RequestId == id && m.Kind == OutboxKind.RequestNotice).Select(m => m.RecipientPersonId).ToListAsync());
        var mehmet = await harness.WithScopeAsync(sp => sp.GetRequiredService<IDirectory>().FindByAadIdAsync("00000000-0000-0000-0000-0000000000023"));
        Assert.Contains(mehmet!.Id, notices);
        Assert.Contains(deputy.Id, notices);

        // The deputy mayor may now decide on Mehmet's behalf.
        var change = await harness.WithScopeAsync(sp => sp.GetRequiredService<DecideApproval>().ExecuteAsync(id, 1, deputy, true, "Müdür izinde; uygundur"));
        Assert.True(change.Changed);
        Assert.Equal(mehmet.Id, change.Request.Steps[0].OnBehalfOfId);
    }

    private async Task<(int, int)> RunAsync() => await harness.WithScopeAsync(sp => sp.GetRequiredService<RemindWaitingApprovers>().ExecuteAsync());

    private async Task<int> RequestAtUnitManagerAsync() => await harness.WithScopeAsync(async sp =>
    {
        var directory = sp.GetRequiredService<IDirectory>();
        var ayse = (await directory.FindByAadIdAsync(Seeded.Ayse))!;
        var emre = (await directory.FindByAadIdAsync(Seeded.Emre))!;
        var r = await sp.GetRequiredService<SubmitRequest>().ChangeAsync(new ChangeRequestCommand(ayse, ayse.UnitId, ChangeKind.NewComputer,
            [new RequestLine("Dizüstü bilgisayar", 1, null)], "Sahada çalışıyorum", null, Urgency.Normal));
        await sp.GetRequiredService<AssessChangeRequest>().ExecuteAsync(r.Id, emre, Assessment.FromStock, null, null, null);
        return r.Id;
    });
}
