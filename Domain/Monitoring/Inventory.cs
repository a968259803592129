using System.Globalization;
using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Domain.Monitoring;

/// <summary>The three things the IT directorate watches; each has its own inventory table, states and daily card.</summary>
public enum MonitoringArea
{
    Backups = 0,
    Cameras = 1,
    EBelediye = 2,
}

/// <summary>What is backed up: a physical server, a virtual server, or a database.</summary>
public enum BackedUpSystemKind
{
    PhysicalServer = 0,
    VirtualServer = 1,
    Database = 2,
}

/// <summary>Where the backups of a target are read from.</summary>
public enum BackupSourceKind
{
    /// <summary>A restic repository: <c>Location</c> is its path or URL, <c>Selector</c> an optional host filter.</summary>
    Restic = 0,

    /// <summary>A borg repository: <c>Location</c> is its path or URL, <c>Selector</c> an optional archive glob (<c>fs01-*</c>).</summary>
    Borg = 1,

    /// <summary>A folder of backup files: <c>Location</c> is the folder, <c>Selector</c> the file patterns (<c>*.bak;*.trn</c>).</summary>
    Folder = 2,

    /// <summary>SQL Server's backup history: <c>Location</c> is a connection string without a password, <c>Selector</c> the database name.</summary>
    SqlServerMsdb = 3,
}

/// <summary>An inventory value that makes no sense (a port of 0, an unknown time zone). The CSV import reports it with the line number.</summary>
public sealed class InventoryValueException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}

/// <summary>Shared rules for the inventory's names and texts.</summary>
public static class InventoryRules
{
    public const int MaxName = 200;
    public const int MaxLocation = 1000;
    public const int MaxHost = 253;
    public const int MaxSelector = 500;
    public const int MaxTimeZoneId = 64;
    public const int MaxMarker = 500;
    public const string DefaultHostTimeZone = "Europe/Istanbul";

    public static string Name(string? name) => TextRules.Require(name, MaxName);

    public static string? Optional(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : TextRules.Require(text, max);

    public static int Port(int port) =>
        port is > 0 and <= 65535
            ? port
            : throw new InventoryValueException("port", "must be 1–65535, got " + port.ToString(CultureInfo.InvariantCulture));

    public static TimeSpan Positive(TimeSpan value, string what) =>
        value > TimeSpan.Zero ? value : throw new InventoryValueException(what, "must be positive");

    /// <summary>Checks that the zone id is known on this machine (IANA ids such as <c>Europe/Istanbul</c>; Windows ids work on Windows).</summary>
    public static string TimeZone(string? id)
    {
        var zone = string.IsNullOrWhiteSpace(id) ? DefaultHostTimeZone : id.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new InventoryValueException("time zone", "unknown zone " + zone);
        }

        return zone;
    }
}

