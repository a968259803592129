using HelpdeskBot.Cards.Tickets;
using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Dialogs.Tickets;

/// <summary>Turns a ticket into the view its cards show, resolving ids into names through the directory.</summary>
public sealed class TicketViewFactory(IDirectory directory, IAssetRepository assets)
{
    public async Task<TicketView> CreateAsync(Ticket t, CancellationToken ct = default)
    {
        var ids = t.History.Select(h => h.ActorId).Append(t.RequesterId);
        if (t.AssigneeId is { } a)
        {
            ids = ids.Append(a);
        }

        var people = (await directory.FindManyAsync(ids.Distinct(), ct)).ToDictionary(p => p.Id);
        string Name(int id) => people.TryGetValue(id, out var p) ? p.DisplayName : "#" + id;
        var unit = t.UnitId is { } u ? await directory.FindUnitAsync(u, ct) : null;
        var location = t.LocationId is { } l ? await directory.FindLocationAsync(l, ct) : null;
        Asset? asset = t.AssetId is { } assetId ? await assets.FindAsync(assetId, ct) : null;
        var technicians = t.IsOpen
            ? (await directory.ListItStaffAsync(ct)).Where(p => p.Id != t.AssigneeId).Select(p => new PersonOption(p.Id, p.DisplayName)).ToList()
            : [];
        return new TicketView(
            t.Id,
            t.Number,
            t.Status,
            t.Topic,
            t.Urgency,
            Name(t.RequesterId),
            unit?.Name,
            location?.Name,
            asset is not null ? asset.Label : t.Device,
            t.Description,
            t.AssigneeId is { } who ? Name(who) : null,
            t.PendingReason,
            t.ResolutionNote,
            t.Rating,
            t.CreatedAt,
            t.ChecksTriedList,
            t.History.Select(h => new TicketHistoryLine(h.At, Name(h.ActorId), h.Kind, h.Detail)).ToList(),
            asset?.CartridgeModel,
            technicians);
    }
}
