using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Domain.Tickets;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Infrastructure;

public sealed class TicketStorageTests
{
    [Fact]
    public async Task FileTicket_NewTicket_SavesTicketAndItsOutboxRowTogether()
    {
        await using var storage = await TestStorage.CreateAsync();

        var ticket = await storage.FileTicketAsync();

        await using var scope = storage.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var message = await db.OutboxMessages.SingleAsync();
        Assert.True(ticket.Id > 0);
        Assert.Equal(ticket.Id, message.TicketId);
        Assert.Equal(OutboxKind.TicketChannelCard, message.Kind);
        Assert.Equal(OutboxState.Pending, message.State);
        Assert.Equal("BT-2025-0001", ticket.Number);

        var stored = await scope.ServiceProvider.GetRequiredService<ITicketRepository>().FindAsync(ticket.Id);
        Assert.NotNull(stored);
        Assert.Equal([PrinterCheck.PaperJam], stored.ChecksTriedList);
        Assert.Equal(TestStorage.Start, stored.CreatedAt);
        Assert.Equal(TicketEventKind.Created, Assert.Single(stored.History).Kind);
    }

    [Fact]
    public async Task SaveChangesAsync_OutboxRowRefused_SavesNeitherTicketNorOutbox()
    {
        await using var storage = await TestStorage.CreateAsync();
        await using var scope = storage.Scope();
        var requester = await TestStorage.PersonAsync(scope.ServiceProvider, TestStorage.Ayse);
        var ticket = new Ticket(requester, null, null, TicketTopic.Computer, null, null, "Bilgisayar açılmıyor", Urgency.High, TestStorage.Start);
        ticket.AssignNumber(2025, 1);
        scope.ServiceProvider.GetRequiredService<ITicketRepository>().Add(ticket);
        // A recipient that is not in the directory: the foreign key refuses the outbox row.
        scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new OutboxMessage(OutboxKind.RequesterNotice, ticket, 999, "{}", TestStorage.Start));

