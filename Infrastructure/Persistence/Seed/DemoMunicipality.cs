using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskBot.Infrastructure.Persistence.Seed;

/// <summary>
/// A small municipality to try the bot with. Idempotent: what is already there (by unit code, location name, AAD object id,
/// asset tag) is left as it is. The people's AAD object ids are those of the Microsoft 365 Agents Playground's mock users.
/// </summary>
internal static class DemoMunicipality
{
    public const string Bim = "BIM";
    public const string Yim = "YIM";
    public const string Fim = "FIM";
    public const string Zab = "ZAB";
    public const string Mhm = "MHM";
    public const string Ikm = "IKM";

    public const string AnaHizmetBinasi = "Ana Hizmet Binası";
    public const string FenIsleriSantiye = "Fen İşleri Şantiye Binası";
    public const string ZabitaAmirligi = "Zabıta Amirliği";
    public const string EvlendirmeDairesi = "Evlendirme Dairesi";
    public const string KulturMerkezi = "Kültür Merkezi";
    public const string ItfaiyeAmirligi = "İtfaiye Amirliği";

    private static readonly (string Code, string Name)[] Units =
    [
        (Bim, "Bilgi İşlem Müdürlüğü"),
        (Yim, "Yazı İşleri Müdürlüğü"),
        (Fim, "Fen İşleri Müdürlüğü"),
        (Zab, "Zabıta Müdürlüğü"),
        (Mhm, "Mali Hizmetler Müdürlüğü"),
        (Ikm, "İnsan Kaynakları ve Eğitim Müdürlüğü"),
    ];

    private static readonly (string Name, string? UnitCode)[] Locations =
    [
        (AnaHizmetBinasi, null),
        (FenIsleriSantiye, Fim),
        (ZabitaAmirligi, Zab),
        (EvlendirmeDairesi, Yim),
        (KulturMerkezi, null),
        (ItfaiyeAmirligi, null),
    ];

    /// <summary>The deputy mayor the IT directorate reports to (Başkan Yardımcısı): the IT director's manager, where his waiting approvals escalate.</summary>
    public const string DeputyMayorAadObjectId = "00000000-0000-0000-0000-0000000000027";

    private static readonly (string AadObjectId, string Name, Role Role, string? UnitCode, string Email, string? Locale)[] People =
    [
        ("00000000-0000-0000-0000-0000000000020", "Ayşe Yılmaz", Role.Staff, Yim, "ayse.yilmaz@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000021", "Emre Kaya", Role.ItTechnician, Bim, "emre.kaya@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000022", "Zeynep Şahin", Role.ItTechnician, Bim, "zeynep.sahin@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000023", "Mehmet Demir", Role.UnitManager, Yim, "mehmet.demir@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000024", "İsmail Işık", Role.ItDirector, Bim, "ismail.isik@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000025", "Fatma Çelik", Role.Clerk, Bim, "fatma.celik@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000026", "Deniz Arslan", Role.Staff, Mhm, "deniz.arslan@belediye.local", "en-US"),
        (SystemAccounts.MonitoringAadObjectId, "Otomatik Kontrol", Role.System, Bim, "bilgi.islem@belediye.local", "tr-TR"),
        (DeputyMayorAadObjectId, "Hakan Öztürk", Role.UnitManager, null, "hakan.ozturk@belediye.local", "tr-TR"),
    ];

    /// <summary>Who each person's manager is (Graph's <c>manager</c>), by AAD object id.</summary>
    private static readonly (string Person, string Manager)[] Managers =
    [
        ("00000000-0000-0000-0000-0000000000020", "00000000-0000-0000-0000-0000000000023"),
        ("00000000-0000-0000-0000-0000000000021", "00000000-0000-0000-0000-0000000000024"),
        ("00000000-0000-0000-0000-0000000000022", "00000000-0000-0000-0000-0000000000024"),
        ("00000000-0000-0000-0000-0000000000025", "00000000-0000-0000-0000-0000000000024"),
        ("00000000-0000-0000-0000-0000000000023", DeputyMayorAadObjectId),
        ("00000000-0000-0000-0000-0000000000024", DeputyMayorAadObjectId),
    ];

    private static readonly (string Tag, AssetKind Kind, string Model, string UnitCode, string Location, string? Cartridge)[] Assets =
    [
        ("YZC-0001", AssetKind.Printer, "HP LaserJet Pro M404dn", Yim, AnaHizmetBinasi, "CF259A"),
        ("YZC-0002", AssetKind.Printer, "Canon i-SENSYS MF445dw", Fim, FenIsleriSantiye, "Canon 057"),
        ("YZC-0003", AssetKind.Printer, "Brother HL-L2350DW", Zab, ZabitaAmirligi, "TN-2410"),
        ("YZC-0004", AssetKind.Printer, "HP LaserJet Pro M404dn", Yim, EvlendirmeDairesi, "CF259A"),
        ("PC-0001", AssetKind.Computer, "Dell OptiPlex 7010", Yim, AnaHizmetBinasi, null),
        ("PC-0002", AssetKind.Computer, "Lenovo ThinkCentre M70q", Mhm, AnaHizmetBinasi, null),
        ("PC-0003", AssetKind.Computer, "HP ProDesk 400 G7", Zab, ZabitaAmirligi, null),
    ];

