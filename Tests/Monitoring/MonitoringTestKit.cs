using System.Diagnostics;
using System.Globalization;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure.Monitoring;
using HelpdeskBot.Tests.Infrastructure;

namespace HelpdeskBot.Tests.Monitoring;

/// <summary>The real programs the monitoring tests drive. .ci/run installs them; a test skips (saying which) only where one is absent.</summary>
internal static class Tools
{
    public const string PythonGst = "/usr/bin/python3";

    public static bool Has(string program) =>
        Path.IsPathRooted(program)
            ? File.Exists(program)
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Any(d => File.Exists(Path.Combine(d, program)));

    /// <summary>GStreamer's RTSP server bindings for Debian's python (gir1.2-gst-rtsp-server-1.0, python3-gst-1.0).</summary>
    public static bool HasGstRtspServer()
    {
        if (!File.Exists(PythonGst))
        {
            return false;
        }

        var r = Run(PythonGst, ["-c", "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer"], TimeSpan.FromSeconds(20));
        return r.ExitCode == 0;
    }

    public static string? SkipReason(string[] programs)
    {
        var missing = programs.Where(p => p == "gst-rtsp-server" ? !HasGstRtspServer() : !Has(p)).ToList();
        return missing.Count == 0
            ? null
            : $"not installed: {string.Join(", ", missing)} (apt-get install restic borgbackup ffmpeg gir1.2-gst-rtsp-server-1.0 python3-gst-1.0 "
              + "gstreamer1.0-rtsp gstreamer1.0-plugins-base gstreamer1.0-plugins-good; .ci/run does)";
    }

    /// <summary>Runs a set-up command and fails the test with its output when it fails.</summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> args, TimeSpan timeout, IDictionary<string, string>? env = null,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        using var p = Process.Start(info)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', info.ArgumentList)} took longer than {timeout}");
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    public static string MustRun(string program, IEnumerable<string> args, IDictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var list = args.ToList();
        var (code, output) = Run(program, list, TimeSpan.FromSeconds(60), env, workingDirectory);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', list)} failed ({code}): {output}");
        }

        return output;
    }

    /// <summary>The fixture file beside this source file, found from the test binaries' folder upwards.</summary>
    public static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Monitoring", "Fixtures", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            candidate = Path.Combine(dir.FullName, "Tests", "Monitoring", "Fixtures", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("fixture not found", name);
    }

    public static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>A fact that is skipped, with the reason, when a program it needs is not installed.</summary>
public sealed class RequiresFactAttribute : FactAttribute
{
    public RequiresFactAttribute(params string[] programs) => Skip = Tools.SkipReason(programs);
}

/// <summary>A theory that is skipped, with the reason, when a program it needs is not installed.</summary>
public sealed class RequiresTheoryAttribute : TheoryAttribute
{
    public RequiresTheoryAttribute(params string[] programs) => Skip = Tools.SkipReason(programs);
}

/// <summary>A temp folder deleted at the end.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "helpdesk-mon-")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(params string[] parts)
    {
        var p = System.IO.Path.Combine([Path, .. parts]);
        Directory.CreateDirectory(p);
        return p;
    }

    /// <summary>A file of the given size (random bytes, so dedup and compression keep the size) with its modification time.</summary>
    public string File(string relative, int bytes, DateTimeOffset? modified = null)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var data = new byte[bytes];
        Random.Shared.NextBytes(data);
        System.IO.File.WriteAllBytes(full, data);
        if (modified is { } m)
        {
            System.IO.File.SetLastWriteTimeUtc(full, m.UtcDateTime);
        }

        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}

/// <summary>Monitoring through the real DI wiring and SQLite storage, with the clock set to the real time (the repositories' times are real).</summary>
internal static class MonitoringStorage
{
    public static async Task<TestStorage> CreateAsync(IDictionary<string, string?>? settings = null, bool seed = false)
    {
        var all = new Dictionary<string, string?> { ["Storage:Seed"] = seed ? "true" : "false" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        var storage = await TestStorage.CreateAsync(settings: all);
        storage.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        return storage;
    }

    public static BackupTarget Target(string name, BackupSourceKind kind, string location, string? selector = null, string? credential = null,
        string? second = null, TimeSpan? rpo = null, string? zone = null, BackupSourceKind? secondKind = null)
    {
        var now = DateTimeOffset.UtcNow;
        var t = new BackupTarget(name, BackedUpSystemKind.VirtualServer, kind, location, rpo ?? TimeSpan.FromHours(26), null, now);
        t.SetSelector(selector, credential, zone, now);
        t.SetSecondLocation(second, secondKind, null, now);
        return t;
    }
}
