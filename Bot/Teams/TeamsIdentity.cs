using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Infrastructure.GraphDirectory;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace HelpdeskBot.Bot.Teams;

/// <summary>Who is writing, and how to write back to them later.</summary>
public sealed class TeamsIdentity(IDirectory directory, IUnitOfWork uow, IConversationStore conversations, IDirectoryRefresher refresher, ILogger<TeamsIdentity> logger)
{
    /// <summary>
    /// The directory's person for the sender. Someone the directory does not know yet (a new employee before the next
    /// directory sync) is registered as staff without a unit, so they can still report a fault; with Microsoft Graph
    /// configured, they are then synced from it at once (name, mail, unit, manager, role), within a few seconds at most
    /// and never failing the turn.
    /// </summary>
    public async Task<Person> ResolveAsync(ITurnContext turn, CancellationToken ct)
    {
        var from = turn.Activity.From;
        var aadId = from?.AadObjectId;
        if (string.IsNullOrWhiteSpace(aadId))
        {
            // Teams always sends the Azure AD object id of a member; without it we cannot tell who this is, and
            // registering a second person would strip a technician of their role.
            throw new DomainException(DomainError.UnidentifiedSender);
        }

        var person = await directory.FindByAadIdAsync(aadId, ct);
        if (person is not null)
        {
            return person;
        }

        var name = string.IsNullOrWhiteSpace(from!.Name) ? aadId : TextRules.Clean(from.Name).Trim();
        person = new Person(aadId, name.Length > 200 ? name[..200] : name, Role.Staff, null, null, (turn.Activity as Activity)?.Locale);
        directory.Add(person);
        try
        {
            await uow.SaveChangesAsync(ct);
            logger.PersonRegistered(person.Id);
        }
        catch (UniqueConflictException)
        {
            // Their first two messages raced: the other one registered them.
            uow.Reset();
            return await directory.FindByAadIdAsync(aadId, ct) ?? throw new InvalidOperationException("Person vanished after a unique conflict.");
        }

        if (await refresher.RefreshAsync(aadId, ct))
        {
            // The sync saved through its own context; read the row again (nothing else is pending at this point).
            uow.Reset();
            person = await directory.FindByAadIdAsync(aadId, ct) ?? person;
        }

        return person;
    }

    /// <summary>Keeps the personal conversation's reference, so notices reach the person later; a person who writes again is reachable again.</summary>
    /// <param name="writtenIn">the language the person's message was written in, if it showed; remembered for later notices.</param>
    public async Task RememberPersonalChatAsync(ITurnContext turn, Person person, System.Globalization.CultureInfo? writtenIn, CancellationToken ct)
    {
        if (!IsPersonal(turn.Activity))
        {
            return;
        }

        var reference = JsonConvert.SerializeObject(turn.Activity.GetConversationReference());
        var known = await conversations.FindPersonalAsync(person.Id, ct);
        await conversations.UpsertAsync(ConversationKind.Personal, turn.Activity.Conversation.Id, person.Id, reference, ct);
        if (known?.ConversationId != turn.Activity.Conversation.Id || turn.Activity.Type is ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate)
        {
            // First contact, a new chat, or the app (re)installed for them: cards and notices held back for them go out now.
            await conversations.WakeHeldMessagesAsync(person.Id, ct);
        }

        person.RememberLocale(writtenIn?.Name);
        if (person.UnreachableSince is not null)
        {
            person.MarkReachable();
        }

        await uow.SaveChangesAsync(ct);
    }

    public static bool IsPersonal(IActivity activity) =>
        activity.Conversation?.ConversationType is null or "personal";
}
