using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Domain.Directory;

public enum Role
{
    Staff = 0,
    UnitManager = 1,
    ItTechnician = 2,
    ItDirector = 3,
    Clerk = 4,

    /// <summary>The bot's own account (the monitoring checks): files tasks, never messaged.</summary>
    System = 5,
}

/// <summary>Accounts that are not people.</summary>
public static class SystemAccounts
{
    /// <summary>The requester of tasks opened by the monitoring checks.</summary>
    public const string MonitoringAadObjectId = "system-monitoring";
}

/// <summary>A member of the municipality's staff, as the directory knows them.</summary>
public sealed class Person
{
    private Person()
    {
    }

    public Person(string aadObjectId, string displayName, Role role, int? unitId, string? email = null, string? preferredLocale = null)
    {
        AadObjectId = aadObjectId;
        DisplayName = displayName;
        Role = role;
        UnitId = unitId;
        Email = email;
        PreferredLocale = preferredLocale;
    }

    public int Id { get; private set; }
    public string AadObjectId { get; private set; } = string.Empty;
    public string DisplayName { get; private set; } = string.Empty;
    public string? Email { get; private set; }
    public Role Role { get; private set; }
    public int? UnitId { get; private set; }
    public string? PreferredLocale { get; private set; }

    /// <summary>The person's own manager (Graph's <c>manager</c>): where a waiting approval is escalated.</summary>
    public int? ManagerId { get; private set; }

    /// <summary>Set when Teams answered 403 to a proactive message (the user blocked or removed the bot).</summary>
    public DateTimeOffset? UnreachableSince { get; private set; }

    public bool IsItStaff => Role is Role.ItTechnician or Role.ItDirector;

    public void SetManager(int? managerId) => ManagerId = managerId == Id && Id != 0 ? null : managerId;

    /// <summary>Takes what the organisation's directory (Microsoft Graph) says about the person.</summary>
    public void UpdateFromDirectory(string displayName, string? email, Role role, int? unitId)
    {
        DisplayName = TextRules.Require(displayName, 200);
        Email = email;
        Role = role;
        UnitId = unitId;
    }

    public void MarkUnreachable(DateTimeOffset now) => UnreachableSince ??= now;

    public void MarkReachable() => UnreachableSince = null;

    public void RememberLocale(string? locale)
    {
        if (!string.IsNullOrWhiteSpace(locale))
        {
            PreferredLocale = locale;
        }
    }
}

/// <summary>A unit of the municipality (müdürlük).</summary>
public sealed class Unit
{
    private Unit()
    {
    }

    public Unit(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
}

/// <summary>A service location (hizmet yeri): a building or site where units work.</summary>
public sealed class ServiceLocation
{
    private ServiceLocation()
    {
    }

    public ServiceLocation(string name, int? unitId)
    {
        Name = name;
        UnitId = unitId;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public int? UnitId { get; private set; }
}
