using HelpdeskBot.Domain.Monitoring;

namespace HelpdeskBot.Tests.Monitoring;

public sealed class BackupDecisionTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 5, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Rpo = TimeSpan.FromHours(26);
    private static readonly BackupPolicy Policy = new();

    [Fact]
    public void Assess_NoBackups_IsMissingAndFailed()
    {
        var a = BackupAssessor.Assess(Rpo, BackupObservation.Read([]), null, Now, Policy);

        Assert.Equal((CheckStatus.Failed, BackupFreshness.Missing), (a.Status, a.Freshness));
        Assert.Equal([CheckProblem.BackupMissing], a.Problems);
    }

    [Fact]
    public void Assess_Unreadable_IsItsOwnStatusNeverNoBackup()
    {
        var a = BackupAssessor.Assess(Rpo, BackupObservation.Unreadable("permission denied"), null, Now, Policy);

        Assert.Equal((CheckStatus.Unreadable, BackupFreshness.Unknown), (a.Status, a.Freshness));
        Assert.Equal([CheckProblem.SourceUnreadable], a.Problems);
        Assert.Contains("permission denied", a.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(25.9, BackupFreshness.Ok)]
    [InlineData(26.0, BackupFreshness.Ok)]
    [InlineData(26.1, BackupFreshness.Stale)]
    public void Assess_AgeAgainstRpo(double hours, BackupFreshness expected)
    {
        var a = BackupAssessor.Assess(Rpo, BackupObservation.Read([Snap("a", -hours, 100)]), null, Now, Policy);

        Assert.Equal(expected, a.Freshness);
        Assert.Equal(expected == BackupFreshness.Ok ? CheckStatus.Ok : CheckStatus.Failed, a.Status);
    }

    [Theory]
    [InlineData(49, SizeAnomaly.Shrank)]
    [InlineData(50, SizeAnomaly.None)]
    [InlineData(500, SizeAnomaly.None)]
    [InlineData(501, SizeAnomaly.Grew)]
    public void AssessSize_AgainstMedianOfEarlier(long latest, SizeAnomaly expected)
    {
        // Median of 90, 100, 110, 100 and an outlier 5000 is 100.
        BackupRecord[] backups = [Snap("l", -1, latest), Snap("a", -25, 90), Snap("b", -49, 100), Snap("c", -73, 110), Snap("d", -97, 5000), Snap("e", -121, 100)];

        var (anomaly, median) = BackupAssessor.AssessSize(BackupObservation.Read(backups).Backups, Policy);

        Assert.Equal(expected, anomaly);
        Assert.Equal(100, median);
    }

    [Fact]
    public void AssessSize_TooFewEarlierOrOtherKinds_GivesNoVerdict()
    {
        BackupRecord[] backups =
        [
            new("log", Now.AddHours(-1), 1, BackupKind.Log),
            new("full", Now.AddHours(-3), 10, BackupKind.Full),
            new("log2", Now.AddHours(-4), 1, BackupKind.Log),
            new("log3", Now.AddHours(-5), 1, BackupKind.Log),
            new("full2", Now.AddHours(-27), 1000, BackupKind.Full),
            new("full3", Now.AddHours(-51), 1000, BackupKind.Full),
        ];

        Assert.Equal(SizeAnomaly.NotEnoughHistory, BackupAssessor.AssessSize(BackupObservation.Read(backups).Backups, Policy).Anomaly);
        Assert.Equal(SizeAnomaly.Shrank, BackupAssessor.AssessSize(BackupObservation.Read(backups).Backups, Policy with { MinimumHistory = 2 }).Anomaly);
    }

    [Fact]
    public void AssessCopy_ResticCopyNamesItsOriginal_IsExact()
    {
        var primary = BackupObservation.Read([Snap("p2", -2, 100), Snap("p1", -26, 100)]);
        var copyOfLatest = BackupObservation.Read([new BackupRecord("c2", Now.AddHours(-2), null, BackupKind.Snapshot, null, "p2")]);
        var copyOfOlder = BackupObservation.Read([new BackupRecord("c1", Now.AddHours(-26), null, BackupKind.Snapshot, null, "p1")]);
        var unrelatedSameTime = BackupObservation.Read([new BackupRecord("x", Now.AddHours(-2), null, BackupKind.Snapshot, null, "other")]);

        Assert.Equal(SecondCopyState.Present, BackupAssessor.AssessCopy(primary, copyOfLatest, Now, Policy));
        Assert.Equal(SecondCopyState.Pending, BackupAssessor.AssessCopy(primary, copyOfOlder, Now, Policy));
        Assert.Equal(SecondCopyState.Missing, BackupAssessor.AssessCopy(primary, copyOfOlder, Now.AddHours(5), Policy));
        Assert.Equal(SecondCopyState.Missing, BackupAssessor.AssessCopy(primary, unrelatedSameTime, Now, Policy));
        Assert.Equal(SecondCopyState.NotConfigured, BackupAssessor.AssessCopy(primary, null, Now, Policy));
    }

    [Fact]
    public void AssessCopy_FilesMatchByNameOrByTimeAndSize()
    {
        var primary = BackupObservation.Read([new BackupRecord("FULL/EBYS.bak", Now.AddHours(-10), 4096, BackupKind.File, "EBYS.bak")]);
        var sameName = BackupObservation.Read([new BackupRecord("ebys.BAK", Now.AddHours(-9), 1, BackupKind.File, "ebys.BAK")]);
        var sameTimeAndSize = BackupObservation.Read([new BackupRecord("renamed.bak", Now.AddHours(-10).AddSeconds(50), 4096, BackupKind.File, "renamed.bak")]);
        var sameSizeOtherDay = BackupObservation.Read([new BackupRecord("renamed.bak", Now.AddHours(-34), 4096, BackupKind.File, "renamed.bak")]);

        Assert.Equal(SecondCopyState.Present, BackupAssessor.AssessCopy(primary, sameName, Now, Policy));
        Assert.Equal(SecondCopyState.Present, BackupAssessor.AssessCopy(primary, sameTimeAndSize, Now, Policy));
        Assert.Equal(SecondCopyState.Missing, BackupAssessor.AssessCopy(primary, sameSizeOtherDay, Now, Policy));
    }

    [Fact]
    public void Assess_OnlyLogBackups_IsMissingAFullBackup()
    {
        var a = BackupAssessor.Assess(Rpo, BackupObservation.Read([new BackupRecord("l", Now.AddMinutes(-10), 5, BackupKind.Log)]), null, Now, Policy);

        Assert.Equal(BackupFreshness.Missing, a.Freshness);
        Assert.Contains("no full backup", a.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_StaleAndShrunkAndUncopied_ReportsEveryProblemWorstStatus()
    {
        var primary = BackupObservation.Read([Snap("l", -30, 10), Snap("a", -54, 100), Snap("b", -78, 100), Snap("c", -102, 100)]);

        var a = BackupAssessor.Assess(Rpo, primary, BackupObservation.Read([]), Now, Policy);

        Assert.Equal(CheckStatus.Failed, a.Status);
        Assert.Equal([CheckProblem.BackupStale, CheckProblem.SizeShrank, CheckProblem.CopyMissing], a.Problems);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(5L * 1024 * 1024 * 1024, "5 GiB")]
    public void FormatBytes_IsInvariant(long bytes, string expected) => Assert.Equal(expected, BackupAssessor.FormatBytes(bytes));

    private static BackupRecord Snap(string id, double hours, long size) => new(id, Now.AddHours(hours), size, BackupKind.Snapshot);
}

public sealed class MonitorStateTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Observe_FirstStateUp_IsABaselineNotAnnounced()
    {
        var state = new MonitorState(MonitoringArea.Cameras, 7, "KAM-001");

        Assert.Null(state.Observe(Result(CheckStatus.Ok, T0), FlapPolicy.Immediate));
        Assert.True(state.AnnouncedUp);
    }

    [Fact]
    public void Observe_FirstStateDown_IsAnnouncedOnceConfirmed()
    {
        var state = new MonitorState(MonitoringArea.Cameras, 7, "KAM-001");
        var policy = new FlapPolicy(2, TimeSpan.Zero);

        Assert.Null(state.Observe(Result(CheckStatus.Failed, T0), policy));
        var change = state.Observe(Result(CheckStatus.Failed, T0.AddMinutes(15)), policy);

        Assert.NotNull(change);
        Assert.Equal((StateChangeKind.WentDown, 7, "KAM-001", T0, T0.AddMinutes(15)), (change.Kind, change.TargetId, change.TargetName, change.Since, change.At));
        Assert.Equal([CheckProblem.PortClosed], change.Problems);
    }

    [Fact]
    public void Observe_OneBadSweepBetweenGoodOnes_IsSuppressedAsFlapping()
    {
        var state = new MonitorState(MonitoringArea.Cameras, 7, "KAM-001");
        var policy = new FlapPolicy(2, TimeSpan.Zero);
        state.Observe(Result(CheckStatus.Ok, T0), policy);
        state.Observe(Result(CheckStatus.Ok, T0.AddMinutes(15)), policy);

        Assert.Null(state.Observe(Result(CheckStatus.Failed, T0.AddMinutes(30)), policy));
        Assert.Null(state.Observe(Result(CheckStatus.Ok, T0.AddMinutes(45)), policy));
        Assert.Null(state.Observe(Result(CheckStatus.Failed, T0.AddMinutes(60)), policy));
        Assert.Equal(StateChangeKind.WentDown, state.Observe(Result(CheckStatus.Failed, T0.AddMinutes(75)), policy)?.Kind);
        Assert.Null(state.Observe(Result(CheckStatus.Failed, T0.AddMinutes(90)), policy));
        Assert.Null(state.Observe(Result(CheckStatus.Ok, T0.AddMinutes(105)), policy));
        var back = state.Observe(Result(CheckStatus.Warning, T0.AddMinutes(120)), policy);
        Assert.Equal((StateChangeKind.CameBack, T0.AddMinutes(105)), (back?.Kind, back?.Since));
    }

    [Fact]
    public void Observe_MinimumDuration_ConfirmsBeforeTheCountWhenHeldLongEnough()
    {
        var state = new MonitorState(MonitoringArea.EBelediye, 3, "e-Belediye");
        var policy = new FlapPolicy(5, TimeSpan.FromMinutes(10));
        state.Observe(Result(CheckStatus.Ok, T0, MonitoringArea.EBelediye, 3), policy);

        Assert.Null(state.Observe(Result(CheckStatus.Unreadable, T0.AddMinutes(5), MonitoringArea.EBelediye, 3), policy));
        Assert.Null(state.Observe(Result(CheckStatus.Failed, T0.AddMinutes(9), MonitoringArea.EBelediye, 3), policy));
        Assert.Equal(StateChangeKind.WentDown, state.Observe(Result(CheckStatus.Failed, T0.AddMinutes(15), MonitoringArea.EBelediye, 3), policy)?.Kind);
    }

    [Fact]
    public void Observe_WarningIsUp_AndKeepsTheDetail()
    {
        var state = new MonitorState(MonitoringArea.Backups, 1, "DC01");
        state.Observe(Result(CheckStatus.Ok, T0, MonitoringArea.Backups, 1), FlapPolicy.Immediate);

        Assert.Null(state.Observe(Result(CheckStatus.Warning, T0.AddDays(1), MonitoringArea.Backups, 1), FlapPolicy.Immediate));
        Assert.Equal(CheckStatus.Warning, state.LastStatus);
        Assert.Equal([CheckProblem.PortClosed], state.LastProblemList);
    }

    private static CheckResult Result(CheckStatus status, DateTimeOffset at, MonitoringArea area = MonitoringArea.Cameras, int id = 7) =>
        new(area, id, "KAM-001", 1, status, status.ToString(), status == CheckStatus.Ok ? [] : [CheckProblem.PortClosed], new Dictionary<string, string>(), at);
}
