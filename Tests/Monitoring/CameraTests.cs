using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure.Monitoring;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Monitoring;

/// <summary>
/// GStreamer's RTSP server on 127.0.0.1, run by <c>Fixtures/rtsp_server.py</c> with Debian's python: /moving, /black, /frozen on one
/// port, /secure behind digest authentication on another. A silent listener (accepts, never answers) and a closed port beside them.
/// </summary>
public sealed class RtspServers : IDisposable
{
    public const string Password = "Gizli-Şifre1";
    private readonly Process? server;
    private readonly TcpListener silent;
    private readonly List<Socket> held = [];

    public RtspServers()
    {
        silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        SilentPort = ((IPEndPoint)silent.LocalEndpoint).Port;
        _ = AcceptSilentlyAsync();
        ClosedPort = FreePort();
        PasswordVariable = "HELPDESK_TEST_CAMERA_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(PasswordVariable, Password);
        if (!Tools.HasGstRtspServer())
        {
            return;
        }

        var info = new ProcessStartInfo(Tools.PythonGst)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Tools.Fixture("rtsp_server.py"));
        info.ArgumentList.Add("--password");
        info.ArgumentList.Add(Password);
        info.ArgumentList.Add("--lifetime");
        info.ArgumentList.Add("300");
        server = Process.Start(info)!;
        server.ErrorDataReceived += (_, _) => { };
        server.BeginErrorReadLine();
        var line = server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
        var parts = (line ?? string.Empty).Split(' ');
        if (parts.Length != 3 || parts[0] != "PORT")
        {
            throw new InvalidOperationException("the RTSP server did not start: " + line);
        }

        OpenPort = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        SecurePort = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    public int OpenPort { get; }
    public int SecurePort { get; }
    public int SilentPort { get; }
    public int ClosedPort { get; }
    public string PasswordVariable { get; }

    /// <summary>
    /// A closed port below Linux's ephemeral range (32768+): a closed port inside it may become some client's local port, and a
    /// socket that happens to connect to itself "succeeds".
    /// </summary>
    public static int FreePort()
    {
        for (var port = 20000 + Random.Shared.Next(5000); port < 32000; port++)
        {
            var l = new TcpListener(IPAddress.Loopback, port);
            try
            {
                l.Start();
                l.Stop();
                return port;
            }
            catch (SocketException)
            {
                // In use: the next one.
            }
        }

        throw new InvalidOperationException("no free port below 32000");
    }

    public Camera Camera(string name, int port, string path, string? user = null, string? passwordReference = null)
    {
        var c = new Camera(name, "127.0.0.1", port, path, null, "test", DateTimeOffset.UtcNow);
        c.SetCredentials(user, passwordReference, DateTimeOffset.UtcNow);
        return c;
    }

