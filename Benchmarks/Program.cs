using HelpdeskBot.Benchmarks;

// dotnet run -c Release --project Benchmarks -- cameras [--concurrency 32,128] [--endpoints 500]
// dotnet run -c Release --project Benchmarks -- backups [--targets 200] [--concurrency 4]
// Everything runs on 127.0.0.1 and in a temp folder; each run is bounded and stops by itself.
var mode = args.FirstOrDefault() ?? string.Empty;
var options = BenchmarkArgs.Parse(args.Skip(1).ToArray());
using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
return mode switch
{
    "cameras" => await CameraSweepBenchmark.RunAsync(options, limit.Token),
    "backups" => await BackupCheckBenchmark.RunAsync(options, limit.Token),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Benchmarks cameras [--concurrency 32,128] [--endpoints 500] | backups [--targets 200] [--concurrency 4]");
    return 2;
}
