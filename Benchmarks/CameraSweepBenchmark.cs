using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Benchmarks;

/// <summary>
/// A camera sweep of simulated endpoints on 127.0.0.1 through the real use case (probe, states, history): "up" listeners answer RTSP
/// OPTIONS and DESCRIBE, "refused" ports are closed, "silent" listeners accept and never answer, so the RTSP timeout decides.
/// </summary>
internal static class CameraSweepBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArgs args, CancellationToken ct)
    {
        var total = args.Count > 0 ? args.Count : 500;
        var up = total * 2 / 5;
        var refused = (total - up) / 2;
        var silent = total - up - refused;
        IReadOnlyList<int> levels = args.Concurrency.Count > 0 ? args.Concurrency : [32, 128];
        const double rtspTimeoutSeconds = 2;

        await using var endpoints = await Endpoints.StartAsync(up, refused, silent, ct);
        Print.Line($"camera sweep benchmark: {total} endpoints on 127.0.0.1 ({up} up, {refused} refused, {silent} silent)");
        Print.Line(string.Create(CultureInfo.InvariantCulture,
            $"probes: TCP connect + ICMP (ping) + RTSP OPTIONS/DESCRIBE; RTSP timeout {rtspTimeoutSeconds} s; picture check off (no video)"));
        var worst = 0;
        foreach (var concurrency in levels)
        {
            await using var host = await BenchmarkHost.CreateAsync(new Dictionary<string, string?>
            {
                ["Monitoring:Cameras:MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
                ["Monitoring:Cameras:RtspTimeout"] = TimeSpan.FromSeconds(rtspTimeoutSeconds).ToString("c", CultureInfo.InvariantCulture),
                ["Monitoring:Cameras:CheckPicture"] = "false",
            });
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
                var at = DateTimeOffset.UtcNow;
                db.Cameras.AddRange(endpoints.All.Select((e, i) =>
                    new Camera(string.Create(CultureInfo.InvariantCulture, $"KAM-{i + 1:0000} {e.Kind}"), "127.0.0.1", e.Port, "/stream", null, e.Kind, at)));
                await db.SaveChangesAsync(ct);
            }

            using var memory = new PeakMemory();
            var watch = Stopwatch.StartNew();
            CheckRunSummary summary;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                summary = await scope.ServiceProvider.GetRequiredService<RunCameraSweep>().ExecuteAsync(ct);
            }

            watch.Stop();
            var problems = summary.Results.SelectMany(r => r.Problems).GroupBy(p => p).OrderBy(g => g.Key)
                .Select(g => $"{g.Key}={g.Count()}");
            var probes = summary.Results.GroupBy(r => r.Measures.GetValueOrDefault(MeasureKeys.Probe, "?")).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}={g.Count()}");
            Print.Line($"concurrency {concurrency}: total {Print.Seconds(watch)} (sweep {Print.Seconds(summary.Duration)}, incl. recording {total} states and history rows)");
            Print.Line($"  status: ok={summary.Counts.Ok} warning={summary.Counts.Warning} failed={summary.Counts.Failed} unreadable={summary.Counts.Unreadable}");
            Print.Line($"  problems: {string.Join(" ", problems)}");
            Print.Line($"  answered by: {string.Join(" ", probes)}");
            Print.Line($"  peak managed memory {Print.Mb(memory.Peak)} (baseline {Print.Mb(memory.Baseline)}); process peak working set {Print.Mb(Process.GetCurrentProcess().PeakWorkingSet64)}");
            var expectedOk = summary.Counts.Ok == up && summary.Counts.Failed == refused + silent;
            if (!expectedOk)
            {
                Print.Line("  UNEXPECTED: the counts do not match the endpoints");
                worst = 1;
            }
        }

        return worst;
    }

    private sealed record Endpoint(string Kind, int Port);

    private sealed class Endpoints : IAsyncDisposable
    {
        private readonly List<TcpListener> listeners = [];
        private readonly List<Socket> held = [];
        private readonly CancellationTokenSource stop = new();
        private readonly List<Task> loops = [];

        public List<Endpoint> All { get; } = [];

        public static Task<Endpoints> StartAsync(int up, int refused, int silent, CancellationToken ct)
        {
            var e = new Endpoints();
            for (var i = 0; i < up; i++)
            {
                var l = e.Listen();
                e.loops.Add(e.AnswerAsync(l));
                e.All.Add(new Endpoint("up", Port(l)));
            }

            for (var i = 0; i < silent; i++)
            {
                var l = e.Listen();
                e.loops.Add(e.HoldAsync(l));
                e.All.Add(new Endpoint("silent", Port(l)));
            }

            // Closed ports below the ephemeral range (32768+ on Linux): a closed port in that range can be picked as a client's own
            // local port, and a socket connecting to itself "succeeds". Each is bound for a moment to be sure it is free, then released.
            var port = 20000;
            for (var i = 0; i < refused && port < 32000; port++)
            {
                var probe = new TcpListener(IPAddress.Loopback, port);
                try
                {
                    probe.Start();
                    probe.Stop();
                    e.All.Add(new Endpoint("refused", port));
                    i++;
                }
                catch (SocketException)
                {
                    // In use: the next one.
                }
            }

            // Interleaved, so every concurrency slot sees a mix.
            var shuffled = e.All.OrderBy(x => x.Port * 7919 % 1009).ToList();
            e.All.Clear();
            e.All.AddRange(shuffled);
            ct.ThrowIfCancellationRequested();
            return Task.FromResult(e);
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            listeners.ForEach(l => l.Stop());
            lock (held)
            {
                held.ForEach(s => s.Dispose());
            }

            await Task.WhenAll(loops.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            stop.Dispose();
        }

        private static int Port(TcpListener l) => ((IPEndPoint)l.LocalEndpoint).Port;

        private TcpListener Listen()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start(512);
            listeners.Add(l);
            return l;
        }

        private async Task HoldAsync(TcpListener l)
        {
            while (!stop.IsCancellationRequested)
            {
                var s = await l.AcceptSocketAsync(stop.Token);
                lock (held)
                {
                    held.Add(s);
                }
            }
        }

        private async Task AnswerAsync(TcpListener l)
        {
            while (!stop.IsCancellationRequested)
            {
                var s = await l.AcceptSocketAsync(stop.Token);
                _ = ServeAsync(s);
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            using var _ = socket;
            await using var stream = new NetworkStream(socket);
            var buffer = new byte[4096];
            var pending = new StringBuilder();
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var read = await stream.ReadAsync(buffer, stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    int end;
                    while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                    {
                        var request = pending.ToString(0, end);
                        pending.Remove(0, end + 4);
                        var cseq = request.Split("\r\n").FirstOrDefault(h => h.StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase))?[5..].Trim() ?? "0";
                        var answer = request.StartsWith("DESCRIBE", StringComparison.Ordinal)
                            ? Describe(cseq)
                            : $"RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), stop.Token);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // The client went away.
            }
        }

        private static string Describe(string cseq)
        {
            const string sdp = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=bench\r\nt=0 0\r\nm=video 0 RTP/AVP 26\r\n";
            return $"RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nContent-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}";
        }
    }
}
