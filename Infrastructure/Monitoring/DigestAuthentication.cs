using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>A parsed <c>WWW-Authenticate</c> challenge: the scheme and its parameters (names compared without case).</summary>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? this[string name] => Parameters.TryGetValue(name, out var v) ? v : null;

    public bool IsDigest => string.Equals(Scheme, "Digest", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => string.Equals(Scheme, "Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses one header value: <c>Digest realm="x", nonce="y", qop="auth"</c>. Quoted strings may hold commas and escaped quotes.</summary>
    public static AuthChallenge? Parse(string header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var text = header.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? text : text[..space];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = space < 0 ? text.Length : space + 1;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == ','))
            {
                i++;
            }

            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            var name = text[i..eq].Trim();
            i = eq + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var sb = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    sb.Append(text[i]);
                    i++;
                }

                i++;
                value = sb.ToString();
            }
            else
            {
                var end = text.IndexOf(',', i);
                end = end < 0 ? text.Length : end;
                value = text[i..end].Trim();
                i = end;
            }

            if (name.Length > 0)
            {
                parameters[name] = value;
            }
        }

        return new AuthChallenge(scheme, parameters);
    }
}

/// <summary>HTTP digest authentication as RFC 2617 defines it (MD5, MD5-sess, qop auth), with RFC 7616's SHA-256 where a server asks for it.</summary>
public static class DigestAuthentication
{
    /// <summary>The <c>Authorization</c> header value answering <paramref name="challenge"/> for one request.</summary>
    public static string Authorize(AuthChallenge challenge, string method, string uri, string username, string password, string cnonce, int nonceCount)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var realm = challenge["realm"] ?? string.Empty;
        var nonce = challenge["nonce"] ?? string.Empty;
        var opaque = challenge["opaque"];
        var algorithm = challenge["algorithm"];
        var qop = ChooseQop(challenge["qop"]);
        var nc = nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        var response = Response(algorithm, username, realm, password, method, uri, nonce, qop, nc, cnonce);

        var header = new StringBuilder("Digest ");
        header.Append(CultureInfo.InvariantCulture, $"username=\"{Quote(username)}\", realm=\"{Quote(realm)}\", nonce=\"{Quote(nonce)}\", uri=\"{Quote(uri)}\"");
        if (algorithm is not null)
        {
            header.Append(CultureInfo.InvariantCulture, $", algorithm={algorithm}");
        }

        header.Append(CultureInfo.InvariantCulture, $", response=\"{response}\"");
        if (opaque is not null)
        {
            header.Append(CultureInfo.InvariantCulture, $", opaque=\"{Quote(opaque)}\"");
        }

        if (qop is not null)
        {
            header.Append(CultureInfo.InvariantCulture, $", qop={qop}, nc={nc}, cnonce=\"{Quote(cnonce)}\"");
        }

        return header.ToString();
    }

    /// <summary>The request-digest of RFC 2617 section 3.2.2.1.</summary>
    public static string Response(string? algorithm, string username, string realm, string password, string method, string uri, string nonce,
        string? qop, string nc, string cnonce)
    {
        var sha256 = algorithm is not null && algorithm.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase);
        var session = algorithm is not null && algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase);
        string H(string s) => Hex(sha256 ? SHA256.HashData(Encoding.UTF8.GetBytes(s)) : MD5.HashData(Encoding.UTF8.GetBytes(s)));

        var ha1 = H($"{username}:{realm}:{password}");
        if (session)
        {
            ha1 = H($"{ha1}:{nonce}:{cnonce}");
        }

        var ha2 = H($"{method}:{uri}");
        return qop is null ? H($"{ha1}:{nonce}:{ha2}") : H($"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
    }

    public static string NewClientNonce() => Hex(RandomNumberGenerator.GetBytes(8));

    private static string? ChooseQop(string? offered)
    {
        if (offered is null)
        {
            return null;
        }

        var options = offered.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return options.Any(o => string.Equals(o, "auth", StringComparison.OrdinalIgnoreCase)) ? "auth" : null;
    }

    private static string Quote(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
