namespace HelpdeskBot.Domain.Assets;

public enum AssetKind
{
    Printer = 0,
    Computer = 1,
    Peripheral = 2,
    Software = 3,
    Other = 9,
}

public enum AssetState
{
    InUse = 0,
    InStock = 1,
    Scrap = 2,
}

/// <summary>A durable item with an asset tag (demirbaş no). Printers carry their cartridge model.</summary>
public sealed class Asset
{
    private Asset()
    {
    }

    public Asset(string tag, AssetKind kind, string model, int? unitId, int? locationId, string? cartridgeModel = null)
    {
        Tag = NormalizeTag(tag);
        Kind = kind;
        Model = model;
        UnitId = unitId;
        LocationId = locationId;
        CartridgeModel = cartridgeModel;
    }

    public int Id { get; private set; }
    public string Tag { get; private set; } = string.Empty;
    public AssetKind Kind { get; private set; }
    public string Model { get; private set; } = string.Empty;
    public string? CartridgeModel { get; private set; }
    public int? UnitId { get; private set; }
    public int? LocationId { get; private set; }

    /// <summary>The person the item is entrusted to (zimmet), if any.</summary>
    public int? EntrustedToId { get; private set; }
    public DateTimeOffset? EntrustedAt { get; private set; }
    public AssetState State { get; private set; }

    /// <summary>The change request that delivered the item.</summary>
    public int? SourceRequestId { get; private set; }

    public string Label => $"{Tag} · {Model}";

    /// <summary>Asset tags are one in any case: "yzc-0001" is YZC-0001.</summary>
    public static string NormalizeTag(string tag) => tag.Trim().ToUpperInvariant();

    /// <summary>Whether <paramref name="person"/> may ask for this item to be replaced: theirs or their unit's, and not scrapped.</summary>
    public bool MayBeReplacedFor(Directory.Person person) =>
        State != AssetState.Scrap && (EntrustedToId == person.Id || (UnitId is not null && UnitId == person.UnitId));

    /// <summary>A delivered item: entrusted to <paramref name="personId"/> from now on.</summary>
    public static Asset Delivered(string tag, AssetKind kind, string model, int? unitId, int? locationId, int personId, int requestId, DateTimeOffset now) =>
        new(Common.TextRules.Require(tag, 50), kind, Common.TextRules.Require(model, 200), unitId, locationId)
        {
            EntrustedToId = personId,
            EntrustedAt = now,
            State = AssetState.InUse,
            SourceRequestId = requestId,
        };

    public void EntrustTo(int personId, DateTimeOffset now)
    {
        EntrustedToId = personId;
        EntrustedAt = now;
        State = AssetState.InUse;
    }

    /// <summary>The replaced item comes back: to stock for reuse, or marked for scrap (hurdaya ayrılır). Nobody holds it any more.</summary>
    public void Return(Approvals.ReplacedAssetFate fate)
    {
        EntrustedToId = null;
        EntrustedAt = null;
        State = fate == Approvals.ReplacedAssetFate.Scrap ? AssetState.Scrap : AssetState.InStock;
    }
}

/// <summary>A toner or cartridge replacement, recorded against the printer (the seed: "değiştirilir ve kayıt altına alınır").</summary>
public sealed class ConsumableReplacement
{
    private ConsumableReplacement()
    {
    }

    public ConsumableReplacement(int assetId, string cartridgeModel, int technicianId, int? ticketId, DateTimeOffset replacedAt)
    {
        AssetId = assetId;
        CartridgeModel = cartridgeModel;
        TechnicianId = technicianId;
        TicketId = ticketId;
        ReplacedAt = replacedAt;
    }

    public int Id { get; private set; }
    public int AssetId { get; private set; }
    public string CartridgeModel { get; private set; } = string.Empty;
    public int TechnicianId { get; private set; }
    public int? TicketId { get; private set; }
    public DateTimeOffset ReplacedAt { get; private set; }
}
