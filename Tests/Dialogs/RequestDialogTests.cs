using System.Globalization;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Dialogs;

/// <summary>Change requests and expenditures as scripted conversations on the real storage.</summary>
public sealed class RequestDialogTests : IAsyncLifetime
{
    private DialogHarness harness = null!;

    public async Task InitializeAsync() => harness = await DialogHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Expenditure_OverRemainingAppropriation_IsRefusedWithTheFigures()
    {
        var chat = harness.ChatAs(Seeded.Emre);
        await WriteExpenditureAsync(chat, "2 sunucu Dell R760 700.000", "06.1");

        await chat.SayAsync("gönder");

        Assert.Contains("Bütçe yetmiyor, talep kaydedilmedi. 06.1 Mamul mal alımları: ödenek 1.200.000,00 TL, taahhüt 0,00 TL, harcanan 0,00 TL, kalan 1.200.000,00 TL; bu talep 1.400.000,00 TL.",
            chat.AllText, StringComparison.Ordinal);
        Assert.Equal("Confirm", chat.PendingStep); // still open: "geri" to correct it, or cancel
        Assert.Empty(await harness.WithScopeAsync(sp => sp.GetRequiredService<IApprovalRepository>().ListOfRequesterAsync(1, 10)));

        await chat.PressAsync("Confirm", "cancel"); // the summary shown again is alive
        Assert.Contains("Talep iptal edildi", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expenditure_OverTheDirectPurchaseLimit_IsFiledWithTheWarning()
    {
        var chat = harness.ChatAs(Seeded.Emre);
        await WriteExpenditureAsync(chat, "2 sunucu Dell R760 550.000", "06.1");
        Assert.Contains("22/d doğrudan temin sınırını (1.021.827,00 TL) aşıyor", chat.AllText, StringComparison.Ordinal);

        await chat.SayAsync("gönder");

        Assert.Contains("Harcama talebi alındı: HT-2026-0001", chat.AllText, StringComparison.Ordinal);
        var request = await harness.WithScopeAsync(sp => sp.GetRequiredService<IApprovalRepository>().FindByNumberAsync("HT-2026-0001"));
        Assert.NotNull(request);
        Assert.True(request.OverDirectPurchaseLimit);
        Assert.False(request.LooksSplit);
        Assert.Equal(1_021_827m, request.DirectPurchaseLimit);
        Assert.Equal(1_100_000m, request.Total);
        Assert.Equal(RequestStatus.AwaitingApproval, request.Status);
        Assert.Equal("SpendingAuthority", request.Steps.Single().Capacities);
    }

    [Fact]
    public async Task Expenditure_UnderTheLimitButAfterARecentOne_LooksSplit()
    {
        var chat = harness.ChatAs(Seeded.Emre);
        await WriteExpenditureAsync(chat, "1 sunucu Dell R760 600.000", "06.1");
        await chat.SayAsync("gönder");
        await WriteExpenditureAsync(chat, "1 sunucu Dell R760 500.000", "06.1");

        Assert.Contains("bölünmüş gibi görünüyor", chat.AllText, StringComparison.Ordinal);
        await chat.SayAsync("gönder");
        var second = await harness.WithScopeAsync(sp => sp.GetRequiredService<IApprovalRepository>().FindByNumberAsync("HT-2026-0002"));
        Assert.True(second!.LooksSplit);
        Assert.False(second.OverDirectPurchaseLimit);
    }

    [Fact]
    public async Task Expenditure_TypedTurkishAmounts_AreReadAndTotalled()
    {
        var chat = harness.ChatAs(Seeded.Emre);
        await WriteExpenditureAsync(chat, "10 toner CF259A 1.250,50\n2 adet SSD 500 GB × 2.100 TL\nUSB bellek ₺99,90", "03.2");

        Assert.Contains("10 × toner CF259A — 1.250,50 TL = 12.505,00 TL", chat.AllText, StringComparison.Ordinal);
        Assert.Contains("2 × SSD 500 GB — 2.100,00 TL = 4.200,00 TL", chat.AllText, StringComparison.Ordinal);
        Assert.Contains("16.804,90 TL", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expenditure_BudgetLineTypedAsItsCode_IsTaken_AndTheQuestionShowsWhatRemains()
    {
        var chat = harness.ChatAs(Seeded.Emre);
        await chat.SayAsync("harcama talebi");
        await chat.SayAsync("10 toner CF259A 1.250,50");
        Assert.Contains("- 06.1 Mamul mal alımları: Kalan ödenek 1.200.000,00 TL", chat.AllText, StringComparison.Ordinal);

        await chat.SayAsync("06.1");

        Assert.Contains("Gerekçe nedir?", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expenditure_LineWithoutPrice_IsAskedAgainNamingTheLine()
    {
        var chat = harness.ChatAs(Seeded.Emre);
        await chat.SayAsync("harcama talebi");
        await chat.SayAsync("10 toner 1.250,50\n2 adet SSD");

        Assert.Contains("Satır 2 (\"2 adet SSD\") okunamadı: sonda KDV hariç birim fiyat olmalı.", chat.AllText, StringComparison.Ordinal);
        Assert.Contains("Kalemleri yazın", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expenditure_ByStaff_IsRefusedAndPointedToChangeRequests()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("harcama talebi");
        Assert.Contains("Bilgi İşlem personeli içindir", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRequest_Typed_BackAndBadInputAskedAgain_ThenFiled()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("değişim talebi");
        Assert.Equal("Kind", chat.PendingStep);
        await chat.SayAsync("çevre birimi");
        await chat.SayAsync("2 monitör 24 inç\n1 klavye");
        await chat.SayAsync("geri");
        Assert.Contains("Neler gerekiyor", chat.AllText, StringComparison.Ordinal);
        await chat.SayAsync("2 monitör 24 inç\n99999 klavye");
        Assert.Contains("Satır 2 (\"99999 klavye\"): adet 1 ile 10000 arasında bir tam sayı olmalı.", chat.AllText, StringComparison.Ordinal);
        await chat.SayAsync("2 monitör 24 inç\n1 klavye");
        await chat.SayAsync("ok");
        Assert.Contains("birkaç kelimeyle", chat.AllText, StringComparison.Ordinal);
        await chat.SayAsync("Çift ekranla çalışmam gerekiyor");
        Assert.Equal("Urgency", chat.PendingStep); // not a replacement: no asset asked
        await chat.PressAsync("Urgency", "Low");
        Assert.Contains("2 × monitör 24 inç", chat.AllText, StringComparison.Ordinal);
        await chat.PressAsync("Confirm", "send");

        Assert.Contains("Değişim talebiniz alındı: DT-2026-0001", chat.AllText, StringComparison.Ordinal);
        var request = await harness.WithScopeAsync(sp => sp.GetRequiredService<IApprovalRepository>().FindByNumberAsync("DT-2026-0001"));
        Assert.Equal(ChangeKind.Peripheral, request!.Kind);
        Assert.Equal([2, 1], request.Lines.Select(l => l.Quantity));
        Assert.Equal(RequestStatus.AwaitingAssessment, request.Status);
    }

    [Fact]
    public async Task ChangeRequest_BackAtTheFirstQuestion_SaysSoAndAsksItAgain()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("değişim talebi");
        await chat.SayAsync("geri");

        Assert.Contains("Bu ilk soru; geri gidilecek bir adım yok.", chat.AllText, StringComparison.Ordinal);
        Assert.Equal("Kind", chat.PendingStep);
    }

    [Fact]
    public async Task Commands_InTheMiddleOfARequest_AreAnswered_AndTheRequestWaits()
    {
        var chat = harness.ChatAs(Seeded.Ayse);
        await chat.SayAsync("değişim talebi");
        await chat.SayAsync("yeni bilgisayar");
        Assert.Contains("Neler gerekiyor?", chat.AllText, StringComparison.Ordinal);

        await chat.SayAsync("zimmetim");
        Assert.Contains("Üzerinize zimmetli bir demirbaş görünmüyor.", chat.AllText, StringComparison.Ordinal);
        Assert.Contains("Yarım kalan talebiniz bekliyor", chat.AllText, StringComparison.Ordinal);
        await chat.SayAsync("onaylarım");
        Assert.Contains("Onayınızı bekleyen talep yok.", chat.AllText, StringComparison.Ordinal);

        await chat.SayAsync("1 dizüstü bilgisayar"); // the request goes on where it was
        Assert.Contains("Gerekçe nedir?", chat.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestNumber_ShownToParticipantsOnly()
    {
        var ayse = harness.ChatAs(Seeded.Ayse);
        await ayse.SayAsync("yeni bilgisayar");
        await ayse.SayAsync("1 dizüstü bilgisayar");
        await ayse.SayAsync("Sahada tablet yetmiyor, dizüstü gerekiyor");
        await ayse.PressAsync("Urgency", "Normal");
        await ayse.PressAsync("Confirm", "send");

        await ayse.SayAsync("dt-2026-0001");
        Assert.Contains("Değişim talebi DT-2026-0001", ayse.AllText, StringComparison.Ordinal);
        await ayse.SayAsync("taleplerim");
        Assert.Contains("DT-2026-0001: BT değerlendirmesi bekliyor", ayse.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Henüz bir talebiniz yok", ayse.AllText, StringComparison.Ordinal); // no fault reports, but this request
        var deniz = harness.ChatAs(Seeded.Deniz, "en-US");
        await deniz.SayAsync("DT-2026-0001");
        Assert.DoesNotContain("dizüstü", deniz.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Substitute_NamedByTheApprover_ListedAndBounded()
    {
        var mehmet = harness.ChatAs("00000000-0000-0000-0000-0000000000023");
        await mehmet.SayAsync("vekil Fatma Çelik 03.12.2026 10.12.2026");
        Assert.Contains("Fatma Çelik, 03.12.2026 – 10.12.2026 arasında onaylarınızda vekiliniz", mehmet.AllText, StringComparison.Ordinal);

        await mehmet.SayAsync("vekil");
        Assert.Contains("- Fatma Çelik: 03.12.2026 – 10.12.2026", mehmet.AllText, StringComparison.Ordinal);

        await mehmet.SayAsync("vekil Fatma Çelik 10.12.2026 03.12.2026");
        Assert.Contains("Bitiş tarihi başlangıçtan önce olamaz", mehmet.AllText, StringComparison.Ordinal);
        await mehmet.SayAsync("vekil Kimse Yok 04.12.2026 05.12.2026");
        Assert.Contains("bulunamadı", mehmet.AllText, StringComparison.Ordinal);

        var subs = await harness.WithScopeAsync(async sp =>
        {
            var m = await sp.GetRequiredService<IDirectory>().FindByAadIdAsync("00000000-0000-0000-0000-0000000000023");
            return await sp.GetRequiredService<IApprovalRepository>().SubstitutionsOfAsync(m!.Id);
        });
        Assert.Equal(new DateOnly(2026, 12, 10), Assert.Single(subs).To);
    }

    private async Task WriteExpenditureAsync(DialogHarness.Chat chat, string items, string economicCode)
    {
        var line = await harness.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<IApprovalRepository>().ListBudgetLinesAsync(Istanbul.Year(harness.Clock.GetUtcNow()))).Single(l => l.EconomicCode == economicCode));
        await chat.SayAsync("harcama talebi");
        await chat.SayAsync(items);
        Assert.Equal("BudgetLine", chat.PendingStep);
        await chat.PressAsync("BudgetLine", line.Id.ToString(CultureInfo.InvariantCulture));
        await chat.SayAsync("Veri merkezi sunucuları yenileniyor");
        await chat.PressAsync("Urgency", "Normal");
        Assert.Equal("Confirm", chat.PendingStep);
    }
}
