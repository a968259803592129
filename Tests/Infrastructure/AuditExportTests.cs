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
        Assert.StartsWith("Zaman (İstanbul);Talep no;Tür;Adım;Karar;Kim;Kimin adına;Açıklama;Ayrıntı", text, StringComparison.Ordinal);
        Assert.Contains(";Approved;Ayşe Yılmaz;Mehmet Demir;\"'=HYPERLINK(\"\"http://kötü\"\")\";", text, StringComparison.Ordinal);

        using var xlsx = new MemoryStream();
        AuditExport.WriteXlsx(rows, xlsx);
        xlsx.Position = 0;
        using var book = new XLWorkbook(xlsx);
        var sheet = book.Worksheet("Denetim kaydı");
        var approvedRow = sheet.RowsUsed().Single(r => r.Cell(5).GetString() == "Approved");
        Assert.Equal("Mehmet Demir", approvedRow.Cell(7).GetString());
        Assert.Equal("=HYPERLINK(\"http://kötü\")", approvedRow.Cell(8).GetString());
        Assert.False(approvedRow.Cell(8).HasFormula);
        Assert.Equal(rows.Count + 1, sheet.RowsUsed().Count());
        Assert.True(id > 0);
    }

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
