using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Tickets;
using HelpdeskBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Dialogs;

/// <summary>The fault report as scripted conversations: what the user says, what the bot answers, which card and step.</summary>
public sealed class FaultReportDialogTests : IAsyncLifetime
{
    private DialogHarness harness = null!;

    public async Task InitializeAsync() => harness = await DialogHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Conversation_TurkishPrinterFault_FilesTicketWithNumber()
    {
        var chat = harness.ChatAs(Seeded.Ayse);

        await chat.SayAsync("yazıcım kağıt sıkıştırıyor");
        Assert.Contains("konu: Yazıcı", chat.AllText, StringComparison.Ordinal);
        Assert.Equal("Unit", chat.PendingStep);

        await chat.SayAsync("YAZI İŞLERİ");
        Assert.Equal("Location", chat.PendingStep);

        await chat.SayAsync("ana hizmet");
        Assert.Equal("Device", chat.PendingStep);
        Assert.Contains("YZC-0001", chat.AllText, StringComparison.Ordinal);

        await chat.SayAsync("yzc-0001");
        Assert.Equal("Checks", chat.PendingStep);
        Assert.Contains("Kontrol 1 / 6", chat.AllText, StringComparison.Ordinal);

        for (var i = 2; i <= 6; i++)
        {
            await chat.PressAsync("Checks", "next");
            Assert.Contains($"Kontrol {i} / 6", chat.AllText, StringComparison.Ordinal);
        }

        await chat.PressAsync("Checks", "next");
        Assert.Equal("Urgency", chat.PendingStep); // the first message already said what happened

        await chat.PressAsync("Urgency", "High");
        Assert.Equal("Confirm", chat.PendingStep);
        Assert.Contains("yazıcım kağıt sıkıştırıyor", chat.AllText, StringComparison.Ordinal);

        await chat.PressAsync("Confirm", "send");
        Assert.Matches(@"BT-2026-\d{4}", chat.AllText);

        var ticket = await harness.WithScopeAsync(sp => sp.GetRequiredService<ITicketRepository>().FindByNumberAsync("BT-2026-0001"));
        Assert.NotNull(ticket);
        Assert.Equal(TicketTopic.Printer, ticket.Topic);
        Assert.Equal(Urgency.High, ticket.Urgency);
        Assert.Equal(6, ticket.ChecksTriedList.Count);
        Assert.NotNull(ticket.AssetId);
        Assert.Equal("yazıcım kağıt sıkıştırıyor", ticket.Description);
    }

    [Fact]
    public async Task Checks_SolvedBySelfCheck_RecordsSelfResolutionAndFilesNoTicket()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("yazıcı çıktı vermiyor");
        await chat.SayAsync("1");
        await chat.SayAsync("1");
        await chat.PressAsync("Device", "none");
        await chat.PressAsync("Checks", "next");
        await chat.PressAsync("Checks", "solved");

