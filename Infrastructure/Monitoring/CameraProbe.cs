using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using HelpdeskBot.Domain.Monitoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>
/// Checks one camera: a TCP connect to its RTSP port (and an ICMP echo beside it where allowed; the result says which answered),
/// RTSP <c>OPTIONS</c> and <c>DESCRIBE</c> on that connection with digest authentication, then, when ffmpeg is installed, a few
/// seconds of the picture for black and frozen. Every step has its own timeout.
/// </summary>
public sealed partial class CameraProbe(IOptions<MonitoringOptions> options, PictureAnalyzer pictures, TimeProvider clock, ILogger<CameraProbe> logger)
    : ICameraProbe
{
    public async Task<CheckResult> CheckAsync(Camera camera, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var o = options.Value.Cameras;
        var measures = new Dictionary<string, string>();
        var problems = new List<CheckProblem>();

        string? password = null;
        if (camera.Username is not null && camera.PasswordReference is not null)
        {
            (password, var problem) = Secrets.Resolve(SecretReference.Parse(camera.PasswordReference));
            if (password is null)
            {
                return Result(camera, CheckStatus.Unreadable, "camera password unavailable: " + problem, [CheckProblem.CredentialMissing], measures);
            }
        }

        var icmp = o.UseIcmp ? PingAsync(camera.Host, o.IcmpTimeout, ct) : Task.FromResult<TimeSpan?>(null);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var (connected, connectProblem, connectDetail) = await ConnectAsync(socket, camera, o.ConnectTimeout, measures, ct);
        var pinged = await icmp;
        if (pinged is { } rtt)
        {
            measures[MeasureKeys.IcmpMs] = rtt.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture);
        }

        measures[MeasureKeys.Probe] = (connected, pinged is not null) switch
        {
            (true, true) => "tcp+icmp",
            (true, false) => "tcp",
            (false, true) => "icmp",
            _ => "none",
        };
        if (!connected)
        {
            var detail = pinged is not null ? $"host answers ping but {connectDetail}" : connectDetail;
            return Result(camera, CheckStatus.Failed, detail, [connectProblem!.Value], measures);
        }

        var baseUrl = RtspUrl(camera, null, null);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var client = new RtspClient(stream, camera.Username, password);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(o.RtspTimeout);
            var opts = await client.SendAsync("OPTIONS", baseUrl.AbsoluteUri, timeout.Token);
            if (opts.StatusCode is not (200 or 401))
            {
                measures[MeasureKeys.RtspStatus] = opts.StatusCode.ToString(CultureInfo.InvariantCulture);
                return Result(camera, CheckStatus.Failed, $"RTSP OPTIONS answered {opts.StatusCode} {opts.Reason}", [CheckProblem.RtspError], measures);
            }

            timeout.CancelAfter(o.RtspTimeout);
            var describe = await client.SendAsync("DESCRIBE", baseUrl.AbsoluteUri, timeout.Token, ("Accept", "application/sdp"));
            measures[MeasureKeys.RtspStatus] = describe.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (describe.StatusCode == 401)
            {
                return camera.Username is null
                    ? Result(camera, CheckStatus.Failed, "the camera asks for a password and none is configured", [CheckProblem.CredentialMissing], measures)
                    : Result(camera, CheckStatus.Failed, "the camera refused the user name or password", [CheckProblem.AuthenticationRejected], measures);
            }

            if (describe.StatusCode != 200)
            {
                return Result(camera, CheckStatus.Failed, $"RTSP DESCRIBE answered {describe.StatusCode} {describe.Reason}", [CheckProblem.RtspError], measures);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Result(camera, CheckStatus.Failed,
                string.Create(CultureInfo.InvariantCulture, $"port {camera.Port} accepts connections but no RTSP answer within {o.RtspTimeout.TotalSeconds:0.#} s"),
                [CheckProblem.Timeout], measures);
        }
        catch (Exception ex) when (ex is RtspProtocolException or IOException or SocketException)
        {
            return Result(camera, CheckStatus.Failed, "RTSP failed: " + ex.Message, [CheckProblem.RtspError], measures);
        }

        var parts = new List<string> { $"RTSP stream answers ({measures[MeasureKeys.Probe]}{(client.Authenticated ? ", authenticated" : string.Empty)})" };
        var status = CheckStatus.Ok;
        if (o.CheckPicture)
        {
            // The RTSP connection is closed first: some cameras allow one session at a time.
            socket.Close();
            var verdict = await pictures.AnalyseAsync(RtspUrl(camera, camera.Username, password), password is null ? null : Uri.EscapeDataString(password), ct);
            measures[MeasureKeys.Picture] = verdict.State.ToString();
            parts.Add(verdict.Detail);
            switch (verdict.State)
            {
                case PictureState.Black:
                    status = CheckStatus.Failed;
                    problems.Add(CheckProblem.BlackPicture);
                    break;
                case PictureState.Frozen:
                    status = CheckStatus.Failed;
                    problems.Add(CheckProblem.FrozenPicture);
                    break;
                case PictureState.Unchecked when pictures.IsAvailable:
                    status = CheckStatus.Warning;
                    problems.Add(CheckProblem.PictureUnchecked);
                    break;
            }
        }

        return Result(camera, status, string.Join("; ", parts), problems, measures);
    }

    /// <summary>The stream's address; with credentials only for ffmpeg (never logged: its errors have the password hidden).</summary>
    public static Uri RtspUrl(Camera camera, string? username, string? password)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var host = IPAddress.TryParse(camera.Host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{camera.Host}]" : camera.Host;
        var user = username is null ? string.Empty : Uri.EscapeDataString(username) + (password is null ? string.Empty : ":" + Uri.EscapeDataString(password)) + "@";
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"rtsp://{user}{host}:{camera.Port}{camera.RtspPath}"));
    }

    private static async Task<(bool Connected, CheckProblem? Problem, string Detail)> ConnectAsync(Socket socket, Camera camera, TimeSpan connectTimeout,
        Dictionary<string, string> measures, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(connectTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await socket.ConnectAsync(camera.Host, camera.Port, timeout.Token);
            measures[MeasureKeys.ConnectMs] = Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture);
            return (true, null, string.Empty);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (false, CheckProblem.Timeout,
                string.Create(CultureInfo.InvariantCulture, $"no answer on port {camera.Port} within {connectTimeout.TotalSeconds:0.#} s"));
        }
        catch (SocketException ex) when (SocketErrors.IsRefused(ex))
        {
            return (false, CheckProblem.PortClosed, string.Create(CultureInfo.InvariantCulture, $"port {camera.Port} refused the connection"));
        }
        catch (SocketException ex) when (SocketErrors.IsUnknownHost(ex))
        {
            return (false, CheckProblem.HostUnreachable, $"host {camera.Host} not found");
        }
        catch (SocketException ex)
        {
            return (false, CheckProblem.HostUnreachable, $"host {camera.Host} unreachable: {ex.SocketErrorCode}");
        }
    }

    private async Task<TimeSpan?> PingAsync(string host, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            using var ping = new Ping();
            var reply = await ping.SendPingAsync(host, timeout, null, null, ct);
            return reply.Status == IPStatus.Success ? TimeSpan.FromMilliseconds(reply.RoundtripTime) : null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is PingException or SocketException or InvalidOperationException or PlatformNotSupportedException)
        {
            // No raw socket and no ping program: the TCP probe decides alone.
            IcmpUnavailable(logger, host, ex.Message);
            return null;
        }
    }

    private CheckResult Result(Camera camera, CheckStatus status, string detail, IReadOnlyList<CheckProblem> problems, Dictionary<string, string> measures) =>
        new(MonitoringArea.Cameras, camera.Id, camera.Name, camera.UnitId, status, detail, problems, measures, clock.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Debug, Message = "ICMP to {Host} unavailable: {Reason}")]
    private static partial void IcmpUnavailable(ILogger logger, string host, string reason);
}
