using System.Text;
using ClosedXML.Excel;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Tickets;
using HelpdeskBot.Infrastructure.Audit;
using HelpdeskBot.Infrastructure.Persistence;
using HelpdeskBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Infrastructure;

/// <summary>The audit trail on the real storage: append-only, and exported per period as CSV and .xlsx.</summary>
public sealed class AuditExportTests : IAsyncLifetime
{
    private DialogHarness harness = null!;

    public async Task InitializeAsync() => harness = await DialogHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Export_OfAPeriod_HasWhoOnWhoseBehalfWhenWhatAndTheComment_AsCsvAndXlsx()
    {
        var id = await DecideAsync("=HYPERLINK(\"http://kötü\")", onBehalfOf: true);
        harness.Clock.Advance(TimeSpan.FromDays(40)); // next period: not in December's export
        await DecideAsync("sonraki ay", onBehalfOf: false);

        var rows = await harness.WithScopeAsync(sp => sp.GetRequiredService<AuditExport>().RowsAsync(
            new DateTimeOffset(2026, 11, 30, 21, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 21, 0, 0, TimeSpan.Zero)));

        Assert.Equal(["Submitted", "Assessed", "Approved"], rows.Where(r => r.RequestNumber == "DT-2026-0001").Select(r => r.Decision.ToString()));
        var approval = rows.Single(r => r.Decision == DecisionKind.Approved);
        Assert.Equal("Ayşe Yılmaz", approval.Actor);
        Assert.Equal("Mehmet Demir", approval.OnBehalfOf);
        Assert.Equal(1, approval.Step);
        Assert.DoesNotContain(rows, r => r.Comment == "sonraki ay");

        using var csv = new MemoryStream();
        await AuditExport.WriteCsvAsync(rows, csv);
        var bytes = csv.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Zaman (İstanbul);Talep no;Tür;Adım;Karar;Kim;Kimin adına;Açıklama;Ayrıntı;Tutar (TL, KDV hariç);Bütçe kalemi;Karar kodu;Ayrıntı kodu\r\n", text, StringComparison.Ordinal);
        Assert.Contains(";Onaylandı;Ayşe Yılmaz;Mehmet Demir;\"'=HYPERLINK(\"\"http://kötü\"\")\";Birim müdürü;;;Approved;UnitManager\r\n", text, StringComparison.Ordinal);
        Assert.Contains(";Değişim talebi;;BT değerlendirdi;Emre Kaya;;;Stoktan karşılanır;;;Assessed;FromStock\r\n", text, StringComparison.Ordinal);
        Assert.Contains(";Değişim talebi;;Talep oluşturuldu;Deniz Arslan;;;;;;Submitted;\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(";Approved;Ayşe", text, StringComparison.Ordinal);

        using var xlsx = new MemoryStream();
        AuditExport.WriteXlsx(rows, xlsx);
        xlsx.Position = 0;
        using var book = new XLWorkbook(xlsx);
        var sheet = book.Worksheet("Denetim kaydı");
        var approvedRow = sheet.RowsUsed().Single(r => r.Cell(5).GetString() == "Onaylandı");
        Assert.Equal("Değişim talebi", approvedRow.Cell(3).GetString());
        Assert.Equal("Mehmet Demir", approvedRow.Cell(7).GetString());
        Assert.Equal("Birim müdürü", approvedRow.Cell(9).GetString());
        Assert.Equal("Approved", approvedRow.Cell(12).GetString());
        Assert.Equal("UnitManager", approvedRow.Cell(13).GetString());
        Assert.Equal("=HYPERLINK(\"http://kötü\")", approvedRow.Cell(8).GetString());
        Assert.False(approvedRow.Cell(8).HasFormula);
        Assert.Equal(rows.Count + 1, sheet.RowsUsed().Count());
        Assert.True(id > 0);
    }

    [Fact]
    public async Task Export_HasTheRequestsAmountAndBudgetLine_OnEachOfItsRows_DecimalCommaInCsv_NumberCellInXlsx()
    {
        var (purchase, expenditure, fromStock) = await harness.WithScopeAsync(async sp =>
        {
            var directory = sp.GetRequiredService<IDirectory>();
            var ayse = (await directory.FindByAadIdAsync(Seeded.Ayse))!;
            var emre = (await directory.FindByAadIdAsync(Seeded.Emre))!;
            var deniz = (await directory.FindByAadIdAsync(Seeded.Deniz))!;
            var lines = await sp.GetRequiredService<IApprovalRepository>().ListBudgetLinesAsync(Istanbul.Year(harness.Clock.GetUtcNow()));
            var submit = sp.GetRequiredService<SubmitRequest>();
            var assess = sp.GetRequiredService<AssessChangeRequest>();

            var change = await submit.ChangeAsync(new ChangeRequestCommand(deniz, ayse.UnitId, ChangeKind.NewComputer,
                [new RequestLine("Dizüstü bilgisayar", 1, null)], "Sahada çalışıyor", null, Urgency.Normal));
            await assess.ExecuteAsync(change.Id, emre, Assessment.Purchase, 30_000.5m, lines.Single(l => l.EconomicCode == "06.1").Id, null);
            var spend = await submit.ExpenditureAsync(new ExpenditureCommand(emre, lines.Single(l => l.EconomicCode == "03.2").Id,
                [new RequestLine("Toner CF259A", 10, 1_250.50m), new RequestLine("SSD 500 GB", 2, 2_100m)], "Yazıcılar ve diskler", Urgency.Normal));
            var stock = await submit.ChangeAsync(new ChangeRequestCommand(deniz, ayse.UnitId, ChangeKind.Peripheral,
                [new RequestLine("Klavye", 1, null)], "Tuşlar basmıyor", null, Urgency.Normal));
            await assess.ExecuteAsync(stock.Id, emre, Assessment.FromStock, null, null, null);
            return (change.Number, spend.Number, stock.Number);
        });

        var rows = await harness.WithScopeAsync(sp => sp.GetRequiredService<AuditExport>().RowsAsync(
            new DateTimeOffset(2026, 11, 30, 21, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 21, 0, 0, TimeSpan.Zero)));

        // The submission came before the assessment, yet it is the same request: every row carries its amount.
        Assert.Equal([DecisionKind.Submitted, DecisionKind.Assessed], rows.Where(r => r.RequestNumber == purchase).Select(r => r.Decision));
        Assert.All(rows.Where(r => r.RequestNumber == purchase), r => Assert.Equal((30_000.5m, "06.1 Mamul mal alımları"), (r.Amount!.Value, r.BudgetLine!)));
        Assert.All(rows.Where(r => r.RequestNumber == expenditure), r => Assert.Equal((16_705m, "03.2 Tüketime yönelik mal ve malzeme alımları"), (r.Amount!.Value, r.BudgetLine!)));
        Assert.All(rows.Where(r => r.RequestNumber == fromStock), r => Assert.Equal((null, null), (r.Amount, r.BudgetLine)));

        using var csv = new MemoryStream();
        await AuditExport.WriteCsvAsync(rows, csv);
        var text = Encoding.UTF8.GetString(csv.ToArray()[3..]);
        Assert.Contains(";Satın alma gerekli;30000,50;06.1 Mamul mal alımları;Assessed;Purchase\r\n", text, StringComparison.Ordinal);
        Assert.Contains(";Harcama talebi;;Talep oluşturuldu;Emre Kaya;;;;16705,00;03.2 Tüketime yönelik mal ve malzeme alımları;Submitted;\r\n", text, StringComparison.Ordinal);
        Assert.Contains(";Stoktan karşılanır;;;Assessed;FromStock\r\n", text, StringComparison.Ordinal);

        using var xlsx = new MemoryStream();
        AuditExport.WriteXlsx(rows, xlsx);
        xlsx.Position = 0;
        using var book = new XLWorkbook(xlsx);
        var sheet = book.Worksheet("Denetim kaydı");
        Assert.Equal("Tutar (TL, KDV hariç)", sheet.Cell(1, 10).GetString());
        var amount = sheet.RowsUsed().First(r => r.Cell(2).GetString() == expenditure).Cell(10);
        Assert.Equal(XLDataType.Number, amount.DataType);
        Assert.Equal(16_705d, amount.GetDouble());
        Assert.Equal("#,##0.00", amount.Style.NumberFormat.Format);
        Assert.Equal("03.2 Tüketime yönelik mal ve malzeme alımları", amount.CellRight().GetString());
        Assert.Equal(string.Empty, sheet.RowsUsed().First(r => r.Cell(2).GetString() == fromStock).Cell(10).GetString());
    }

    [Theory]
    [InlineData(DecisionKind.Approved, "ItDirector,SpendingAuthority", "Bilgi İşlem Müdürü, Harcama yetkilisi")]
    [InlineData(DecisionKind.Skipped, "UnitManager", "Birim müdürü")]
    [InlineData(DecisionKind.Assessed, "Purchase", "Satın alma gerekli")]
    [InlineData(DecisionKind.StageAdvanced, "PriceResearch", "Piyasa fiyat araştırması")]
    [InlineData(DecisionKind.StageAdvanced, "PaymentOrdered", "Ödeme emri düzenlendi")]
    [InlineData(DecisionKind.Delivered, "DB-0042 → Deniz Arslan", "DB-0042 → Deniz Arslan")]
    [InlineData(DecisionKind.StageAdvanced, "SomeFutureStage", "SomeFutureStage")]
    [InlineData(DecisionKind.Assessed, "2", "2")]
    public void Detail_IsWrittenInTurkish_AnUnknownCodeAsStored(DecisionKind kind, string stored, string expected) =>
        Assert.Equal(expected, AuditExport.DetailText(kind, stored));

    [Fact]
    public void EveryDecision_HasATurkishName() =>
        Assert.Equal(["Talep oluşturuldu", "BT değerlendirdi", "Onaylandı", "Reddedildi", "Adım atlandı (onaylayıcı talep sahibi)", "Geri çekildi", "Hatırlatıldı",
            "Üst yöneticiye iletildi", "Aşama ilerledi", "Teslim edildi"], Enum.GetValues<DecisionKind>().Select(AuditExport.DecisionText));

    [Fact]
    public async Task DecisionRecords_CannotBeChangedOrDeleted()
    {
        await DecideAsync("uygun", onBehalfOf: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HelpdeskDbContext>();
            db.DecisionRecords.Remove(await db.DecisionRecords.FirstAsync());
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Deniz asks for a monitor for the unit of Yazı İşleri; Emre assesses; Mehmet approves, or Ayşe as his substitute for the day.</summary>
    private async Task<int> DecideAsync(string comment, bool onBehalfOf) => await harness.WithScopeAsync(async sp =>
    {
        var directory = sp.GetRequiredService<IDirectory>();
        var ayse = (await directory.FindByAadIdAsync(Seeded.Ayse))!;
        var emre = (await directory.FindByAadIdAsync(Seeded.Emre))!;
        var mehmet = (await directory.FindByAadIdAsync("00000000-0000-0000-0000-0000000000023"))!;
        var deniz = (await directory.FindByAadIdAsync(Seeded.Deniz))!;
        var r = await sp.GetRequiredService<SubmitRequest>().ChangeAsync(new ChangeRequestCommand(deniz, ayse.UnitId, ChangeKind.Peripheral,
            [new RequestLine("Monitör", 1, null)], "Çift ekran gerekiyor", null, Urgency.Normal));
        await sp.GetRequiredService<AssessChangeRequest>().ExecuteAsync(r.Id, emre, Assessment.FromStock, null, null, null);
        var decider = mehmet;
        if (onBehalfOf)
        {
            var today = DateOnly.FromDateTime(Istanbul.ToLocal(harness.Clock.GetUtcNow()).DateTime);
            sp.GetRequiredService<IApprovalRepository>().Add(new Substitution(mehmet.Id, ayse.Id, today, today, mehmet.Id, harness.Clock.GetUtcNow()));
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            decider = ayse;
        }

        await sp.GetRequiredService<DecideApproval>().ExecuteAsync(r.Id, 1, decider, true, comment);
        return r.Id;
    });
}
