using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Domain.Tickets;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Infrastructure;

public sealed class BotStoreTests
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task TryBeginAsync_TenConcurrentCallsOnOneKey_ExactlyOneIsNew()
    {
        await using var storage = await TestStorage.CreateAsync();
        var ledger = storage.Services.GetRequiredService<IActivityLedger>();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => ledger.TryBeginAsync("a:1|act-1", StaleAfter))));

        Assert.Single(results, r => r == LedgerResult.New);
        Assert.All(results.Where(r => r != LedgerResult.New), r => Assert.Equal(LedgerResult.InProgress, r));
    }

    [Fact]
    public async Task TryBeginAsync_AfterComplete_IsDone()
    {
        await using var storage = await TestStorage.CreateAsync();
        var ledger = storage.Services.GetRequiredService<IActivityLedger>();
        Assert.Equal(LedgerResult.New, await ledger.TryBeginAsync("k", StaleAfter));

        await ledger.CompleteAsync("k");

        Assert.Equal(LedgerResult.Done, await ledger.TryBeginAsync("k", StaleAfter));
    }

    [Fact]
    public async Task TryBeginAsync_UnfinishedAndOld_IsTakenOverOnce()
    {
        await using var storage = await TestStorage.CreateAsync();
        var ledger = storage.Services.GetRequiredService<IActivityLedger>();
        await ledger.TryBeginAsync("k", StaleAfter);
        storage.Clock.Advance(StaleAfter + TimeSpan.FromSeconds(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => ledger.TryBeginAsync("k", StaleAfter))));

        Assert.Single(results, r => r == LedgerResult.Stale);
        Assert.Equal(LedgerResult.InProgress, await ledger.TryBeginAsync("k", StaleAfter));
    }

    [Fact]
    public async Task TryBeginAsync_AfterAbandon_IsNewAgain()
    {
        await using var storage = await TestStorage.CreateAsync();
        var ledger = storage.Services.GetRequiredService<IActivityLedger>();
        await ledger.TryBeginAsync("k", StaleAfter);

        await ledger.AbandonAsync("k");

        Assert.Equal(LedgerResult.New, await ledger.TryBeginAsync("k", StaleAfter));
    }

    [Fact]
    public async Task TryBeginAsync_KeyLongerThanTheColumn_IsStoredHashed()
    {
        await using var storage = await TestStorage.CreateAsync();
        var ledger = storage.Services.GetRequiredService<IActivityLedger>();
        var key = new string('x', 2000);

        Assert.Equal(LedgerResult.New, await ledger.TryBeginAsync(key, StaleAfter));
        Assert.Equal(LedgerResult.InProgress, await ledger.TryBeginAsync(key, StaleAfter));
    }

    [Fact]
    public async Task LeaseDueAsync_FourOwnersAtOnce_LeaseDisjointMessages()
    {
        await using var storage = await TestStorage.CreateAsync();
        await EnqueueTextsAsync(storage, 30);

        var leases = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Task.Run(async () =>
        {
            await using var scope = storage.Scope();
            var leased = await scope.ServiceProvider.GetRequiredService<IOutboxStore>().LeaseDueAsync($"host-{i}", 12, TimeSpan.FromMinutes(1));
            Assert.All(leased, m => Assert.Equal($"host-{i}", m.LeaseOwner));
            return leased.Select(m => m.Id).ToList();
        })));
        await using var last = storage.Scope();
        var rest = await last.ServiceProvider.GetRequiredService<IOutboxStore>().LeaseDueAsync("host-5", 100, TimeSpan.FromMinutes(1));

        var all = leases.SelectMany(ids => ids).Concat(rest.Select(m => m.Id)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(30, all.Count);
    }

    [Fact]
    public async Task LeaseDueAsync_LeaseExpired_AnotherOwnerTakesTheMessage()
    {
        await using var storage = await TestStorage.CreateAsync();
        await EnqueueTextsAsync(storage, 2);
        await using (var first = storage.Scope())
        {
            Assert.Equal(2, (await first.ServiceProvider.GetRequiredService<IOutboxStore>().LeaseDueAsync("a", 10, TimeSpan.FromMinutes(1))).Count);
        }

        await using var second = storage.Scope();
        var store = second.ServiceProvider.GetRequiredService<IOutboxStore>();
        Assert.Empty(await store.LeaseDueAsync("b", 10, TimeSpan.FromMinutes(1)));
        second.ServiceProvider.GetRequiredService<HelpdeskDbContext>().ChangeTracker.Clear();
        storage.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, (await store.LeaseDueAsync("b", 10, TimeSpan.FromMinutes(1))).Count);
    }

    [Fact]
    public async Task LeaseDueAsync_NotYetDueOrNotPending_LeavesThemAlone()
    {
        await using var storage = await TestStorage.CreateAsync();
        await EnqueueTextsAsync(storage, 3);
        await using (var scope = storage.Scope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
            var leased = await store.LeaseDueAsync("a", 10, TimeSpan.FromMinutes(1));
            leased[0].MarkSent(storage.Clock.GetUtcNow());
            leased[1].MarkFailed("429", storage.Clock.GetUtcNow().AddMinutes(10), maxAttempts: 5);
            leased[2].Defer("no IT channel yet", storage.Clock.GetUtcNow().AddSeconds(30));
            Assert.Empty(await store.SaveAsync());
        }

        storage.Clock.Advance(TimeSpan.FromMinutes(1));
        await using var later = storage.Scope();
        var again = await later.ServiceProvider.GetRequiredService<IOutboxStore>().LeaseDueAsync("b", 10, TimeSpan.FromMinutes(1));

        Assert.Equal("no IT channel yet", Assert.Single(again).LastError);
    }

    [Fact]
    public async Task SaveAsync_TicketChangedAfterLease_StillRecordsTheChannelPost()
    {
        await using var storage = await TestStorage.CreateAsync();
        var filed = await storage.FileTicketAsync();
        await using var sender = storage.Scope();
        var store = sender.ServiceProvider.GetRequiredService<IOutboxStore>();
        var message = Assert.Single(await store.LeaseDueAsync("host", 10, TimeSpan.FromMinutes(1)));
        Assert.Equal(filed.Id, message.Ticket!.Id);
        Assert.Single(message.Ticket.History);

        await using (var technician = storage.Scope())
        {
            var emre = await TestStorage.PersonAsync(technician.ServiceProvider, TestStorage.Emre);
            await technician.ServiceProvider.GetRequiredService<ClaimTicket>().ExecuteAsync(filed.Id, emre);
        }

        message.Ticket.RecordChannelPost("19:it@thread.tacv2", "1700000000000");
        message.MarkSent(storage.Clock.GetUtcNow());
        Assert.Empty(await store.SaveAsync());

        await using var check = storage.Scope();
        var ticket = await check.ServiceProvider.GetRequiredService<ITicketRepository>().FindAsync(filed.Id);
        Assert.Equal(TicketStatus.Assigned, ticket!.Status);
        Assert.Equal(1, ticket.Version);
        Assert.Equal("1700000000000", ticket.ChannelActivityId);
        var stored = await check.ServiceProvider.GetRequiredService<HelpdeskDbContext>().OutboxMessages.SingleAsync(m => m.Id == message.Id);
        Assert.Equal(OutboxState.Sent, stored.State);
    }

    [Fact]
    public async Task SaveAsync_LeaseTakenOverMeanwhile_DropsThisSendersOutcome()
    {
        await using var storage = await TestStorage.CreateAsync();
        await EnqueueTextsAsync(storage, 1);
        await using var slow = storage.Scope();
        var slowStore = slow.ServiceProvider.GetRequiredService<IOutboxStore>();
        var mine = Assert.Single(await slowStore.LeaseDueAsync("slow", 10, TimeSpan.FromMinutes(1)));
        storage.Clock.Advance(TimeSpan.FromMinutes(2));
        await using (var fast = storage.Scope())
        {
            Assert.Single(await fast.ServiceProvider.GetRequiredService<IOutboxStore>().LeaseDueAsync("fast", 10, TimeSpan.FromMinutes(1)));
        }

        mine.MarkFailed("timeout", storage.Clock.GetUtcNow(), maxAttempts: 5);

        Assert.Equal([mine.Id], await slowStore.SaveAsync());
        await using var check = storage.Scope();
        var stored = await check.ServiceProvider.GetRequiredService<HelpdeskDbContext>().OutboxMessages.SingleAsync();
        Assert.Equal("fast", stored.LeaseOwner);
        Assert.Equal(0, stored.Attempts);
    }

    [Fact]
    public async Task UpsertAsync_SameConversationTwice_KeepsOneRefreshedRow()
    {
        await using var storage = await TestStorage.CreateAsync();
        var conversations = storage.Services.GetRequiredService<IConversationStore>();
        await using var scope = storage.Scope();
        var ayse = await TestStorage.PersonAsync(scope.ServiceProvider, TestStorage.Ayse);

        await conversations.UpsertAsync(ConversationKind.Personal, "a:ayse", null, """{"v":1}""");
        storage.Clock.Advance(TimeSpan.FromMinutes(1));
        await conversations.UpsertAsync(ConversationKind.Personal, "a:ayse", ayse.Id, """{"v":2}""");

        var personal = await conversations.FindPersonalAsync(ayse.Id);
        Assert.NotNull(personal);
        Assert.Equal("""{"v":2}""", personal.ReferenceJson);
        Assert.Equal(TestStorage.Start.AddMinutes(1), personal.UpdatedAt);
        Assert.Equal(personal.Id, (await conversations.FindAsync("a:ayse"))!.Id);
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>().Conversations.CountAsync());
    }

    [Fact]
    public async Task SetItChannelAsync_SetTwice_ReplacesTheChannel()
    {
        await using var storage = await TestStorage.CreateAsync();
        var conversations = storage.Services.GetRequiredService<IConversationStore>();
        await using var scope = storage.Scope();
        var director = await TestStorage.PersonAsync(scope.ServiceProvider, "00000000-0000-0000-0000-0000000000024");
        Assert.Null(await conversations.GetItChannelAsync());

        await conversations.SetItChannelAsync("19:old@thread.tacv2", "team", "Genel", director.Id);
        await conversations.SetItChannelAsync("19:new@thread.tacv2", "team", "Arıza Kayıtları", director.Id);

        var channel = await conversations.GetItChannelAsync();
        Assert.Equal("19:new@thread.tacv2", channel!.ConversationId);
        Assert.Equal("Arıza Kayıtları", channel.ChannelName);
    }

    private static async Task EnqueueTextsAsync(TestStorage storage, int count)
    {
        await using var scope = storage.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        for (var i = 0; i < count; i++)
        {
            outbox.Enqueue(new OutboxMessage(OutboxKind.ChannelText, null, null, $"mesaj {i}", storage.Clock.GetUtcNow()));
        }

        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
    }
}
