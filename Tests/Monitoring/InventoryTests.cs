using System.Text;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure;
using HelpdeskBot.Infrastructure.Monitoring;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Monitoring;

public sealed class InventoryTests
{
    [Fact]
    public async Task ImportAsync_TurkishExcelCsv_UpsertsGoodRowsAndReportsBadOnesByLine()
    {
        await using var storage = await MonitoringStorage.CreateAsync(seed: true);
        const string csv = """
            Ad;Birim;Adres;Port;Yol;Kullanıcı Adı;Şifre;Konum;Etkin
            KAM-001 Ana bina giriş;BIM;10.0.0.1;554;/Streaming/Channels/101;izleme;env:KAMERA_PAROLA;"Ana Hizmet Binası; giriş";evet
            KAM-010 Çarşı;Zabıta Müdürlüğü;127.0.0.1;8554;/live;;;"Cumhuriyet Meydanı
            (çarşı girişi)";EVET
            KAM-011 Bozuk port;ZAB;127.0.0.1;yetmiş;/;;;;evet
            KAM-012 Bilinmeyen birim;XYZ;127.0.0.1;554;/;;;;evet
            KAM-013 Parola düz yazı;BIM;127.0.0.1;554;/;admin;12345;;evet
            KAM-014 Kapalı;İnsan Kaynakları ve Eğitim Müdürlüğü;127.0.0.1;554;/;;;;HAYIR
            """;

        await using var scope = storage.Scope();
        var report = await scope.ServiceProvider.GetRequiredService<InventoryCsvImporter>()
            .ImportAsync(MonitoringArea.Cameras, new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal((2, 1), (report.Added, report.Updated));
        Assert.Equal([5, 6, 7], report.Errors.Select(e => e.Line));
        Assert.Contains("port", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("XYZ", report.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("env:NAME or file:/path", report.Errors[2].Message, StringComparison.Ordinal);

        await using var check = storage.Scope();
        var db = check.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var updated = await db.Cameras.SingleAsync(c => c.Name == "KAM-001 Ana bina giriş");
        Assert.Equal(("10.0.0.1", "Ana Hizmet Binası; giriş", "env:KAMERA_PAROLA"), (updated.Host, updated.LocationText, updated.PasswordReference));
        var carsi = await db.Cameras.SingleAsync(c => c.Name == "KAM-010 Çarşı");
        Assert.Equal("Cumhuriyet Meydanı\n(çarşı girişi)", carsi.LocationText);
        Assert.Equal("ZAB", (await db.Units.SingleAsync(u => u.Id == carsi.UnitId)).Code);
        Assert.False((await db.Cameras.SingleAsync(c => c.Name == "KAM-014 Kapalı")).Enabled);
    }

    [Fact]
    public async Task ImportAsync_BackupTargetsInWindows1254_AreReadAndABadRowLeavesTheExistingTargetUntouched()
    {
        await using var storage = await MonitoringStorage.CreateAsync(seed: true);
        const string csv = "name,system,source,location,selector,credential,timezone,second_location,rpo,unit\r\n"
            + "Muhasebe SQL yedekleri,veritabanı,klasör,/yedek/muhasebe,*.bak,,Europe/Istanbul,/nas/muhasebe,2 gün,MHM\r\n"
            + "FS01 dosya sunucusu,sanal,borg,/yedek/borg,fs01-*,env:BORG_FS01,Mars/Olympus,,26h,BIM\r\n"
            + "Yeni sunucu İŞLEM,fiziksel,restic,/yedek/restic,,file:/etc/helpdesk/restic.pw,,,26h,BİM\r\n";

        await using var scope = storage.Scope();
        var report = await scope.ServiceProvider.GetRequiredService<InventoryCsvImporter>()
            .ImportAsync(MonitoringArea.Backups, new MemoryStream(Encoding.GetEncoding(1254).GetBytes(csv)));

        Assert.Equal((1, 1), (report.Added, report.Updated));
        Assert.Equal(3, Assert.Single(report.Errors).Line);
        await using var check = storage.Scope();
        var db = check.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var muhasebe = await db.BackupTargets.SingleAsync(t => t.Name == "Muhasebe SQL yedekleri");
        Assert.Equal((BackupSourceKind.Folder, "/yedek/muhasebe", TimeSpan.FromDays(2)), (muhasebe.SourceKind, muhasebe.Location, muhasebe.Rpo));
        var fs01 = await db.BackupTargets.SingleAsync(t => t.Name == "FS01 dosya sunucusu");
        Assert.Equal("Europe/Istanbul", fs01.HostTimeZoneId);
        Assert.NotEqual("/yedek/borg", fs01.Location);
        Assert.True(await db.BackupTargets.AnyAsync(t => t.Name == "Yeni sunucu İŞLEM"));
    }

    [Fact]
    public async Task SetMonitoredTargetEnabled_DisablesByNameAndChecksSkipIt()
    {
        await using var storage = await MonitoringStorage.CreateAsync(new Dictionary<string, string?> { ["Monitoring:Cameras:CheckPicture"] = "false" }, seed: true);
        await using (var scope = storage.Scope())
        {
            var set = scope.ServiceProvider.GetRequiredService<SetMonitoredTargetEnabled>();
            Assert.Equal(InventorySwitchOutcome.Changed, await set.ExecuteAsync(MonitoringArea.Cameras, " KAM-002 Zabıta otoparkı ", enabled: false));
            Assert.Equal(InventorySwitchOutcome.Unchanged, await set.ExecuteAsync(MonitoringArea.Cameras, "KAM-002 Zabıta otoparkı", enabled: false));
            Assert.Equal(InventorySwitchOutcome.NotFound, await set.ExecuteAsync(MonitoringArea.Cameras, "KAM-999", enabled: false));
        }

        await using var run = storage.Scope();
        var summary = await run.ServiceProvider.GetRequiredService<RunCameraSweep>().ExecuteAsync();
        Assert.Equal(["KAM-001 Ana bina giriş", "KAM-003 Şantiye kapısı"], summary.Results.Select(r => r.TargetName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Seed_DemoInventory_ChecksWithoutReachingOutAndReportsUnreadableNotMissing()
    {
        await using var storage = await MonitoringStorage.CreateAsync(new Dictionary<string, string?>
        {
            ["Monitoring:Backups:SqlConnectTimeoutSeconds"] = "3",
            ["Monitoring:Backups:ConfirmAfterChecks"] = "1",
            ["Monitoring:Cameras:CheckPicture"] = "false",
            ["Monitoring:EBelediye:RequestTimeout"] = "00:00:03",
        }, seed: true);
        await storage.Services.InitializeStorageAsync();

        await using var scope = storage.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        Assert.Equal((4, 3, 3), (await db.BackupTargets.CountAsync(), await db.Cameras.CountAsync(), await db.EBelediyeServices.CountAsync()));
        Assert.All(await db.Cameras.ToListAsync(), c => Assert.Equal("127.0.0.1", c.Host));
        Assert.All(await db.EBelediyeServices.ToListAsync(), s => Assert.Equal("127.0.0.1", s.Address.Host));

        var backups = await scope.ServiceProvider.GetRequiredService<RunBackupChecks>().ExecuteAsync();

        Assert.Equal(new CheckCounts(4, 0, 0, 0, 4), backups.Counts);
        Assert.All(backups.Results, r => Assert.Equal([CheckProblem.SourceUnreadable], r.Problems));
        Assert.Equal(4, backups.Changes.Count);
        Assert.All(backups.Changes, c => Assert.Equal((MonitoringArea.Backups, StateChangeKind.WentDown), (c.Area, c.Kind)));
        Assert.True(backups.Counts.AnyDown);

        var again = await scope.ServiceProvider.GetRequiredService<RunBackupChecks>().ExecuteAsync();
        Assert.Empty(again.Changes);
        var status = await scope.ServiceProvider.GetRequiredService<GetMonitoringStatus>().ExecuteAsync(MonitoringArea.Backups);
        Assert.All(status.Lines, l => Assert.Equal((CheckStatus.Unreadable, 0.0, 2), (l.Status!.Value, l.Availability!.Value, l.ChecksInWindow)));
    }
}
