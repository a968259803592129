using System.Globalization;
using System.Text.Json;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Bot.Teams;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Tickets;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Dialogs.Tickets;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Tickets;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Bot.Tickets;

/// <summary>
/// The ticket buttons (Action.Execute). Every press is checked on the server: the entity refuses what the presser may
/// not do. The presser gets the updated card back; everyone else's copy is updated through the outbox.
/// </summary>
public sealed class TicketCardActions(
    ITicketRepository tickets,
    IDirectory directory,
    TicketViewFactory views,
    ClaimTicket claim,
    PutTicketOnHold hold,
    ResumeTicket resume,
    HandOverTicket handOver,
    ResolveTicket resolve,
    ConfirmResolution confirm,
    ReopenTicket reopen,
    AddTicketNote note,
    CancelTicket cancel,
    IOptions<BotOptions> options,
    ILogger<TicketCardActions> logger)
{
    public async Task<AdaptiveCardInvokeResponse> HandleAsync(string verb, JsonElement data, Person person, CultureInfo culture, bool repeated, CancellationToken ct)
    {
        var d = Json.TryRead<TicketActionData>(data);
        if (d is null || d.TicketId <= 0)
        {
            return Replies.MessageResponse(Text.Get("Action_Unknown", culture));
        }

        try
        {
            // A repeat (Teams retry) only re-renders, but it is checked like a first press: the card shows personal data.
            if (repeated && TicketVerbs.ItOnly.Contains(verb) && !person.IsItStaff)
            {
                throw new DomainException(DomainError.NotItStaff, person.DisplayName);
            }

            var change = repeated || verb == TicketVerbs.Show
                ? new TicketChange(await tickets.FindAsync(d.TicketId, ct) ?? throw new DomainException(DomainError.TicketNotFound), false)
                : await ActAsync(verb, d, person, culture, ct);
            if (change is null)
            {
                return Replies.MessageResponse(Text.Get("Action_Unknown", culture));
            }

            logger.CardAction(verb, person.Id, d.TicketId, change.Changed ? "changed" : "unchanged");
            var view = await views.CreateAsync(change.Ticket, ct);
            if (TicketVerbs.ItOnly.Contains(verb))
            {
                return Replies.CardResponse(TicketCards.Channel(view, Text.CultureFor(options.Value.ChannelLocale)));
            }

            if (change.Ticket.RequesterId != person.Id && !person.IsItStaff)
            {
                return Replies.MessageResponse(Text.Get("Action_NotRequester", culture));
            }

            return Replies.CardResponse(TicketCards.Detail(view, change.Ticket.RequesterId == person.Id, culture));
        }
        catch (DomainException ex)
        {
            logger.CardAction(verb, person.Id, d.TicketId, ex.Error.ToString());
            return Replies.MessageResponse(await DescribeAsync(ex, culture, ct));
        }
        catch (ConcurrencyConflictException)
        {
            return Replies.MessageResponse(Text.Get("Action_Failed", culture));
        }
    }

    private async Task<TicketChange?> ActAsync(string verb, TicketActionData d, Person person, CultureInfo culture, CancellationToken ct) => verb switch
    {
        TicketVerbs.Claim => await claim.ExecuteAsync(d.TicketId, person, ct),
        TicketVerbs.Hold => await hold.ExecuteAsync(d.TicketId, person, d.Reason, ct),
        TicketVerbs.Resume => await resume.ExecuteAsync(d.TicketId, person, ct),
        TicketVerbs.HandOver => int.TryParse(d.Assignee, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            ? await handOver.ExecuteAsync(d.TicketId, person, to, ct)
            : throw new DomainException(DomainError.PersonNotFound),
        TicketVerbs.Resolve => await resolve.ExecuteAsync(d.TicketId, person, d.Note, d.Cartridge, ct),
        TicketVerbs.Confirm => await confirm.ExecuteAsync(d.TicketId, person, ParseRating(d.Rating), ct),
        TicketVerbs.Reopen => await reopen.ExecuteAsync(d.TicketId, person, d.Reason, ct),
        TicketVerbs.Note => await note.ExecuteAsync(d.TicketId, person, d.Note, ct),
        TicketVerbs.Cancel => await cancel.ExecuteAsync(d.TicketId, person, d.Reason, ct),
        _ => null,
    };

    private static int? ParseRating(string? rating) =>
        string.IsNullOrWhiteSpace(rating) ? null
        : int.TryParse(rating, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r
        : throw new DomainException(DomainError.RatingOutOfRange);

    private async Task<string> DescribeAsync(DomainException ex, CultureInfo culture, CancellationToken ct)
    {
        switch (ex.Error)
        {
            case DomainError.AlreadyClaimed:
                var holder = int.TryParse(ex.Args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? await directory.FindAsync(id, ct) : null;
                return Text.Format("Action_AlreadyClaimed", culture, holder?.DisplayName ?? "?");
            case DomainError.InvalidTransition:
                return Text.Format("Action_InvalidTransition", culture, Text.Get($"Status_{ex.Args[0]}", culture));
            case DomainError.HandOverTargetNotIt:
                return Text.Format("Action_HandOverTargetNotIt", culture, ex.Args[0]);
            case DomainError.TextTooLong:
                return Text.Format("Action_TextTooLong", culture, ex.Args[0]);
            default:
                return Text.Get($"Action_{ex.Error}", culture);
        }
    }
}
