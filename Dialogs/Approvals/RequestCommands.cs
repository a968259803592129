using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HelpdeskBot.Cards.Approvals;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Dialogs.Approvals;

/// <summary>
/// The personal chat's request commands: a request number shows its card (to those who may see it), "onaylarım" lists
/// what waits for the person's decision, "zimmetim" lists what is entrusted to them.
/// </summary>
public sealed partial class RequestCommands(IApprovalRepository approvals, IAssetRepository assets, IDirectory directory, IUnitOfWork uow, RequestViewFactory views, TimeProvider clock)
{
    private const int Shown = 10;

    /// <summary>Whether the text starts a change request (and of which kind, when it says) or an expenditure.</summary>
    public static (RequestType Type, ChangeKind? Kind)? StartsRequest(string? text)
    {
        if (TurkishText.IsExactly(text, "harcama talebi", "harcama", "yeni harcama", "satın alma talebi", "satin alma talebi", "expenditure", "new expenditure", "spending request"))
        {
            return (RequestType.Expenditure, null);
        }

        if (TurkishText.IsExactly(text, "değişim talebi", "degisim talebi", "donanım talebi", "donanim talebi", "change request", "hardware request", "cihaz talebi"))
        {
            return (RequestType.Change, null);
        }

        if (TurkishText.IsExactly(text, "yeni bilgisayar", "bilgisayar talebi", "new computer", "yeni bilgisayar istiyorum"))
        {
            return (RequestType.Change, ChangeKind.NewComputer);
        }

        if (TurkishText.IsExactly(text, "yazılım talebi", "yazilim talebi", "lisans talebi", "software request", "licence request", "license request"))
        {
            return (RequestType.Change, ChangeKind.SoftwareLicence);
        }

        return null;
    }

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(UserTurn turn, CancellationToken ct)
    {
        var text = turn.Text?.Trim();
        var c = turn.Culture;
        if (RequestNumber().Match(text ?? string.Empty) is { Success: true } m && TurkishText.Words(text).Length <= 4)
        {
            var type = m.Groups[1].Value.ToUpperInvariant() == "DT" ? RequestType.Change : RequestType.Expenditure;
            var number = ApprovalRequest.FormatNumber(type, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
            var request = await approvals.FindByNumberAsync(number, ct);
            if (request is null || !await views.MaySeeAsync(request, turn.User, ct))
            {
                // The same answer whether it does not exist or is someone else's.
                return [new TextReply(Text.Format("Ticket_NotFound", c, number))];
            }

            return [new CardReply(ApprovalCards.Request(await views.CreateAsync(request, ct), await views.ViewerAsync(request, turn.User, ct), c))];
        }

        if (TurkishText.IsExactly(text, "onaylarım", "onaylarim", "onay bekleyenler", "onayımı bekleyenler", "my approvals", "pending approvals", "approvals"))
        {
            var replies = new List<Reply>();
            foreach (var request in await approvals.ListAwaitingApprovalAsync(ct))
            {
                var viewer = await views.ViewerAsync(request, turn.User, ct);
                if (viewer.CanDecide && replies.Count < Shown)
                {
                    replies.Add(new CardReply(ApprovalCards.Request(await views.CreateAsync(request, ct), viewer, c)));
                }
            }

            return replies.Count == 0 ? [new TextReply(Text.Get("Approvals_None", c))] : [new TextReply(Text.Format("Approvals_Waiting", c, replies.Count)), .. replies];
        }

        if (SubstituteCommand().Match(text ?? string.Empty) is { Success: true } sub)
        {
            return [new TextReply(await SetSubstituteAsync(turn, sub.Groups["name"].Value, sub.Groups["from"].Value, sub.Groups["to"].Value, ct))];
        }

        if (TurkishText.IsExactly(text, "vekil", "vekilim", "vekillerim", "substitute", "my substitute"))
        {
            var mine = await approvals.SubstitutionsOfAsync(turn.User.Id, ct);
            var names = (await directory.FindManyAsync(mine.Select(x => x.SubstituteId), ct)).ToDictionary(p => p.Id, p => p.DisplayName);
            var sb = new StringBuilder(Text.Get(mine.Count == 0 ? "Substitute_None" : "Substitute_List", c));
            foreach (var x in mine.OrderBy(x => x.From))
            {
                sb.Append("\n- ").Append(Text.Literal(names.GetValueOrDefault(x.SubstituteId))).Append(": ")
                    .Append(x.From.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)).Append(" – ").Append(x.To.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
            }

            return [new TextReply(sb.ToString())];
        }

        if (TurkishText.IsExactly(text, "zimmetim", "zimmetimdekiler", "demirbaşlarım", "demirbaslarim", "my assets", "my equipment"))
        {
            var mine = await assets.ListEntrustedToAsync(turn.User.Id, ct);
            if (mine.Count == 0)
            {
                return [new TextReply(Text.Get("Assets_None", c))];
            }

            var sb = new StringBuilder(Text.Format("Assets_Title", c, mine.Count));
            foreach (var a in mine)
            {
                sb.Append("\n- ").Append(Text.Literal(a.Label));
                if (a.EntrustedAt is { } at)
                {
                    sb.Append(" (").Append(Istanbul.ToLocal(at).ToString("d", c)).Append(')');
                }
            }

            return [new TextReply(sb.ToString())];
        }

        return null;
    }

    /// <summary>"vekil Fatma Çelik 07.12.2026 11.12.2026": the person names who may decide their approvals between two days.</summary>
    private async Task<string> SetSubstituteAsync(UserTurn turn, string name, string fromText, string toText, CancellationToken ct)
    {
        var c = turn.Culture;
        string[] formats = ["d.M.yyyy", "d/M/yyyy", "yyyy-MM-dd"];
        if (!DateOnly.TryParseExact(fromText, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(toText, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return Text.Get("Substitute_Usage", c);
        }

        var today = DateOnly.FromDateTime(Istanbul.ToLocal(clock.GetUtcNow()).DateTime);
        if (to < from || to < today || to > today.AddYears(1))
        {
            return Text.Get("Action_InvalidDateRange", c);
        }

        var folded = TurkishText.Fold(name);
        var matches = (await directory.ListAllPeopleAsync(ct)).Where(p => p.Role != Domain.Directory.Role.System && p.Id != turn.User.Id
            && (TurkishText.Fold(p.DisplayName) == folded || TurkishText.Fold(p.DisplayName).StartsWith(folded + " ", StringComparison.Ordinal))).ToList();
        if (matches.Count != 1)
        {
            return Text.Format(matches.Count == 0 ? "Substitute_NotFound" : "Substitute_Ambiguous", c, Text.Literal(name));
        }

        approvals.Add(new Substitution(turn.User.Id, matches[0].Id, from, to, turn.User.Id, clock.GetUtcNow()));
        await uow.SaveChangesAsync(ct);
        return Text.Format("Substitute_Set", c, Text.Literal(matches[0].DisplayName), from.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), to.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
    }

    /// <summary>The person's change requests and expenditures, newest first, as lines under their tickets.</summary>
    public async Task<IReadOnlyList<Reply>> MyRequestsAsync(UserTurn turn, CancellationToken ct)
    {
        var mine = await approvals.ListOfRequesterAsync(turn.User.Id, Shown, ct);
        if (mine.Count == 0)
        {
            return [];
        }

        var sb = new StringBuilder(Text.Get("MyApprovalRequests_Title", turn.Culture));
        foreach (var r in mine)
        {
            sb.Append("\n- ").Append(r.Number).Append(": ").Append(Text.Get($"RequestStatus_{r.Status}", turn.Culture));
        }

        return [new TextReply(sb.ToString())];
    }

    [GeneratedRegex(@"^\s*(?:vekil|substitute)\s+(?<name>.+?)\s+(?<from>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})\s*(?:-|–|ile|to|\.\.)?\s*(?<to>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubstituteCommand();

    [GeneratedRegex(@"\b(DT|HT)[-\s]?(\d{4})[-\s]?(\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequestNumber();
}
