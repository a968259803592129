using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Directory;
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

    private static readonly (string AadObjectId, string Name, Role Role, string UnitCode, string Email, string? Locale)[] People =
    [
        ("00000000-0000-0000-0000-0000000000020", "Ayşe Yılmaz", Role.Staff, Yim, "ayse.yilmaz@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000021", "Emre Kaya", Role.ItTechnician, Bim, "emre.kaya@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000022", "Zeynep Şahin", Role.ItTechnician, Bim, "zeynep.sahin@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000023", "Mehmet Demir", Role.UnitManager, Yim, "mehmet.demir@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000024", "İsmail Işık", Role.ItDirector, Bim, "ismail.isik@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000025", "Fatma Çelik", Role.Clerk, Bim, "fatma.celik@belediye.local", "tr-TR"),
        ("00000000-0000-0000-0000-0000000000026", "Deniz Arslan", Role.Staff, Mhm, "deniz.arslan@belediye.local", "en-US"),
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
            db.People.Add(new Person(p.AadObjectId, p.Name, p.Role, units[p.UnitCode].Id, p.Email, p.Locale));
        }

        await db.SaveChangesAsync(ct);

        var tags = await db.Assets.Select(a => a.Tag).ToHashSetAsync(StringComparer.Ordinal, ct);
        foreach (var a in Assets.Where(a => !tags.Contains(a.Tag)))
        {
            db.Assets.Add(new Asset(a.Tag, a.Kind, a.Model, units[a.UnitCode].Id, locations[a.Location].Id, a.Cartridge));
        }

        await db.SaveChangesAsync(ct);
    }
}
