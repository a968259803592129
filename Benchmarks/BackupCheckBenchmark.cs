using System.Diagnostics;
using System.Globalization;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Benchmarks;

/// <summary>
/// A backup check of folder and restic targets made in a temp folder beforehand, through the real use case. restic repositories
/// are slow to create (a key derivation per command), so a few repositories are shared by many targets; the output says so.
/// </summary>
internal static class BackupCheckBenchmark
{
    private const int ResticRepositories = 3;
    private const int SnapshotsPerRepository = 4;

    public static async Task<int> RunAsync(BenchmarkArgs args, CancellationToken ct)
    {
        var total = args.Count > 0 ? args.Count : 200;
        var resticTargets = total * 3 / 10;
        var folderTargets = total - resticTargets;
        var concurrency = args.Concurrency.Count > 0 ? args.Concurrency[0] : 4;
        var hasRestic = Which("restic");

        await using var host = await BenchmarkHost.CreateAsync(new Dictionary<string, string?>
        {
            ["Monitoring:Backups:MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
        });
        var root = Path.Combine(host.Folder, "backups");
        var setup = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var targets = new List<BackupTarget>();
        for (var i = 0; i < folderTargets; i++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "folders", $"srv{i:000}")).FullName;
            for (var d = 6; d >= 0; d--)
            {
                WriteFile(Path.Combine(folder, $"DB{i:000}_{d}.bak"), 2048 + (d * 16), now.AddDays(-d).AddHours(-3));
            }

            string? second = null;
            if (i % 2 == 0)
            {
                second = Directory.CreateDirectory(Path.Combine(root, "nas", $"srv{i:000}")).FullName;
                WriteFile(Path.Combine(second, $"DB{i:000}_0.bak"), 2048, now.AddHours(-2));
            }

            var t = new BackupTarget($"Klasör {i:000}", BackedUpSystemKind.Database, BackupSourceKind.Folder, folder, TimeSpan.FromHours(26), null, now);
            t.SetSelector("*.bak", null, null, now);
            t.SetSecondLocation(second, null, null, now);
            targets.Add(t);
        }

        var repositories = new List<string>();
        if (hasRestic && resticTargets > 0)
        {
            var passwordFile = Path.Combine(root, "restic.pw");
            Directory.CreateDirectory(root);
            await File.WriteAllTextAsync(passwordFile, "bench-password", ct);
            var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
            WriteFile(Path.Combine(data, "db.bak"), 64 * 1024, now);
            var env = new Dictionary<string, string> { ["RESTIC_PASSWORD_FILE"] = passwordFile, ["TZ"] = "UTC" };
            for (var r = 0; r < ResticRepositories; r++)
            {
                var repo = Path.Combine(root, "restic", $"repo{r}");
                Run("restic", ["init", "-q", "-r", repo], env);
                for (var s = SnapshotsPerRepository - 1; s >= 0; s--)
                {
                    Run("restic", ["backup", "-q", "-r", repo, "--host", $"srv{r}", "--time",
                        now.AddDays(-s).AddHours(-1).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), data], env);
                }

                repositories.Add(repo);
            }

            var copy = Path.Combine(root, "restic", "copy");
            Run("restic", ["init", "-q", "-r", copy], env);
            Run("restic", ["copy", "-q", "-r", copy, "--from-repo", repositories[0], "--from-password-file", passwordFile], env);
            for (var i = 0; i < resticTargets; i++)
            {
                var r = i % ResticRepositories;
                var t = new BackupTarget($"Restic {i:000}", BackedUpSystemKind.VirtualServer, BackupSourceKind.Restic, repositories[r], TimeSpan.FromHours(26), null, now);
                t.SetSelector($"srv{r}", "file:" + passwordFile, null, now);
                t.SetSecondLocation(r == 0 ? copy : null, null, null, now);
                targets.Add(t);
            }
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
            db.BackupTargets.AddRange(targets);
            await db.SaveChangesAsync(ct);
        }

        setup.Stop();
        var folderCount = targets.Count(t => t.SourceKind == BackupSourceKind.Folder);
        var resticCount = targets.Count - folderCount;
        Print.Line($"backup check benchmark: {targets.Count} targets ({folderCount} folder, {resticCount} restic), concurrency {concurrency}");
        Print.Line(hasRestic
            ? $"restic: {repositories.Count} repositories of {SnapshotsPerRepository} snapshots shared by {resticCount} targets (~{resticCount / Math.Max(1, repositories.Count)} each; "
              + $"creating one repository per target is too slow here), plus 1 copy repository as the second location of {targets.Count(t => t.SourceKind == BackupSourceKind.Restic && t.SecondLocation is not null)} targets"
            : "restic: not installed, folder targets only");
        Print.Line($"folders: 7 .bak files each, half with a copy on a second folder; set-up took {Print.Seconds(setup)}");

        var worst = 0;
        foreach (var label in new[] { "check" })
        {
            using var memory = new PeakMemory();
            var watch = Stopwatch.StartNew();
            CheckRunSummary summary;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                summary = await scope.ServiceProvider.GetRequiredService<RunBackupChecks>().ExecuteAsync(ct);
            }

            watch.Stop();
            var problems = summary.Results.SelectMany(r => r.Problems).GroupBy(p => p).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
            Print.Line($"{label}: total {Print.Seconds(watch)} for {summary.Counts.Total} targets (one listing per restic repository, filtered by host; "
                + "restic stats for the newest snapshots' sizes)");
            Print.Line($"  status: ok={summary.Counts.Ok} warning={summary.Counts.Warning} failed={summary.Counts.Failed} unreadable={summary.Counts.Unreadable}");
            Print.Line($"  problems: {string.Join(" ", problems)}");
            Print.Line($"  peak managed memory {Print.Mb(memory.Peak)}");
            if (summary.Counts.Unreadable > 0)
            {
                Print.Line("  UNEXPECTED: " + summary.Results.First(r => r.Status == CheckStatus.Unreadable).Detail);
                worst = 1;
            }
        }

        return worst;
    }

    private static void WriteFile(string path, int bytes, DateTimeOffset modified)
    {
        var data = new byte[bytes];
        Random.Shared.NextBytes(data);
        File.WriteAllBytes(path, data);
        File.SetLastWriteTimeUtc(path, modified.UtcDateTime);
    }

    private static bool Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, program)));

    private static void Run(string program, string[] args, Dictionary<string, string> env)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        using var p = Process.Start(info)!;
        p.StandardInput.Close();
        var err = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(60)) || p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {err.Result}");
        }
    }
}
