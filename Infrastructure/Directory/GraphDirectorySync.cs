using System.Globalization;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.GraphDirectory;

/// <summary>What a full directory sync did: people whose row changed, were already right, are unknown to Graph, or could not be read.</summary>
/// <param name="ManagersCreated">managers Graph named that had no row yet, added as people.</param>
/// <param name="RolesSynced">false when no role group is configured or a group could not be read: every role was then left as stored.</param>
public sealed record DirectorySyncSummary(int Updated, int Unchanged, int NotFound, int Failed, int ManagersCreated, bool RolesSynced)
{
    public int Total => Updated + Unchanged + NotFound + Failed;
}

/// <summary>The outcome of syncing one person.</summary>
public enum PersonSyncResult
{
    Updated,
    Unchanged,

    /// <summary>Graph does not know the person (404); their row is left as it is.</summary>
    NotFound,

    /// <summary>Not in the local directory, or a <see cref="Role.System"/> account: nothing to sync.</summary>
    Skipped,
}

/// <summary>
/// Brings the local People table in line with Microsoft Graph: name, mail (or user principal name), unit (the local unit
/// whose name or code is Graph's <c>department</c>, compared Turkish-aware and case-insensitively; none matches: the
/// unit is kept), manager (created as a person when only Graph knows them; none: cleared) and, when role groups are
/// configured, the role.
/// </summary>
/// <remarks>
/// Roles: the direct members of <see cref="GraphDirectoryOptions.ItDirectorGroupId"/> are IT directors, else of
/// <see cref="GraphDirectoryOptions.ItTechniciansGroupId"/> IT technicians, else of
/// <see cref="GraphDirectoryOptions.UnitManagersGroupId"/> unit managers. A person in none of them who holds a role
/// whose group is configured becomes staff; a role whose group is not configured is managed locally and kept (so is a
/// higher local role than the groups give). Clerks stay clerks unless a group gives them a role; <see cref="Role.System"/>
/// accounts are never synced. If a group cannot be read, no role is changed in that run.
/// </remarks>
public sealed partial class GraphDirectorySync(
    IDirectorySource graph,
    HelpdeskDbContext db,
    IOptions<GraphDirectoryOptions> options,
    ILogger<GraphDirectorySync> logger)
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    /// <summary>Syncs every person in the local directory (not the system accounts). Group memberships are read once.</summary>
    public async Task<DirectorySyncSummary> SyncAllAsync(CancellationToken ct = default)
    {
        var groups = await TryReadGroupsAsync(ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var people = await db.People.Where(p => p.Role != Role.System).OrderBy(p => p.Id).Select(p => p.AadObjectId).ToListAsync(ct);
        int updated = 0, unchanged = 0, notFound = 0, failed = 0, created = 0;
        foreach (var aadObjectId in people)
        {
            try
            {
                var (result, managerCreated) = await SyncCoreAsync(aadObjectId, groups, units, ct);
                created += managerCreated ? 1 : 0;
                switch (result)
                {
                    case PersonSyncResult.Updated:
                        updated++;
                        break;
                    case PersonSyncResult.Unchanged:
                        unchanged++;
                        break;
                    case PersonSyncResult.NotFound:
                        notFound++;
                        break;
                }
            }
            catch (GraphRetriesExhaustedException e)
            {
                failed++;
                db.ChangeTracker.Clear();
                PersonFailed(logger, aadObjectId, e.StatusCode, e.Message);
            }
            catch (DbUpdateException e)
            {
                // E.g. their manager was registered meanwhile by their first message: the next run links them.
                failed++;
                db.ChangeTracker.Clear();
                PersonNotSaved(logger, e, aadObjectId);
            }
        }

        var summary = new DirectorySyncSummary(updated, unchanged, notFound, failed, created, groups is not null);
        Finished(logger, summary.Updated, summary.Unchanged, summary.NotFound, summary.Failed, summary.ManagersCreated, summary.RolesSynced);
        return summary;
    }

    /// <summary>Syncs one person of the local directory (by Azure AD object id); the role groups are read for them.</summary>
    /// <exception cref="GraphRetriesExhaustedException">Graph kept throttling or was unavailable after every retry; nothing was saved.</exception>
    public async Task<PersonSyncResult> SyncPersonAsync(string aadObjectId, CancellationToken ct = default)
    {
        var groups = await TryReadGroupsAsync(ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        return (await SyncCoreAsync(aadObjectId, groups, units, ct)).Result;
    }

    /// <summary>
    /// The role the groups give, from the person's stored role and their group memberships (null: no group configured
    /// or readable; the role is kept). See the class remarks.
    /// </summary>
    public static Role DecideRole(Role current, string aadObjectId, RoleGroups? groups)
    {
        if (groups is null || current == Role.System)
        {
            return current;
        }

        Role? fromGroups = groups.Director?.Contains(aadObjectId) == true ? Role.ItDirector
            : groups.Technicians?.Contains(aadObjectId) == true ? Role.ItTechnician
            : groups.UnitManagers?.Contains(aadObjectId) == true ? Role.UnitManager
            : null;
        var governed = current switch
        {
            Role.ItDirector => groups.Director is not null,
            Role.ItTechnician => groups.Technicians is not null,
            Role.UnitManager => groups.UnitManagers is not null,
            _ => false,
        };
        var kept = governed ? Role.Staff : current;
        return fromGroups is { } role && Rank(role) >= Rank(kept) ? role : kept;
    }

    /// <summary>The local unit whose name or code is the department (Turkish-aware, case-insensitive), or null.</summary>
    public static int? MatchUnit(string? department, IEnumerable<Unit> units)
    {
        var wanted = department?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return null;
        }

        return units.FirstOrDefault(u => Same(u.Name, wanted)) is { } byName ? byName.Id
            : units.FirstOrDefault(u => Same(u.Code, wanted))?.Id;
    }

    private static bool Same(string a, string b) => string.Compare(a.Trim(), b, Turkish, CompareOptions.IgnoreCase) == 0;

    private static int Rank(Role role) => role switch
    {
        Role.ItDirector => 3,
        Role.ItTechnician => 2,
        Role.UnitManager => 1,
        _ => 0,
    };

    private async Task<(PersonSyncResult Result, bool ManagerCreated)> SyncCoreAsync(string aadObjectId, RoleGroups? groups, IReadOnlyList<Unit> units, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.AadObjectId == aadObjectId, ct);
        if (person is null || person.Role == Role.System)
        {
            return (PersonSyncResult.Skipped, false);
        }

        // Read everything first: a failure leaves the row untouched.
        var user = await graph.GetUserAsync(aadObjectId, ct);
        if (user is null)
        {
            NotKnown(logger, person.Id);
            return (PersonSyncResult.NotFound, false);
        }

        var manager = await graph.GetManagerAsync(aadObjectId, ct);

        var before = (person.DisplayName, person.Email, person.Role, person.UnitId, person.ManagerId);
        var created = false;
        int? managerId = null;
        if (manager is not null && !string.Equals(manager.Id, aadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            var local = await db.People.FirstOrDefaultAsync(p => p.AadObjectId == manager.Id, ct);
            if (local is null)
            {
                local = new Person(manager.Id, Name(manager, manager.Id), DecideRole(Role.Staff, manager.Id, groups), MatchUnit(manager.Department, units), Mail(manager));
                db.People.Add(local);
                await db.SaveChangesAsync(ct);
                created = true;
                ManagerCreated(logger, local.Id, person.Id);
            }

            managerId = local.Id;
        }

        person.UpdateFromDirectory(Name(user, person.DisplayName), Mail(user) ?? person.Email, DecideRole(person.Role, aadObjectId, groups),
            MatchUnit(user.Department, units) ?? person.UnitId);
        person.SetManager(managerId);
        if (before == (person.DisplayName, person.Email, person.Role, person.UnitId, person.ManagerId))
        {
            return (PersonSyncResult.Unchanged, created);
        }

        await db.SaveChangesAsync(ct);
        if (before.Role != person.Role)
        {
            RoleChanged(logger, person.Id, before.Role, person.Role);
        }

        return (PersonSyncResult.Updated, created);
    }

    private static string Name(DirectoryUser user, string fallback)
    {
        var name = TextRules.Clean(user.DisplayName).Trim();
        if (name.Length == 0)
        {
            name = fallback;
        }

        return name.Length > TextRules.MaxShortText ? name[..TextRules.MaxShortText] : name;
    }

    private static string? Mail(DirectoryUser user)
    {
        var mail = string.IsNullOrWhiteSpace(user.Mail) ? user.UserPrincipalName : user.Mail;
        return string.IsNullOrWhiteSpace(mail) || mail.Length > 320 ? null : mail.Trim();
    }

    private async Task<RoleGroups?> TryReadGroupsAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.ItDirectorGroupId) && string.IsNullOrWhiteSpace(o.ItTechniciansGroupId) && string.IsNullOrWhiteSpace(o.UnitManagersGroupId))
        {
            return null;
        }

        try
        {
            return new RoleGroups(await MembersAsync(o.ItDirectorGroupId, ct), await MembersAsync(o.ItTechniciansGroupId, ct), await MembersAsync(o.UnitManagersGroupId, ct));
        }
        catch (GraphRetriesExhaustedException e)
        {
            GroupsUnreadable(logger, e.StatusCode, e.Message);
            return null;
        }
    }

    private async Task<IReadOnlySet<string>?> MembersAsync(string? groupId, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(groupId)
            ? null
            : (await graph.ListGroupMembersAsync(groupId.Trim(), ct)).Select(m => m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory sync: Microsoft Graph does not know person {PersonId}; left as is")]
    private static partial void NotKnown(ILogger logger, int personId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory sync: skipped {AadObjectId}, Microsoft Graph answered {Status} after every retry: {Reason}")]
    private static partial void PersonFailed(ILogger logger, string aadObjectId, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory sync: could not save {AadObjectId}; skipped")]
    private static partial void PersonNotSaved(ILogger logger, Exception exception, string aadObjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory sync: the role groups could not be read ({Status}: {Reason}); roles are left as stored in this run")]
    private static partial void GroupsUnreadable(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory sync: added manager {ManagerId} of person {PersonId} from Microsoft Graph")]
    private static partial void ManagerCreated(ILogger logger, int managerId, int personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory sync: person {PersonId} is now {Role} (was {Previous})")]
    private static partial void RoleChanged(ILogger logger, int personId, Role previous, Role role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory sync done: {Updated} updated, {Unchanged} unchanged, {NotFound} not in Graph, {Failed} failed, {Created} managers added, roles synced: {RolesSynced}")]
    private static partial void Finished(ILogger logger, int updated, int unchanged, int notFound, int failed, int created, bool rolesSynced);
}

/// <summary>The direct members (Azure AD object ids) of each configured role group; null for a group not configured.</summary>
public sealed record RoleGroups(IReadOnlySet<string>? Director, IReadOnlySet<string>? Technicians, IReadOnlySet<string>? UnitManagers);
