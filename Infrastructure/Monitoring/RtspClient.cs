using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>An RTSP answer: status, headers (a name may repeat) and body.</summary>
public sealed record RtspResponse(int StatusCode, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    public IEnumerable<string> All(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public string? this[string name] => All(name).FirstOrDefault();
}

/// <summary>The RTSP server answered something that is not RTSP.</summary>
public sealed class RtspProtocolException(string message) : Exception(message);

/// <summary>
/// A minimal RTSP/1.0 client over a connected TCP stream: OPTIONS and DESCRIBE, answering a 401 once with digest (RFC 2617) or,
/// when that is all the camera offers, basic authentication. Every request has the caller's timeout.
/// </summary>
public sealed class RtspClient(Stream stream, string? username, string? password)
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBodyBytes = 256 * 1024;
    private readonly byte[] buffer = new byte[8192];
    private readonly MemoryStream pending = new();
    private int cseq;
    private int nonceCount;
    private AuthChallenge? challenge;
    private string? cnonce;

    /// <summary>Whether the last request was answered after authenticating.</summary>
    public bool Authenticated { get; private set; }

    public async Task<RtspResponse> SendAsync(string method, string url, CancellationToken ct, params (string Name, string Value)[] headers)
    {
        var response = await SendOnceAsync(method, url, headers, ct);
        if (response.StatusCode != 401 || username is null || password is null)
        {
            return response;
        }

        var offered = response.All("WWW-Authenticate").Select(AuthChallenge.Parse).OfType<AuthChallenge>().ToList();
        challenge = offered.FirstOrDefault(c => c.IsDigest) ?? offered.FirstOrDefault(c => c.IsBasic);
        if (challenge is null)
        {
            return response;
        }

        cnonce = DigestAuthentication.NewClientNonce();
        nonceCount = 0;
        response = await SendOnceAsync(method, url, headers, ct);
        Authenticated = response.StatusCode != 401;
        return response;
    }

    private async Task<RtspResponse> SendOnceAsync(string method, string url, (string Name, string Value)[] headers, CancellationToken ct)
    {
        var request = new StringBuilder();
        request.Append(CultureInfo.InvariantCulture, $"{method} {url} RTSP/1.0\r\nCSeq: {++cseq}\r\nUser-Agent: HelpdeskBot camera check\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (challenge is not null && username is not null && password is not null)
        {
            var authorization = challenge.IsDigest
                ? DigestAuthentication.Authorize(challenge, method, url, username, password, cnonce!, ++nonceCount)
                : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
            request.Append(CultureInfo.InvariantCulture, $"Authorization: {authorization}\r\n");
        }

        request.Append("\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), ct);
        await stream.FlushAsync(ct);
        return await ReadResponseAsync(ct);
    }

    private async Task<RtspResponse> ReadResponseAsync(CancellationToken ct)
    {
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd()) < 0)
        {
            if (pending.Length > MaxHeaderBytes)
            {
                throw new RtspProtocolException("the answer's headers are too long");
            }

            await FillAsync(ct);
        }

        var all = pending.ToArray();
        var head = Encoding.UTF8.GetString(all, 0, headerEnd);
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("RTSP/", StringComparison.Ordinal) || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new RtspProtocolException("not an RTSP answer: " + Shorten(lines[0]));
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        var length = headers.Where(h => string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.TryParse(h.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).FirstOrDefault();
        if (length > MaxBodyBytes)
        {
            throw new RtspProtocolException("the answer's body is too long");
        }

        var bodyStart = headerEnd + 4;
        while (pending.Length < bodyStart + length)
        {
            await FillAsync(ct);
        }

        all = pending.ToArray();
        var body = Encoding.UTF8.GetString(all, bodyStart, length);
        var rest = all.AsSpan(bodyStart + length).ToArray();
        pending.SetLength(0);
        pending.Write(rest);
        return new RtspResponse(code, status.Length > 2 ? status[2] : string.Empty, headers, body);
    }

    private async Task FillAsync(CancellationToken ct)
    {
        var read = await stream.ReadAsync(buffer, ct);
        if (read == 0)
        {
            throw new RtspProtocolException("the camera closed the connection");
        }

        pending.Write(buffer, 0, read);
    }

    private int IndexOfHeaderEnd()
    {
        var span = pending.GetBuffer().AsSpan(0, (int)pending.Length);
        return span.IndexOf("\r\n\r\n"u8);
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}

/// <summary>Socket errors in words a technician reads.</summary>
internal static class SocketErrors
{
    public static bool IsRefused(SocketException ex) => ex.SocketErrorCode == SocketError.ConnectionRefused;

    public static bool IsUnknownHost(SocketException ex) => ex.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain;
}