    /// <summary>Where the demo's backups would be. It need not exist: the checks then report the targets as unreadable, never as "no backup".</summary>
    public const string DemoBackupRoot = "/var/backups/helpdesk-demo";

    // Every demo address is on this machine (loopback): the demo never reaches into a network it does not own.
    private static readonly (string Name, BackedUpSystemKind System, BackupSourceKind Source, string Location, string? Selector, string? Credential,
        string? Second, BackupSourceKind? SecondKind, double RpoHours, string UnitCode)[] BackupTargets =
    [
        ("DC01 etki alanı denetleyicisi", BackedUpSystemKind.PhysicalServer, BackupSourceKind.Restic, DemoBackupRoot + "/restic/dc01", null,
            "file:" + DemoBackupRoot + "/secrets/restic-dc01.pw", DemoBackupRoot + "/nas/restic/dc01", null, 26, Bim),
        ("FS01 dosya sunucusu", BackedUpSystemKind.VirtualServer, BackupSourceKind.Borg, DemoBackupRoot + "/borg/fs01", "fs01-*",
            "env:HELPDESK_BORG_FS01", DemoBackupRoot + "/usb-disk/borg/fs01", null, 26, Bim),
        ("Muhasebe SQL yedekleri", BackedUpSystemKind.Database, BackupSourceKind.Folder, DemoBackupRoot + "/mssql/MUHASEBE", "*.bak;*.trn",
            null, DemoBackupRoot + "/nas/mssql/MUHASEBE", null, 26, Mhm),
        ("EBYS veritabanı", BackedUpSystemKind.Database, BackupSourceKind.SqlServerMsdb,
            "Server=127.0.0.1,14330;Integrated Security=false;User Id=helpdesk_monitor;Encrypt=True;TrustServerCertificate=True", "EBYS",
            "env:HELPDESK_SQL_MONITOR_PASSWORD", DemoBackupRoot + "/nas/mssql/EBYS", BackupSourceKind.Folder, 26, Yim),
    ];

    private static readonly (string Name, string LocationText, string UnitCode, int Port, string Path)[] Cameras =
    [
        ("KAM-001 Ana bina giriş", "Ana Hizmet Binası giriş kapısı", Bim, 18554, "/Streaming/Channels/101"),
        ("KAM-002 Zabıta otoparkı", "Zabıta Amirliği otoparkı", Zab, 18555, "/Streaming/Channels/101"),
        ("KAM-003 Şantiye kapısı", "Fen İşleri Şantiye Binası ana kapı", Fim, 18556, "/live/ch0"),
    ];

    private static readonly (string Name, string Url, string Marker, int LatencyMs, string UnitCode)[] Services =
    [
        ("e-Belediye ana sayfa", "http://127.0.0.1:18080/ebelediye/", "e-Belediye", 3000, Bim),
        ("Emlak vergisi ödeme", "http://127.0.0.1:18080/ebelediye/emlak-vergisi", "Borç Sorgulama", 3000, Mhm),
        ("İmar durumu sorgulama", "http://127.0.0.1:18080/ebelediye/imar-durumu", "İmar Durumu", 5000, Fim),
    ];

    /// <summary>
    /// Who approves what, in order. Change requests: the unit's manager, then the IT director; a purchase also needs the
    /// spending authority. Expenditures: the spending authority. The directorate edits these rows, not the code.
    /// </summary>
    private static readonly (RequestType Type, int Order, ApproverKind Approver, StepCondition When)[] Chain =
    [
        (RequestType.Change, 1, ApproverKind.UnitManager, StepCondition.Always),
        (RequestType.Change, 2, ApproverKind.ItDirector, StepCondition.Always),
        (RequestType.Change, 3, ApproverKind.SpendingAuthority, StepCondition.PurchaseOnly),
        (RequestType.Expenditure, 1, ApproverKind.SpendingAuthority, StepCondition.Always),
    ];

    /// <summary>The IT directorate's budget lines (economic codes) with a demo appropriation, for this year and the next.</summary>
    private static readonly (string Code, string Name, decimal Appropriation)[] BudgetLines =
    [
        ("03.2", "Tüketime yönelik mal ve malzeme alımları", 250_000m),
        ("03.5", "Hizmet alımları", 400_000m),
        ("03.7", "Menkul mal, gayrimaddi hak alım, bakım ve onarım giderleri", 150_000m),
        ("06.1", "Mamul mal alımları", 1_200_000m),
        ("06.3", "Gayri maddi hak alımları", 500_000m),
    ];

