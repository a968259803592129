using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Conversations;
using HelpdeskBot.Cards.Tickets;
using HelpdeskBot.Dialogs.Approvals;
using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Dialogs.Monitoring;
using HelpdeskBot.Dialogs.Tickets;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Dialogs;

/// <summary>
/// The personal chat's front door: continues the dialog the conversation is in, or reads a new message as a
/// command ("taleplerim", a ticket number, help) or as the start of a fault report.
/// </summary>
public sealed partial class ConversationRouter(
    IDialogStateRepository states,
    IUnitOfWork uow,
    ITicketRepository tickets,
    FaultReportDialog faultReport,
    RequestDialog requestDialog,
    RequestCommands requestCommands,
    MonitoringCommands monitoring,
    TicketViewFactory views,
    TimeProvider clock)
{
    /// <summary>A dialog untouched this long is forgotten; the user starts again, told why.</summary>
    public static readonly TimeSpan DialogLifetime = TimeSpan.FromHours(24);

    private const int MyTicketsShown = 10;

    public async Task<IReadOnlyList<Reply>> HandleAsync(UserTurn turn, CancellationToken ct = default)
    {
        var c = turn.Culture;
        var record = await states.FindAsync(turn.ConversationId, ct);
        var preface = new List<Reply>();
        if (record is not null)
        {
            if (TurkishText.IsExactly(turn.Text, "iptal", "cancel", "vazgeç", "vazgec", "vazgeçtim", "stop", "dur"))
            {
                states.Remove(record);
                await uow.SaveChangesAsync(ct);
                return [new TextReply(Text.Get("Dialog_Cancelled", c))];
            }

            if (IsMyRequests(turn.Text))
            {
                // Looking at one's requests mid-report is fine: the report waits where it was.
                return [.. await MyRequestsAsync(turn, ct), new TextReply(Text.Get("Dialog_Resume", c))];
            }

            if (turn.Value is null && await requestCommands.TryHandleAsync(turn, ct) is { } commandReplies)
            {
                // So are "onaylarım", "zimmetim", "vekil …" and a request number: commands, never answers.
                return [.. commandReplies, new TextReply(Text.Get("Dialog_Resume", c))];
            }

            var dialog = DialogNamed(record.DialogName);
            var state = dialog is null ? null : ReadState(record, dialog);
            if (dialog is null || state is null || clock.GetUtcNow() - record.UpdatedAt > DialogLifetime)
            {
                // Written by a build whose state we cannot read, or abandoned: never strand the user, start afresh.
                states.Remove(record);
                await uow.SaveChangesAsync(ct);
                preface.Add(new TextReply(Text.Get(state is null ? "Dialog_Reset" : "Dialog_Expired", c)));
            }
            else
            {
                var (next, replies) = await dialog.ContinueUntypedAsync(state, turn, ct);
                await KeepAsync(record, next, dialog, turn, ct);
                return replies;
            }
        }

        return [.. preface, .. await StartAsync(turn, ct)];
    }

    private async Task<IReadOnlyList<Reply>> StartAsync(UserTurn turn, CancellationToken ct)
    {
        var c = turn.Culture;
        var text = turn.Text?.Trim() ?? string.Empty;
        if (turn.Value is { } value && value.ValueKind == JsonValueKind.Object && Json.TryRead<DialogSubmitData>(value) is { Step: not null })
        {
            return [new TextReply(Text.Get("Dialog_Finished", c))];
        }

        if (text.Length == 0 || TurkishText.IsExactly(text, "yardım", "yardim", "help", "?", "menü", "menu", "komutlar", "commands"))
        {
            return [new TextReply(Text.Get("Help", c))];
        }

        if (TurkishText.IsExactly(text, "merhaba", "selam", "selamlar", "günaydın", "gunaydin", "iyi günler", "hi", "hello", "hey"))
        {
            return [new TextReply(Text.Format("Welcome", c, Text.Literal(turn.User.DisplayName))), new TextReply(Text.Get("Help", c))];
        }

        if (IsMyRequests(text))
        {
            return await MyRequestsAsync(turn, ct);
        }

        if (await monitoring.TryHandleAsync(turn, ct) is { } monitoringReplies)
        {
            return monitoringReplies;
        }

        if (await requestCommands.TryHandleAsync(turn, ct) is { } requestReplies)
        {
            return requestReplies;
        }

        if (RequestCommands.StartsRequest(text) is var (type, kind))
        {
            if (type == Domain.Approvals.RequestType.Expenditure && !turn.User.IsItStaff)
            {
                return [new TextReply(Text.Get("ExpenseDialog_OnlyIt", c))];
            }

            var started = await requestDialog.StartAsync(turn, type, kind, ct);
            await KeepAsync(null, started.State, requestDialog, turn, ct);
            return started.Replies;
        }

        if (TicketNumber().Match(text) is { Success: true } m && TurkishText.Words(text).Length <= 4)
        {
            var number = Ticket.FormatNumber(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            var ticket = await tickets.FindByNumberAsync(number, ct);
            if (ticket is null || (ticket.RequesterId != turn.User.Id && !turn.User.IsItStaff))
            {
                // The same answer whether it does not exist or is someone else's: ticket contents are personal data.
                return [new TextReply(Text.Format("Ticket_NotFound", c, number))];
            }

            return [new CardReply(TicketCards.Detail(await views.CreateAsync(ticket, ct), ticket.RequesterId == turn.User.Id, c))];
        }

        if (TurkishText.IsExactly(text, "iptal", "cancel", "vazgeç", "vazgec", "geri", "back"))
        {
            return [new TextReply(Text.Get("Dialog_NothingToCancel", c))];
        }

        var explicitStart = TurkishText.IsExactly(text, "arıza bildir", "ariza bildir", "arıza", "yardım talebi", "yeni talep", "talep oluştur",
            "destek", "report", "report a fault", "new request", "help request");
        var topic = explicitStart ? null : TopicRecognizer.Recognize(text);
        var words = TurkishText.Words(text).Length;
        var descriptive = !explicitStart && (words >= 3 || (topic is not null && words >= 2)); // "outlook açılmıyor" says what happened
        if (!explicitStart && topic is null && !descriptive)
        {
            return [new TextReply(Text.Get("NotUnderstood", c)), new TextReply(Text.Get("Help", c))];
        }

        if (text.Length > TextRules.MaxDescription)
        {
            return [new TextReply(Text.Format("Dialog_TooLong", c, TextRules.MaxDescription))];
        }

        var description = descriptive ? text : null;
        var step = await faultReport.StartAsync(turn, topic, description, ct);
        await KeepAsync(null, step.State, faultReport, turn, ct);
        return step.Replies;
    }

    private static bool IsMyRequests(string? text) =>
        TurkishText.IsExactly(text, "taleplerim", "taleplerimi göster", "my requests", "requests", "my tickets", "taleplerimi listele");

    private async Task<IReadOnlyList<Reply>> MyRequestsAsync(UserTurn turn, CancellationToken ct)
    {
        var mine = await tickets.ListOfRequesterAsync(turn.User.Id, MyTicketsShown, ct);
        var list = new List<TicketView>();
        foreach (var t in mine)
        {
            list.Add(await views.CreateAsync(t, ct));
        }

        var requests = await requestCommands.MyRequestsAsync(turn, ct);
        return list.Count == 0 && requests.Count > 0
            ? requests // no "you have no requests yet" above the change requests they do have
            : [new CardReply(TicketCards.MyTickets(list, turn.Culture)), .. requests];
    }

    private IDialog? DialogNamed(string name) =>
        name == faultReport.Name ? faultReport : name == requestDialog.Name ? requestDialog : null;

    private async Task KeepAsync(DialogStateRecord? record, object? next, IDialog dialog, UserTurn turn, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        record ??= next is null ? null : await states.FindAsync(turn.ConversationId, ct);
        if (next is null)
        {
            if (record is not null && await states.FindAsync(turn.ConversationId, ct) is { } still)
            {
                states.Remove(still);
            }
        }
        else
        {
            var json = JsonSerializer.Serialize(next, dialog.StateType, DialogJson.Options);
            if (record is null)
            {
                states.Add(new DialogStateRecord(turn.ConversationId, dialog.Name, dialog.Version, json, now));
            }
            else
            {
                states.Restore(record); // the dialog may have forgotten itself on "send", then stayed (a refusal)
                record.Update(dialog.Name, dialog.Version, json, now);
            }
        }

        await uow.SaveChangesAsync(ct);
    }

    private static object? ReadState(DialogStateRecord record, IDialog dialog)
    {
        if (record.StateVersion != dialog.Version)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(record.StateJson, dialog.StateType, DialogJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\bBT[-\s]?(\d{4})[-\s]?(\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TicketNumber();
}