        Assert.Contains("sorun çözüldü", chat.AllText, StringComparison.OrdinalIgnoreCase);
        Assert.Null(chat.PendingStep);
        var (tickets, selfResolved) = await harness.WithScopeAsync(async sp =>
        {
            var person = await Seeded.PersonAsync(sp, Seeded.Ayse);
            var list = await sp.GetRequiredService<ITicketRepository>().ListOfRequesterAsync(person.Id, 10);
            var db = sp.GetRequiredService<HelpdeskBot.Infrastructure.Persistence.HelpdeskDbContext>();
            return (list.Count, db.Set<SelfResolution>().Count(s => s.SolvedBy == PrinterCheck.Cable));
        });
        Assert.Equal(0, tickets);
        Assert.Equal(1, selfResolved);
    }

    [Theory]
    [InlineData("iptal")]
    [InlineData("İPTAL")]
    [InlineData("IPTAL")]
    [InlineData("  iptal ")]
    [InlineData("vazgeç")]
    [InlineData("cancel")]
    public async Task Cancel_WholeMessage_EndsDialog(string text)
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("bilgisayarım açılmıyor");
        await chat.SayAsync(text);

        Assert.Contains("iptal edildi", chat.AllText, StringComparison.Ordinal);
        await chat.SayAsync("yazı işleri");
        Assert.DoesNotContain("Hangi hizmet yerindesiniz", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_InsideSentence_IsADescription()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("arıza bildir");
        Assert.Equal("Topic", chat.PendingStep);
        await chat.PressAsync("Topic", "Printer");
        await chat.SayAsync("yazı");
        await chat.SayAsync("ana");
        await chat.PressAsync("Device", "none");
        await chat.PressAsync("Checks", "skip");
        Assert.Contains("Ne oldu?", chat.AllText, StringComparison.Ordinal);

        await chat.SayAsync("Yazıcı iptal oldu, yardım lazım");

        Assert.Equal("Urgency", chat.PendingStep);
        await chat.PressAsync("Urgency", "Normal");
        Assert.Contains("Yazıcı iptal oldu, yardım lazım", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidAnswer_IsAskedAgainWithReason()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("internet yok bağlanamıyorum");
        await chat.SayAsync("uzay istasyonu");

        Assert.Contains("\"uzay istasyonu\" ile eşleşen bir birim bulamadım", chat.AllText, StringComparison.Ordinal);
        Assert.Equal("Unit", chat.PendingStep);
    }

    [Fact]
    public async Task AmbiguousAnswer_OffersTheMatchesOnly()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("e-posta gitmiyor, outlook hata veriyor");
        await chat.SayAsync("müdürlüğü");

        Assert.Contains("Birden fazla eşleşme", chat.AllText, StringComparison.Ordinal);
        await chat.SayAsync("fen");
        Assert.Equal("Location", chat.PendingStep);
    }

    [Fact]
    public async Task Back_ReturnsToPreviousQuestion()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("telefonum çalışmıyor hiç ses yok");
        await chat.SayAsync("yazı işleri");
        Assert.Equal("Location", chat.PendingStep);

        await chat.SayAsync("geri");

        Assert.Equal("Unit", chat.PendingStep);
    }

    [Fact]
    public async Task StaleButton_FromEarlierQuestion_IsRefusedAndCurrentQuestionRepeated()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("yazıcı toner bitti galiba");
        await chat.SayAsync("yazı işleri");

        await chat.PressAsync("Topic", "Camera");

        Assert.Contains("önceki bir soruya ait", chat.AllText, StringComparison.Ordinal);
        Assert.Equal("Location", chat.PendingStep);
    }

    [Fact]
    public async Task OldSummaryButton_OfFinishedRequest_DoesNotActOnTheNewOne()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("outlook açılmıyor hata veriyor");
        await chat.SayAsync("yazı");
        await chat.SayAsync("ana");
        await chat.PressAsync("Device", "none");
        await chat.PressAsync("Urgency", "Normal");
        var oldDialog = chat.PendingDialog;
        await chat.PressAsync("Confirm", "send");
        await chat.SayAsync("internet çok yavaş hiç açılmıyor");
        await chat.SayAsync("yazı");
        await chat.SayAsync("ana");
        await chat.PressAsync("Device", "none");
        await chat.PressAsync("Urgency", "Low");

        await chat.TurnAsync(null, System.Text.Json.JsonSerializer.SerializeToElement(new { step = "Confirm", choice = "cancel", dialog = oldDialog }));

        Assert.Contains("önceki bir talebe ait", chat.AllText, StringComparison.Ordinal);
        Assert.Equal("Confirm", chat.PendingStep);
        Assert.NotEqual(oldDialog, chat.PendingDialog);
    }

    [Fact]
    public async Task Dialog_SurvivesRestart_ContinuesFromDatabase()
    {
        var path = harness.DatabasePath;
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("bilgisayar mavi ekran veriyor");
        await chat.SayAsync("yazı işleri");
        await harness.DisposeAsync();

        harness = await DialogHarness.StartAsync(path);
        var again = harness.ChatAs(Seeded.Ayse);
        await again.SayAsync("ana hizmet");

        Assert.Equal("Device", again.PendingStep);
    }

    [Fact]
    public async Task Dialog_StateFromUnknownVersion_RestartsPolitely()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("bilgisayar mavi ekran veriyor");
        await harness.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HelpdeskBot.Infrastructure.Persistence.HelpdeskDbContext>();
            var record = await sp.GetRequiredService<IDialogStateRepository>().FindAsync(chat.ConversationId);
            record!.Update("fault-report", 99, "{\"somethingNew\":true}", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });

        await chat.SayAsync("yazıcım kağıt sıkıştırıyor");

        Assert.Contains("baştan başlayalım", chat.AllText, StringComparison.Ordinal);
        Assert.Equal("Unit", chat.PendingStep);
    }

    [Fact]
    public async Task Description_TooLong_IsRefusedWithLimit()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("arıza bildir");
        await chat.PressAsync("Topic", "Software");
        await chat.SayAsync("yazı");
        await chat.SayAsync("ana");
        await chat.PressAsync("Device", "none");

        await chat.SayAsync(new string('a', TextRules.MaxDescription + 1));

        Assert.Contains("en fazla 4000 karakter", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyMessage_OutsideDialog_GetsHelp()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("   ");
        Assert.Contains("taleplerim", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_Locale_AnswersInEnglish()
    {
        var chat = harness.ChatAs(Seeded.Deniz, "en-US");
        await chat.SayAsync("my printer is jamming paper");
        Assert.Contains("topic: Printer", chat.AllText, StringComparison.Ordinal);
        Assert.Contains("Which unit are you in?", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyRequests_ListsOwnTicketsOnly()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await FileQuicklyAsync(chat);
        var other = harness.ChatAs(Seeded.Deniz);
        await other.SayAsync("taleplerim");
        Assert.Contains("Henüz bir talebiniz yok", other.AllText, StringComparison.Ordinal);

        await chat.SayAsync("taleplerim");
        Assert.Contains("BT-2026-0001", chat.AllText, StringComparison.Ordinal);

        await other.SayAsync("bt-2026-0001");
        Assert.Contains("size ait bir talep bulamadım", other.AllText, StringComparison.Ordinal);
        await chat.SayAsync("BT-2026-0001");
        Assert.Contains("Talebi iptal et", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyRequests_MidReport_ListsAndKeepsTheReport()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("bilgisayarım açılmıyor");
        await chat.SayAsync("TALEPLERİM");
        Assert.Contains("Arıza ve yardım talepleriniz", chat.AllText, StringComparison.Ordinal);
        Assert.Contains("Yarım kalan talebiniz bekliyor", chat.AllText, StringComparison.Ordinal);

        await chat.SayAsync("yazı işleri");
        Assert.Equal("Location", chat.PendingStep);
    }

    [Fact]
    public async Task SendTwice_OneTicket()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await FileQuicklyAsync(chat);
        await chat.PressAsync("Confirm", "send");

        Assert.Contains("sona ermiş bir talebe ait", chat.AllText, StringComparison.Ordinal);
        var count = await harness.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<ITicketRepository>().ListOfRequesterAsync((await Seeded.PersonAsync(sp, Seeded.Ayse)).Id, 10)).Count);
        Assert.Equal(1, count);
    }

    private static async Task FileQuicklyAsync(DialogHarness.Chat chat)
    {
        await chat.SayAsync("outlook açılmıyor hata veriyor");
        await chat.SayAsync("yazı");
        await chat.SayAsync("ana");
        await chat.PressAsync("Device", "none");
        await chat.PressAsync("Urgency", "Normal");
        await chat.PressAsync("Confirm", "send");
        Assert.Contains("Talebiniz alındı", chat.AllText, StringComparison.Ordinal);
    }
}