    public static async Task SeedAsync(HelpdeskDbContext db, CancellationToken ct)
    {
        var units = await db.Units.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        foreach (var (code, name) in Units.Where(u => !units.ContainsKey(u.Code)))
        {
            units[code] = db.Units.Add(new Unit(code, name)).Entity;
        }

        await db.SaveChangesAsync(ct);

        var locations = await db.ServiceLocations.ToDictionaryAsync(l => l.Name, StringComparer.Ordinal, ct);
        foreach (var (name, unitCode) in Locations.Where(l => !locations.ContainsKey(l.Name)))
        {
            locations[name] = db.ServiceLocations.Add(new ServiceLocation(name, unitCode is null ? null : units[unitCode].Id)).Entity;
        }

        var people = await db.People.Select(p => p.AadObjectId).ToHashSetAsync(StringComparer.Ordinal, ct);
        foreach (var p in People.Where(p => !people.Contains(p.AadObjectId)))
        {
            db.People.Add(new Person(p.AadObjectId, p.Name, p.Role, p.UnitCode is null ? null : units[p.UnitCode].Id, p.Email, p.Locale));
        }

        await db.SaveChangesAsync(ct);
        var byAad = await db.People.ToDictionaryAsync(p => p.AadObjectId, StringComparer.Ordinal, ct);
        foreach (var (person, manager) in Managers)
        {
            if (byAad[person].ManagerId is null)
            {
                byAad[person].SetManager(byAad[manager].Id);
            }
        }

        await db.SaveChangesAsync(ct);

        var tags = await db.Assets.Select(a => a.Tag).ToHashSetAsync(StringComparer.Ordinal, ct);
        foreach (var a in Assets.Where(a => !tags.Contains(a.Tag)))
        {
            db.Assets.Add(new Asset(a.Tag, a.Kind, a.Model, units[a.UnitCode].Id, locations[a.Location].Id, a.Cartridge));
        }

        await db.SaveChangesAsync(ct);
        await SeedMonitoringAsync(db, units, ct);
        await SeedApprovalsAsync(db, units[Bim], byAad["00000000-0000-0000-0000-0000000000024"], ct);
    }

    private static async Task SeedApprovalsAsync(HelpdeskDbContext db, Unit it, Person itDirector, CancellationToken ct)
    {
        if (!await db.ApprovalChainSteps.AnyAsync(ct))
        {
            db.ApprovalChainSteps.AddRange(Chain.Select(c => new ApprovalChainStep(c.Type, c.Order, c.Approver, c.When)));
        }

        // Under Law 5018 the head of the spending unit is its harcama yetkilisi: for the IT directorate's budget, the IT director.
        if (!await db.SpendingAuthorities.AnyAsync(s => s.UnitId == it.Id, ct))
        {
            db.SpendingAuthorities.Add(new SpendingAuthority(it.Id, itDirector.Id));
        }

        var year = Domain.Common.Istanbul.Year(DateTimeOffset.UtcNow);
        foreach (var y in new[] { year, year + 1 })
        {
            var codes = await db.BudgetLines.Where(b => b.Year == y && b.UnitId == it.Id).Select(b => b.EconomicCode).ToListAsync(ct);
            foreach (var line in BudgetLines.Where(l => !codes.Contains(l.Code)))
            {
                db.BudgetLines.Add(new BudgetLine(y, it.Id, line.Code, line.Name, line.Appropriation));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedMonitoringAsync(HelpdeskDbContext db, Dictionary<string, Unit> units, CancellationToken ct)
    {
        // A fixed time: seeding twice must not look like a change.
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var backups = await db.BackupTargets.Select(t => t.Name).ToHashSetAsync(StringComparer.Ordinal, ct);
        foreach (var b in BackupTargets.Where(b => !backups.Contains(b.Name)))
        {
            var target = new BackupTarget(b.Name, b.System, b.Source, b.Location, TimeSpan.FromHours(b.RpoHours), units[b.UnitCode].Id, at);
            target.SetSelector(b.Selector, b.Credential, null, at);
            target.SetSecondLocation(b.Second, b.SecondKind, null, at);
            db.BackupTargets.Add(target);
        }

        var cameras = await db.Cameras.Select(c => c.Name).ToHashSetAsync(StringComparer.Ordinal, ct);
        foreach (var c in Cameras.Where(c => !cameras.Contains(c.Name)))
        {
            var camera = new Camera(c.Name, "127.0.0.1", c.Port, c.Path, units[c.UnitCode].Id, c.LocationText, at);
            camera.SetCredentials("izleme", "env:HELPDESK_CAMERA_PASSWORD", at);
            db.Cameras.Add(camera);
        }

        var services = await db.EBelediyeServices.Select(s => s.Name).ToHashSetAsync(StringComparer.Ordinal, ct);
        foreach (var s in Services.Where(s => !services.Contains(s.Name)))
        {
            db.EBelediyeServices.Add(new EBelediyeService(s.Name, new Uri(s.Url), s.Marker, TimeSpan.FromMilliseconds(s.LatencyMs), units[s.UnitCode].Id, at));
        }

        await db.SaveChangesAsync(ct);
    }
}
