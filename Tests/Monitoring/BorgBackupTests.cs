using System.Globalization;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Monitoring;

/// <summary>
/// Real borg repositories made once for the class: a primary with four servers' archives (told apart by name prefix), back-dated
/// with <c>create --timestamp</c>, a second repository holding same-named copies of some, and an encrypted one.
/// </summary>
public sealed class BorgRepositories : IDisposable
{
    public const string Passphrase = "Borg-Parolası-1";
    private readonly TempFolder temp = new("helpdesk-borg-");

    public BorgRepositories()
    {
        if (!Tools.Has("borg"))
        {
            return;
        }

        // Whole seconds: borg keeps microseconds, and the test compares instants.
        Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Primary = Path.Combine(temp.Path, "primary");
        Second = Path.Combine(temp.Path, "usb-disk");
        Encrypted = Path.Combine(temp.Path, "encrypted");
        var big = temp.Sub("data", "big");
        var small = temp.Sub("data", "small");
        temp.File("data/big/share.tar", 150_000);
        temp.File("data/small/share.tar", 10_000);

        Borg("init", "-e", "none", Primary);
        Borg("init", "-e", "none", Second);
        Create(Primary, "fresh-1", big, Now.AddHours(-2));
        Create(Second, "fresh-1", big, Now.AddHours(-2).AddSeconds(30));
        Create(Primary, "stale-1", big, Now.AddDays(-3));
        for (var d = 4; d >= 2; d--)
        {
            Create(Primary, $"shrunk-{d}", big, Now.AddDays(-d));
        }

        Create(Primary, "shrunk-0", small, Now.AddHours(-1));
        Create(Primary, "nocopy-1", big, Now.AddDays(-1));
        Create(Second, "nocopy-1", big, Now.AddDays(-1));
        Create(Primary, "nocopy-2", big, Now.AddHours(-8));

        Tools.MustRun("borg", ["init", "-e", "repokey", Encrypted], Environment());
        Tools.MustRun("borg", ["create", $"{Encrypted}::enc-1", big], Environment());
    }

    public DateTimeOffset Now { get; }
    public string Primary { get; } = string.Empty;
    public string Second { get; } = string.Empty;
    public string Encrypted { get; } = string.Empty;

    public void Dispose() => temp.Dispose();

    private static Dictionary<string, string> Environment() => new()
    {
        ["BORG_PASSPHRASE"] = Passphrase,
        ["BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK"] = "yes",
        ["TZ"] = "UTC",
    };

    private static void Borg(params string[] args) => Tools.MustRun("borg", args, Environment());

    // borg 1.2 reads a --timestamp without an offset as UTC.
    private static void Create(string repo, string name, string folder, DateTimeOffset at) =>
        Borg("create", "--timestamp", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), $"{repo}::{name}", folder);
}

public sealed class BorgBackupTests(BorgRepositories repos) : IClassFixture<BorgRepositories>
{
    [RequiresFact("borg")]
    public async Task CheckAsync_FreshArchiveWithSameNamedCopy_IsOk()
    {
        var result = await CheckAsync("fresh-*");

        Assert.Equal(CheckStatus.Ok, result.Status);
        Assert.Equal(nameof(SecondCopyState.Present), result.Measures[MeasureKeys.SecondCopy]);
        Assert.Equal("150000", result.Measures[MeasureKeys.SizeBytes]);
    }

    [RequiresTheory("borg")]
    [InlineData("Europe/Istanbul")]
    [InlineData("America/New_York")]
    [InlineData("UTC")]
    public async Task ReadAsync_TimesWithoutOffset_AreReadInTheHostZone(string zone)
    {
        await using var storage = await MonitoringStorage.CreateAsync();
        var source = storage.Services.GetServices<IBackupSource>().Single(s => s.Kind == BackupSourceKind.Borg);

        var observation = await source.ReadAsync(new BackupLocation(BackupSourceKind.Borg, repos.Primary, "fresh-*", null, zone));

        Assert.True(observation.IsReadable, observation.UnreadableReason);
        Assert.Equal(repos.Now.AddHours(-2), Assert.Single(observation.Backups).TakenAt);
    }

    [RequiresFact("borg")]
    public async Task CheckAsync_StaleShrunkAndUncopied_AreTold()
    {
        var stale = await CheckAsync("stale-*", second: false);
        var shrunk = await CheckAsync("shrunk-*", second: false);
        var nocopy = await CheckAsync("nocopy-*");

        Assert.Equal((CheckStatus.Failed, CheckProblem.BackupStale), (stale.Status, Assert.Single(stale.Problems)));
        Assert.Equal((CheckStatus.Warning, CheckProblem.SizeShrank), (shrunk.Status, Assert.Single(shrunk.Problems)));
        Assert.Equal((CheckStatus.Failed, CheckProblem.CopyMissing), (nocopy.Status, Assert.Single(nocopy.Problems)));
    }

    [RequiresFact("borg")]
    public async Task CheckAsync_EncryptedRepository_ReadsWithThePassphraseAndNeverWaitsOnAPrompt()
    {
        var variable = "HELPDESK_TEST_BORG_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, BorgRepositories.Passphrase);
        await using var storage = await MonitoringStorage.CreateAsync(new Dictionary<string, string?> { ["Monitoring:Backups:CommandTimeout"] = "00:00:20" });
        await using var scope = storage.Scope();
        var check = scope.ServiceProvider.GetRequiredService<RunBackupChecks>();
        var started = DateTimeOffset.UtcNow;

        var right = await check.CheckAsync(MonitoringStorage.Target("şifreli", BackupSourceKind.Borg, repos.Encrypted, null, "env:" + variable));
        var none = await check.CheckAsync(MonitoringStorage.Target("parolasız", BackupSourceKind.Borg, repos.Encrypted));
        var missing = await check.CheckAsync(MonitoringStorage.Target("yok", BackupSourceKind.Borg, "/nonexistent/borg-repo"));

        Assert.Equal(CheckStatus.Ok, right.Status);
        Assert.Equal(CheckStatus.Unreadable, none.Status);
        Assert.Contains("borg", none.Detail, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Unreadable, missing.Status);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(15), "borg waited on a prompt");
        Environment.SetEnvironmentVariable(variable, null);
    }

    private async Task<CheckResult> CheckAsync(string glob, bool second = true)
    {
        await using var storage = await MonitoringStorage.CreateAsync();
        await using var scope = storage.Scope();
        var target = MonitoringStorage.Target(glob, BackupSourceKind.Borg, repos.Primary, glob, second: second ? repos.Second : null);
        return await scope.ServiceProvider.GetRequiredService<RunBackupChecks>().CheckAsync(target);
    }
}