        await Assert.ThrowsAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync());

        await using var check = storage.Scope();
        var db = check.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        Assert.Equal(0, await db.Tickets.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task SaveChangesAsync_TwoContextsClaimTheSameTicket_SecondRaisesConcurrencyConflict()
    {
        await using var storage = await TestStorage.CreateAsync();
        var ticket = await storage.FileTicketAsync();
        await using var first = storage.Scope();
        await using var second = storage.Scope();
        var emre = await TestStorage.PersonAsync(first.ServiceProvider, TestStorage.Emre);
        var zeynep = await TestStorage.PersonAsync(second.ServiceProvider, TestStorage.Zeynep);
        var mine = await first.ServiceProvider.GetRequiredService<ITicketRepository>().FindAsync(ticket.Id);
        var theirs = await second.ServiceProvider.GetRequiredService<ITicketRepository>().FindAsync(ticket.Id);

        mine!.Claim(emre, storage.Clock.GetUtcNow());
        theirs!.Claim(zeynep, storage.Clock.GetUtcNow());
        await first.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync());
        await using var check = storage.Scope();
        var stored = await check.ServiceProvider.GetRequiredService<ITicketRepository>().FindAsync(ticket.Id);
        Assert.Equal(emre.Id, stored!.AssigneeId);
        Assert.Equal(2, stored.History.Count);
    }

    [Fact]
    public async Task ClaimTicket_TwoTechniciansAtOnce_OneWinsAndTheOtherIsToldItIsClaimed()
    {
        await using var storage = await TestStorage.CreateAsync();
        var ticket = await storage.FileTicketAsync();

        var outcomes = await Task.WhenAll(new[] { TestStorage.Emre, TestStorage.Zeynep }.Select(aad => Task.Run(async () =>
        {
            await using var scope = storage.Scope();
            var by = await TestStorage.PersonAsync(scope.ServiceProvider, aad);
            try
            {
                await scope.ServiceProvider.GetRequiredService<ClaimTicket>().ExecuteAsync(ticket.Id, by);
                return "claimed";
            }
            catch (DomainException ex) when (ex.Error == DomainError.AlreadyClaimed)
            {
                return "already";
            }
        })));

        Assert.Equal(["already", "claimed"], outcomes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FileTicket_TwentyConcurrentRuns_GetDistinctConsecutiveNumbers()
    {
        await using var storage = await TestStorage.CreateAsync();

        var tickets = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() => storage.FileTicketAsync($"Arıza {i}"))));

        var expected = Enumerable.Range(1, 20).Select(i => $"BT-2025-{i:0000}");
        Assert.Equal(expected, tickets.Select(t => t.Number).Order(StringComparer.Ordinal));
        await using var scope = storage.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        Assert.Equal(20, await db.OutboxMessages.CountAsync(m => m.TicketId != null));
    }

    [Fact]
    public async Task NextSequenceAsync_NewYear_StartsAgainAtOne()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.FileTicketAsync();
        storage.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 31, 21, 30, 0, TimeSpan.Zero)); // 00:30 on 1 January in Istanbul

        var ticket = await storage.FileTicketAsync();

        Assert.Equal("BT-2026-0001", ticket.Number);
    }

    [Fact]
    public async Task SaveChangesAsync_DuplicateAadObjectId_RaisesUniqueConflict()
    {
        await using var storage = await TestStorage.CreateAsync();
        await using var scope = storage.Scope();
        scope.ServiceProvider.GetRequiredService<IDirectory>().Add(new Person(TestStorage.Ayse, "Başka Biri", Role.Staff, null));

        await Assert.ThrowsAsync<UniqueConflictException>(() => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync());
    }

    [Fact]
    public async Task ListOfRequesterAsync_SeveralTickets_NewestFirst()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.FileTicketAsync("birinci");
        storage.Clock.Advance(TimeSpan.FromHours(1));
        await storage.FileTicketAsync("ikinci");
        storage.Clock.Advance(TimeSpan.FromHours(1));
        await storage.FileTicketAsync("üçüncü");

        await using var scope = storage.Scope();
        var ayse = await TestStorage.PersonAsync(scope.ServiceProvider, TestStorage.Ayse);
        var list = await scope.ServiceProvider.GetRequiredService<ITicketRepository>().ListOfRequesterAsync(ayse.Id, 2);

        Assert.Equal(["üçüncü", "ikinci"], list.Select(t => t.Description));
    }

    [Fact]
    public async Task FindAsync_AfterSeveralChanges_LoadsTheWholeHistoryInOrder()
    {
        await using var storage = await TestStorage.CreateAsync();
        var ticket = await storage.FileTicketAsync();
        await using (var scope = storage.Scope())
        {
            var emre = await TestStorage.PersonAsync(scope.ServiceProvider, TestStorage.Emre);
            await scope.ServiceProvider.GetRequiredService<ClaimTicket>().ExecuteAsync(ticket.Id, emre);
            await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().ApplyAsync(ticket.Id, (t, now) => t.PutOnHold(emre, "Toner bekleniyor", now));
        }

        await using var check = storage.Scope();
        var stored = await check.ServiceProvider.GetRequiredService<ITicketRepository>().FindByNumberAsync(ticket.Number);

        Assert.Equal([TicketEventKind.Created, TicketEventKind.Claimed, TicketEventKind.PutOnHold], stored!.History.Select(e => e.Kind));
        Assert.Equal(TicketStatus.Pending, stored.Status);
        Assert.Equal(2, stored.Version);
        var db = check.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        Assert.Equal(5, await db.OutboxMessages.CountAsync()); // card on filing; card + requester notice per change
    }

    [Fact]
    public async Task DialogStateRepository_TwoTurnsUpdateTheSameState_SecondRaisesConcurrencyConflict()
    {
        await using var storage = await TestStorage.CreateAsync();
        await using (var scope = storage.Scope())
        {
            scope.ServiceProvider.GetRequiredService<IDialogStateRepository>().Add(new DialogStateRecord("a:1", "fault", 1, "{}", TestStorage.Start));
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        }

        await using var first = storage.Scope();
        await using var second = storage.Scope();
        var mine = await first.ServiceProvider.GetRequiredService<IDialogStateRepository>().FindAsync("a:1");
        var theirs = await second.ServiceProvider.GetRequiredService<IDialogStateRepository>().FindAsync("a:1");
        mine!.Update("fault", 1, """{"step":2}""", TestStorage.Start);
        theirs!.Update("fault", 1, """{"step":3}""", TestStorage.Start);
        await first.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync());
    }
}