    public void Dispose()
    {
        silent.Stop();
        foreach (var s in held)
        {
            s.Dispose();
        }

        if (server is not null)
        {
            try
            {
                server.StandardInput.Close();
                if (!server.WaitForExit(TimeSpan.FromSeconds(3)))
                {
                    server.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            server.Dispose();
        }

        Environment.SetEnvironmentVariable(PasswordVariable, null);
    }

    private async Task AcceptSilentlyAsync()
    {
        try
        {
            while (true)
            {
                var socket = await silent.AcceptSocketAsync();
                lock (held)
                {
                    held.Add(socket);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}

public sealed class CameraTests(RtspServers rtsp) : IClassFixture<RtspServers>
{
    private static readonly Dictionary<string, string?> RtspOnly = new()
    {
        ["Monitoring:Cameras:CheckPicture"] = "false",
        ["Monitoring:Cameras:RtspTimeout"] = "00:00:01",
        ["Monitoring:Cameras:ConnectTimeout"] = "00:00:02",
    };

    [RequiresFact("gst-rtsp-server")]
    public async Task CheckAsync_MovingStream_IsOkAndSaysWhichProbeAnswered()
    {
        var result = await CheckAsync(rtsp.Camera("KAM hareketli", rtsp.OpenPort, "/moving"));

        Assert.Equal(CheckStatus.Ok, result.Status);
        Assert.Equal("200", result.Measures[MeasureKeys.RtspStatus]);
        Assert.StartsWith("tcp", result.Measures[MeasureKeys.Probe], StringComparison.Ordinal);
        Assert.True(result.Measures.ContainsKey(MeasureKeys.ConnectMs));
    }

    [RequiresFact("gst-rtsp-server")]
    public async Task CheckAsync_DigestProtectedStream_AuthenticatesWithTheRightPasswordOnly()
    {
        var wrongVariable = rtsp.PasswordVariable + "_WRONG";
        Environment.SetEnvironmentVariable(wrongVariable, "yanlış");
        try
        {
            var right = await CheckAsync(rtsp.Camera("KAM şifreli", rtsp.SecurePort, "/secure", "kamera", "env:" + rtsp.PasswordVariable));
            var wrong = await CheckAsync(rtsp.Camera("KAM yanlış", rtsp.SecurePort, "/secure", "kamera", "env:" + wrongVariable));
            var none = await CheckAsync(rtsp.Camera("KAM parolasız", rtsp.SecurePort, "/secure"));

            Assert.Equal(CheckStatus.Ok, right.Status);
            Assert.Contains("authenticated", right.Detail, StringComparison.Ordinal);
            Assert.Equal((CheckStatus.Failed, CheckProblem.AuthenticationRejected), (wrong.Status, Assert.Single(wrong.Problems)));
            Assert.Equal((CheckStatus.Failed, CheckProblem.CredentialMissing), (none.Status, Assert.Single(none.Problems)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(wrongVariable, null);
        }
    }

    [RequiresFact("gst-rtsp-server")]
    public async Task CheckAsync_UnknownStreamPath_IsAnRtspError()
    {
        var result = await CheckAsync(rtsp.Camera("KAM yanlış yol", rtsp.OpenPort, "/yok"));

        Assert.Equal((CheckStatus.Failed, CheckProblem.RtspError), (result.Status, Assert.Single(result.Problems)));
        Assert.Equal("404", result.Measures[MeasureKeys.RtspStatus]);
    }

    [Fact]
    public async Task CheckAsync_ClosedPort_FailsAndIcmpStillAnswers()
    {
        var result = await CheckAsync(rtsp.Camera("KAM kapalı", rtsp.ClosedPort, "/"));

        Assert.Equal((CheckStatus.Failed, CheckProblem.PortClosed), (result.Status, Assert.Single(result.Problems)));
        Assert.DoesNotContain("tcp", result.Measures[MeasureKeys.Probe], StringComparison.Ordinal);
        if (Environment.UserName == "root" || Tools.Has("ping"))
        {
            Assert.Equal("icmp", result.Measures[MeasureKeys.Probe]);
            Assert.StartsWith("host answers ping but port", result.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CheckAsync_SilentListener_TheTimeoutDecides()
    {
        var watch = Stopwatch.StartNew();

        var result = await CheckAsync(rtsp.Camera("KAM sessiz", rtsp.SilentPort, "/"));

        Assert.Equal((CheckStatus.Failed, CheckProblem.Timeout), (result.Status, Assert.Single(result.Problems)));
        Assert.Contains("no RTSP answer within 1 s", result.Detail, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
    }

    [RequiresFact("gst-rtsp-server", "ffmpeg")]
    public async Task RunCameraSweep_RealStreams_TellsMovingBlackFrozenAuthAndClosedAndRecordsChanges()
    {
        await using var storage = await MonitoringStorage.CreateAsync(new Dictionary<string, string?>
        {
            ["Monitoring:Cameras:PictureSeconds"] = "3",
            ["Monitoring:Cameras:MaxConcurrency"] = "3",
            ["Monitoring:Cameras:ConfirmAfterChecks"] = "1",
        });
        await using (var setup = storage.Scope())
        {
            var db = setup.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
            db.Cameras.AddRange(
                rtsp.Camera("KAM-1 hareketli", rtsp.OpenPort, "/moving"),
                rtsp.Camera("KAM-2 siyah", rtsp.OpenPort, "/black"),
                rtsp.Camera("KAM-3 donmuş", rtsp.OpenPort, "/frozen"),
                rtsp.Camera("KAM-4 şifreli", rtsp.SecurePort, "/secure", "kamera", "env:" + rtsp.PasswordVariable),
                rtsp.Camera("KAM-5 kapalı", rtsp.ClosedPort, "/"));
            await db.SaveChangesAsync();
        }

        await using var scope = storage.Scope();
        var summary = await scope.ServiceProvider.GetRequiredService<RunCameraSweep>().ExecuteAsync();

        var byName = summary.Results.ToDictionary(r => r.TargetName);
        Assert.Equal((CheckStatus.Ok, nameof(PictureState.Moving)), (byName["KAM-1 hareketli"].Status, byName["KAM-1 hareketli"].Measures[MeasureKeys.Picture]));
        Assert.Equal([CheckProblem.BlackPicture], byName["KAM-2 siyah"].Problems);
        Assert.Equal([CheckProblem.FrozenPicture], byName["KAM-3 donmuş"].Problems);
        Assert.Equal((CheckStatus.Ok, nameof(PictureState.Moving)), (byName["KAM-4 şifreli"].Status, byName["KAM-4 şifreli"].Measures[MeasureKeys.Picture]));
        Assert.Equal([CheckProblem.PortClosed], byName["KAM-5 kapalı"].Problems);
        Assert.Equal(new CheckCounts(5, 2, 0, 3, 0), summary.Counts);
        Assert.Equal(CheckStatus.Failed, summary.Results[0].Status);
        Assert.Equal(["KAM-2 siyah", "KAM-3 donmuş", "KAM-5 kapalı"], summary.Changes.Select(c => c.TargetName).Order(StringComparer.Ordinal));
        Assert.All(summary.Changes, c => Assert.Equal((MonitoringArea.Cameras, StateChangeKind.WentDown), (c.Area, c.Kind)));
        Assert.True(summary.Duration < TimeSpan.FromSeconds(18), summary.Duration.ToString());
        var db2 = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        Assert.Equal(5, await db2.MonitorChecks.CountAsync());
        Assert.Equal(5, await db2.MonitorStates.CountAsync());
    }

    private static async Task<CheckResult> CheckAsync(Camera camera)
    {
        await using var storage = await MonitoringStorage.CreateAsync(RtspOnly);
        return await storage.Services.GetRequiredService<ICameraProbe>().CheckAsync(camera);
    }
}
