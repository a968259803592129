namespace HelpdeskBot.Domain.Assets;

public enum AssetKind
{
    Printer = 0,
    Computer = 1,
    Other = 9,
}

/// <summary>A durable item with an asset tag (demirbaş no). Printers carry their cartridge model.</summary>
public sealed class Asset
{
    private Asset()
    {
    }

    public Asset(string tag, AssetKind kind, string model, int? unitId, int? locationId, string? cartridgeModel = null)
    {
        Tag = tag;
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

    public string Label => $"{Tag} · {Model}";
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
