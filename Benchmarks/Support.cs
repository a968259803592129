using System.Diagnostics;
using System.Globalization;
using HelpdeskBot.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Benchmarks;

internal sealed record BenchmarkArgs(IReadOnlyList<int> Concurrency, int Count)
{
    public static BenchmarkArgs Parse(string[] args)
    {
        var concurrency = new List<int>();
        var count = 0;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--concurrency":
                    concurrency.AddRange(args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)));
                    break;
                case "--endpoints" or "--targets":
                    count = Math.Clamp(int.Parse(args[i + 1], CultureInfo.InvariantCulture), 1, 2000);
                    break;
            }
        }

        return new BenchmarkArgs(concurrency, count);
    }
}

/// <summary>The real storage (SQLite in a temp folder) and the real monitoring wiring, with extra settings.</summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private BenchmarkHost(string folder, ServiceProvider services)
    {
        Folder = folder;
        Services = services;
    }

    public string Folder { get; }
    public ServiceProvider Services { get; }

    public static async Task<BenchmarkHost> CreateAsync(IDictionary<string, string?> settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "helpdesk-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var config = new Dictionary<string, string?>(settings)
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "bench.db")}",
            ["Storage:Seed"] = "false",
        };
        var services = new ServiceCollection()
            .AddLogging()
            .AddInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(config).Build())
            .BuildServiceProvider();
        await services.InitializeStorageAsync();
        return new BenchmarkHost(folder, services);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS.
        }
    }
}

/// <summary>Samples the managed heap every 10 ms and keeps the highest value.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer timer;
    private long peak;

    public PeakMemory()
    {
        GC.Collect();
        Baseline = GC.GetTotalMemory(forceFullCollection: true);
        peak = Baseline;
        timer = new Timer(_ => Sample(), null, 0, 10);
    }

    public long Baseline { get; }

    public long Peak
    {
        get
        {
            Sample();
            return Interlocked.Read(ref peak);
        }
    }

    public void Dispose() => timer.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(false);
        long seen;
        do
        {
            seen = Interlocked.Read(ref peak);
        }
        while (now > seen && Interlocked.CompareExchange(ref peak, now, seen) != seen);
    }
}

internal static class Print
{
    public static void Line(string text) => Console.WriteLine(text);

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Seconds(Stopwatch w) => Seconds(w.Elapsed);
}