/// <summary>
/// Where a secret is kept, never the secret itself: <c>env:NAME</c> (an environment variable of the bot's host) or
/// <c>file:/path</c> (a file readable by the bot only). The inventory and its CSV hold references only.
/// </summary>
public readonly record struct SecretReference
{
    private const string EnvPrefix = "env:";
    private const string FilePrefix = "file:";

    private SecretReference(bool isFile, string value)
    {
        IsFile = isFile;
        Value = value;
    }

    public bool IsFile { get; }

    public bool IsEnvironment => !IsFile;

    /// <summary>The variable name or the file path.</summary>
    public string Value { get; }

    public static SecretReference Environment(string name) => new(false, RequireValue(name));

    public static SecretReference File(string path) => new(true, RequireValue(path));

    public static SecretReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.StartsWith(EnvPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Environment(t[EnvPrefix.Length..]);
        }

        if (t.StartsWith(FilePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return File(t[FilePrefix.Length..]);
        }

        throw new InventoryValueException("secret", "a secret reference is env:NAME or file:/path");
    }

    public static SecretReference? ParseOptional(string? text) => string.IsNullOrWhiteSpace(text) ? null : Parse(text);

    public override string ToString() => (IsFile ? FilePrefix : EnvPrefix) + Value;

    private static string RequireValue(string value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InventoryValueException("secret", "the reference names nothing")
            : TextRules.Require(value, InventoryRules.MaxLocation);
}

/// <summary>A watched thing that can be switched off without losing its history.</summary>
public interface IMonitoredTarget
{
    int Id { get; }
    string Name { get; }
    int? UnitId { get; }
    bool Enabled { get; }
    MonitoringArea Area { get; }

    /// <summary>Switches the target on or off; false when it already was.</summary>
    bool SetEnabled(bool enabled, DateTimeOffset now);
}

/// <summary>What every watched target has: its name, unit, the on/off switch and when it was created and changed.</summary>
public abstract class MonitoredTarget : IMonitoredTarget
{
    protected MonitoredTarget()
    {
    }

    protected MonitoredTarget(string name, DateTimeOffset now)
    {
        Name = InventoryRules.Name(name);
        CreatedAt = now;
        Enabled = true;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public int? UnitId { get; protected set; }
    public bool Enabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; protected set; }

    public abstract MonitoringArea Area { get; }

    /// <summary>Switches checking off (decommissioned, under repair; the history stays) or on. False when it already was.</summary>
    public bool SetEnabled(bool enabled, DateTimeOffset now)
    {
        if (Enabled == enabled)
        {
            return false;
        }

        Enabled = enabled;
        UpdatedAt = now;
        return true;
    }
}

/// <summary>
/// A server or database whose backups are checked every morning (the seed's "yedek alınmış mı?"), and where its copy
/// at the second location (storage, NAS, external disk) is looked for.
/// </summary>
public sealed class BackupTarget : MonitoredTarget
{
    private BackupTarget()
    {
    }

    public BackupTarget(string name, BackedUpSystemKind systemKind, BackupSourceKind sourceKind, string location, TimeSpan rpo,
        int? unitId, DateTimeOffset now)
        : base(name, now)
    {
        Configure(systemKind, sourceKind, location, rpo, unitId, now);
    }

    public BackedUpSystemKind SystemKind { get; private set; }
    public BackupSourceKind SourceKind { get; private set; }

    /// <summary>Repository path or URL, folder path, or SQL Server connection string (without a password).</summary>
    public string Location { get; private set; } = string.Empty;

    /// <summary>Per kind: restic host filter, borg archive glob, folder file patterns (<c>;</c>-separated), SQL database name.</summary>
    public string? Selector { get; private set; }

    /// <summary>The repository password or the SQL login's password, as a reference (<see cref="SecretReference"/>).</summary>
    public string? Credential { get; private set; }

    /// <summary>The zone of the backup host's clock, for sources whose times carry no offset (borg, msdb). Default Europe/Istanbul.</summary>
    public string HostTimeZoneId { get; private set; } = InventoryRules.DefaultHostTimeZone;

    /// <summary>The second location the latest backup must also be at; null when none is expected.</summary>
    public string? SecondLocation { get; private set; }

    /// <summary>The second location's kind when it differs from the source (e.g. SQL Server backups copied to a NAS folder).</summary>
    public BackupSourceKind? SecondSourceKind { get; private set; }

    /// <summary>The second location's own secret, when it differs from <see cref="Credential"/>.</summary>
    public string? SecondCredential { get; private set; }

    /// <summary>Recovery point objective: the newest backup may be at most this old.</summary>
    public TimeSpan Rpo { get; private set; }


    public override MonitoringArea Area => MonitoringArea.Backups;

    public BackupSourceKind EffectiveSecondKind => SecondSourceKind ?? (SourceKind == BackupSourceKind.SqlServerMsdb ? BackupSourceKind.Folder : SourceKind);

    public void Configure(BackedUpSystemKind systemKind, BackupSourceKind sourceKind, string location, TimeSpan rpo, int? unitId, DateTimeOffset now)
    {
        SystemKind = systemKind;
        SourceKind = sourceKind;
        Location = TextRules.Require(location, InventoryRules.MaxLocation);
        Rpo = InventoryRules.Positive(rpo, "RPO");
        UnitId = unitId;
        UpdatedAt = now;
    }

    public void SetSelector(string? selector, string? credential, string? hostTimeZoneId, DateTimeOffset now)
    {
        Selector = InventoryRules.Optional(selector, InventoryRules.MaxSelector);
        Credential = credential is null ? null : SecretReference.ParseOptional(credential)?.ToString();
        HostTimeZoneId = InventoryRules.TimeZone(hostTimeZoneId);
        UpdatedAt = now;
    }

    public void SetSecondLocation(string? location, BackupSourceKind? kind, string? credential, DateTimeOffset now)
    {
        SecondLocation = InventoryRules.Optional(location, InventoryRules.MaxLocation);
        SecondSourceKind = SecondLocation is null ? null : kind;
        SecondCredential = SecondLocation is null ? null : SecretReference.ParseOptional(credential)?.ToString();
        if (SecondLocation is not null && EffectiveSecondKind == BackupSourceKind.SqlServerMsdb)
        {
            throw new InventoryValueException("second location", "cannot be SQL Server history");
        }

        UpdatedAt = now;
    }

    public BackupLocation Primary() =>
        new(SourceKind, Location, Selector, SecretReference.ParseOptional(Credential), HostTimeZoneId);

    public BackupLocation? Second() =>
        SecondLocation is null
            ? null
            : new(EffectiveSecondKind, SecondLocation, EffectiveSecondKind == SourceKind ? Selector : null,
                SecretReference.ParseOptional(SecondCredential ?? Credential), HostTimeZoneId, IsSecond: true);
}

/// <summary>Where and how to read one set of backups: a target's primary or its second location.</summary>
/// <param name="IsSecond">Reading the second location: only the list is needed (a source may skip sizes it would have to compute).</param>
public sealed record BackupLocation(BackupSourceKind Kind, string Location, string? Selector, SecretReference? Credential, string HostTimeZoneId, bool IsSecond = false);

/// <summary>An IP camera of the municipality, reached over RTSP (or its HTTP port for reachability).</summary>
public sealed class Camera : MonitoredTarget
{
    public const int DefaultRtspPort = 554;

    private Camera()
    {
    }

    public Camera(string name, string host, int port, string rtspPath, int? unitId, string? locationText, DateTimeOffset now)
        : base(name, now)
    {
        Configure(host, port, rtspPath, unitId, locationText, now);
    }


    /// <summary>Where it hangs, as people say it ("Ana Hizmet Binası giriş kapısı").</summary>
    public string? LocationText { get; private set; }

    public string Host { get; private set; } = string.Empty;
    public int Port { get; private set; } = DefaultRtspPort;

    /// <summary>The stream's path on the camera, e.g. <c>/Streaming/Channels/101</c>.</summary>
    public string RtspPath { get; private set; } = "/";

    public string? Username { get; private set; }

    /// <summary>A <see cref="SecretReference"/> to the camera's password.</summary>
    public string? PasswordReference { get; private set; }


    public override MonitoringArea Area => MonitoringArea.Cameras;

    public void Configure(string host, int port, string rtspPath, int? unitId, string? locationText, DateTimeOffset now)
    {
        Host = TextRules.Require(host, InventoryRules.MaxHost);
        Port = InventoryRules.Port(port);
        var path = string.IsNullOrWhiteSpace(rtspPath) ? "/" : rtspPath.Trim();
        RtspPath = TextRules.Require(path.StartsWith('/') ? path : "/" + path, InventoryRules.MaxLocation);
        UnitId = unitId;
        LocationText = InventoryRules.Optional(locationText, TextRules.MaxShortText);
        UpdatedAt = now;
    }

    public void SetCredentials(string? username, string? passwordReference, DateTimeOffset now)
    {
        Username = InventoryRules.Optional(username, InventoryRules.MaxName);
        PasswordReference = Username is null ? null : SecretReference.ParseOptional(passwordReference)?.ToString();
        UpdatedAt = now;
    }
}

/// <summary>An online service of the municipality (e-Belediye: tax payment, applications, the city guide…), watched like the cameras.</summary>
public sealed class EBelediyeService : MonitoredTarget
{
    public static readonly TimeSpan DefaultLatencyThreshold = TimeSpan.FromSeconds(3);

    private EBelediyeService()
    {
    }

    public EBelediyeService(string name, Uri url, string? expectedContent, TimeSpan latencyThreshold, int? unitId, DateTimeOffset now)
        : base(name, now)
    {
        Configure(url, expectedContent, latencyThreshold, unitId, now);
    }

    public string Url { get; private set; } = string.Empty;

    /// <summary>Text the page must contain (ordinal match), so a maintenance or error page with status 200 is noticed.</summary>
    public string? ExpectedContent { get; private set; }

    public TimeSpan LatencyThreshold { get; private set; }

    public override MonitoringArea Area => MonitoringArea.EBelediye;

    public Uri Address => new(Url, UriKind.Absolute);

    public void Configure(Uri url, string? expectedContent, TimeSpan latencyThreshold, int? unitId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new InventoryValueException("url", "an e-Belediye address is an absolute http(s) URL");
        }

        Url = TextRules.Require(url.AbsoluteUri, InventoryRules.MaxLocation);
        ExpectedContent = InventoryRules.Optional(expectedContent, InventoryRules.MaxMarker);
        LatencyThreshold = InventoryRules.Positive(latencyThreshold, "latency threshold");
        UnitId = unitId;
        UpdatedAt = now;
    }
}
