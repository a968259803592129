using HelpdeskBot.Domain.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Monitoring;

/// <summary>
/// Real restic repositories made once for the class: one primary holding four servers' snapshots (told apart by restic's host),
/// back-dated with <c>backup --time</c>, and a second repository that holds <c>restic copy</c>'s copies of some of them.
/// </summary>
public sealed class ResticRepositories : IDisposable
{
    private readonly TempFolder temp = new("helpdesk-restic-");

    public ResticRepositories()
    {
        if (!Tools.Has("restic"))
        {
            return;
        }

        Now = DateTimeOffset.UtcNow;
        PasswordFile = Path.Combine(temp.Path, "restic.pw");
        File.WriteAllText(PasswordFile, "Yedek-Şifresi-1\n");
        Primary = Path.Combine(temp.Path, "primary");
        Second = Path.Combine(temp.Path, "second");
        var big = temp.Sub("data", "big");
        var small = temp.Sub("data", "small");
        temp.File("data/big/db.bak", 200_000);
        temp.File("data/small/db.bak", 20_000);

        Restic("init", "-r", Primary);
        Restic("init", "-r", Second, "--copy-chunker-params", "--from-repo", Primary, "--from-password-file", PasswordFile);

        Backup("fresh", big, Now.AddHours(-2));
        Backup("stale", big, Now.AddDays(-3));
        foreach (var days in new[] { 4, 3, 2 })
        {
            Backup("shrunk", big, Now.AddDays(-days));
        }

        Backup("shrunk", small, Now.AddHours(-1));
        Backup("nocopy", big, Now.AddDays(-1));
        Restic("copy", "-r", Second, "--from-repo", Primary, "--from-password-file", PasswordFile, "--host", "fresh", "--host", "nocopy");
        Backup("nocopy", big, Now.AddHours(-8));
    }

    public DateTimeOffset Now { get; }
    public string PasswordFile { get; } = string.Empty;
    public string Primary { get; } = string.Empty;
    public string Second { get; } = string.Empty;

    public string Credential => "file:" + PasswordFile;

    public void Dispose() => temp.Dispose();

    private void Backup(string host, string folder, DateTimeOffset at) =>
        Restic("backup", "-r", Primary, "--host", host, "--time", Tools.Utc(at), folder);

    private void Restic(params string[] args) =>
        Tools.MustRun("restic", [.. args, "-q"], new Dictionary<string, string> { ["RESTIC_PASSWORD_FILE"] = PasswordFile, ["TZ"] = "UTC" });
}

public sealed class ResticBackupTests(ResticRepositories repos) : IClassFixture<ResticRepositories>
{
    [RequiresFact("restic")]
    public async Task CheckAsync_FreshSnapshotCopiedToSecondRepository_IsOk()
    {
        var result = await CheckAsync("fresh");

        Assert.Equal(CheckStatus.Ok, result.Status);
        Assert.Empty(result.Problems);
        Assert.Equal(nameof(SecondCopyState.Present), result.Measures[MeasureKeys.SecondCopy]);
        Assert.Equal("200000", result.Measures[MeasureKeys.SizeBytes]);
        var latest = DateTimeOffset.Parse(result.Measures[MeasureKeys.LatestBackupAt], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((latest - repos.Now.AddHours(-2)).Duration() < TimeSpan.FromSeconds(1), $"latest {latest:O}");
    }

    [RequiresFact("restic")]
    public async Task CheckAsync_LatestSnapshotOlderThanRpo_FailsAsStale()
    {
        var result = await CheckAsync("stale");

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(CheckProblem.BackupStale, result.Problems);
        Assert.Contains("older than the RPO", result.Detail, StringComparison.Ordinal);
    }

    [RequiresFact("restic")]
    public async Task CheckAsync_LatestSnapshotFarSmallerThanMedian_WarnsShrank()
    {
        var result = await CheckAsync("shrunk", second: false);

        Assert.Equal(CheckStatus.Warning, result.Status);
        Assert.Equal([CheckProblem.SizeShrank], result.Problems);
        Assert.Equal("200000", result.Measures[MeasureKeys.MedianSizeBytes]);
        Assert.Equal("20000", result.Measures[MeasureKeys.SizeBytes]);
    }

    [RequiresFact("restic")]
    public async Task CheckAsync_LatestSnapshotNotCopied_FailsCopyMissing()
    {
        var result = await CheckAsync("nocopy");

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal([CheckProblem.CopyMissing], result.Problems);
        Assert.Equal(nameof(SecondCopyState.Missing), result.Measures[MeasureKeys.SecondCopy]);
    }

    [RequiresFact("restic")]
    public async Task CheckAsync_WrongPassword_IsUnreadableNotMissing()
    {
        var wrong = Path.Combine(Path.GetDirectoryName(repos.PasswordFile)!, "wrong.pw");
        await File.WriteAllTextAsync(wrong, "yanlış");
        await using var storage = await MonitoringStorage.CreateAsync();
        await using var scope = storage.Scope();
        var target = MonitoringStorage.Target("yanlış parola", BackupSourceKind.Restic, repos.Primary, "fresh", "file:" + wrong);

        var result = await scope.ServiceProvider.GetRequiredService<RunBackupChecks>().CheckAsync(target);

        Assert.Equal(CheckStatus.Unreadable, result.Status);
        Assert.Equal([CheckProblem.SourceUnreadable], result.Problems);
        Assert.Contains("restic", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(CheckProblem.BackupMissing, result.Problems);
    }

    [RequiresFact("restic")]
    public async Task CheckAsync_RepositoryMissingAndPasswordVariableUnset_AreUnreadableWithTheReason()
    {
        await using var storage = await MonitoringStorage.CreateAsync();
        await using var scope = storage.Scope();
        var check = scope.ServiceProvider.GetRequiredService<RunBackupChecks>();

        var missing = await check.CheckAsync(MonitoringStorage.Target("yok", BackupSourceKind.Restic, "/nonexistent/restic-repo", null, repos.Credential));
        var noVariable = await check.CheckAsync(MonitoringStorage.Target("değişken yok", BackupSourceKind.Restic, repos.Primary, null,
            "env:HELPDESK_TEST_UNSET_" + Guid.NewGuid().ToString("N")));

        Assert.Equal(CheckStatus.Unreadable, missing.Status);
        Assert.Contains("unreadable: restic:", missing.Detail, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Unreadable, noVariable.Status);
        Assert.Contains("is not set", noVariable.Detail, StringComparison.Ordinal);
    }

    private async Task<CheckResult> CheckAsync(string host, bool second = true)
    {
        await using var storage = await MonitoringStorage.CreateAsync();
        await using var scope = storage.Scope();
        var target = MonitoringStorage.Target(host, BackupSourceKind.Restic, repos.Primary, host, repos.Credential, second ? repos.Second : null);
        return await scope.ServiceProvider.GetRequiredService<RunBackupChecks>().CheckAsync(target);
    }
}
