using HelpdeskBot.Domain.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Monitoring;

/// <summary>Real folders of SQL Server backup files with set modification times, and their copy on a "NAS" folder.</summary>
public sealed class FolderBackupTests : IDisposable
{
    private readonly TempFolder temp = new("helpdesk-folder-");
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task CheckAsync_NightlyBakAndHourlyTrnCopiedToNas_IsOk()
    {
        for (var d = 4; d >= 1; d--)
        {
            temp.File($"sql/MUHASEBE/FULL/MUHASEBE_{d}.bak", 50_000, now.AddDays(-d));
        }

        temp.File("sql/MUHASEBE/FULL/MUHASEBE_0.bak", 52_000, now.AddHours(-5));
        temp.File("sql/MUHASEBE/LOG/MUHASEBE_0.trn", 3_000, now.AddMinutes(-30));
        temp.File("nas/MUHASEBE_0.bak", 52_000, now.AddHours(-4));
        temp.File("nas/MUHASEBE_0.trn", 3_000, now.AddMinutes(-20));

        var result = await CheckAsync(MonitoringStorage.Target("Muhasebe", BackupSourceKind.Folder, Path.Combine(temp.Path, "sql"), "*.bak;*.trn",
            second: Path.Combine(temp.Path, "nas")));

        Assert.Equal(CheckStatus.Ok, result.Status);
        Assert.Equal(nameof(SecondCopyState.Present), result.Measures[MeasureKeys.SecondCopy]);
        Assert.Contains("*.bak: newest MUHASEBE_0.bak", result.Detail, StringComparison.Ordinal);
        Assert.Contains("*.trn: newest MUHASEBE_0.trn", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_OnlyOldFilesAndNoCopy_FailsStaleAndMissingCopy()
    {
        temp.File("sql/EBYS.bak", 10_000, now.AddDays(-2));
        temp.File("nas/başka.bak", 10_000, now.AddDays(-9));

        var result = await CheckAsync(MonitoringStorage.Target("EBYS", BackupSourceKind.Folder, Path.Combine(temp.Path, "sql"), "*.BAK",
            second: Path.Combine(temp.Path, "nas")));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal([CheckProblem.BackupStale, CheckProblem.CopyMissing], result.Problems);
    }

    [Fact]
    public async Task CheckAsync_EmptyFolderAndMissingFolder_AreMissingAndUnreadable()
    {
        temp.Sub("empty");

        var empty = await CheckAsync(MonitoringStorage.Target("boş", BackupSourceKind.Folder, Path.Combine(temp.Path, "empty"), "*.bak"));
        var gone = await CheckAsync(MonitoringStorage.Target("yok", BackupSourceKind.Folder, Path.Combine(temp.Path, "not-mounted"), "*.bak"));

        Assert.Equal(CheckStatus.Failed, empty.Status);
        Assert.Equal([CheckProblem.BackupMissing], empty.Problems);
        Assert.Equal(CheckStatus.Unreadable, gone.Status);
        Assert.Contains("folder not found", gone.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_SecondFolderNotMounted_IsUnreadableNotMissingCopy()
    {
        temp.File("sql/x.bak", 1_000, now.AddHours(-1));

        var result = await CheckAsync(MonitoringStorage.Target("x", BackupSourceKind.Folder, Path.Combine(temp.Path, "sql"), "*.bak",
            second: Path.Combine(temp.Path, "usb-disk-not-plugged")));

        Assert.Equal(CheckStatus.Unreadable, result.Status);
        Assert.Equal([CheckProblem.SecondLocationUnreadable], result.Problems);
    }

    public void Dispose() => temp.Dispose();

    private static async Task<CheckResult> CheckAsync(BackupTarget target)
    {
        await using var storage = await MonitoringStorage.CreateAsync();
        await using var scope = storage.Scope();
        return await scope.ServiceProvider.GetRequiredService<RunBackupChecks>().CheckAsync(target);
    }
}
