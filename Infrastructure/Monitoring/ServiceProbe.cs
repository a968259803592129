using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using HelpdeskBot.Domain.Monitoring;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>
/// Checks one e-Belediye service: the HTTP status, the time to the whole page, the expected text on it, and the TLS certificate
/// (valid, and not expiring within <c>Monitoring:EBelediye:CertificateWarningDays</c>). The certificate is read in the handler's
/// validation callback, on a fresh connection per check so a pooled one cannot hide it. The municipality's own CA can be trusted
/// through <c>ExtraRootCertificatesPath</c>.
/// </summary>
public sealed class ServiceProbe : IServiceProbe
{
    private readonly IOptions<MonitoringOptions> options;
    private readonly TimeProvider clock;
    private readonly X509Certificate2Collection extraRoots;

    public ServiceProbe(IOptions<MonitoringOptions> options, TimeProvider clock)
    {
        this.options = options;
        this.clock = clock;
        extraRoots = [];
        if (options.Value.EBelediye.ExtraRootCertificatesPath is { } path)
        {
            extraRoots.ImportFromPemFile(path);
        }
    }

    public async Task<CheckResult> CheckAsync(EBelediyeService service, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var o = options.Value.EBelediye;
        var measures = new Dictionary<string, string>();
        var seen = new CertificateSeen();
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            ConnectTimeout = o.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.Zero,
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, cert, chain, errors) => Validate(seen, cert, chain, errors) },
        };
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, service.Address);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("HelpdeskBot-Monitor", "1.0"));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("tr-TR"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(o.RequestTimeout);
        var started = Stopwatch.GetTimestamp();
        int statusCode;
        string body;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            statusCode = (int)response.StatusCode;
            body = await ReadBodyAsync(response.Content, o.MaxBodyBytes, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            AddCertificate(seen, measures);
            return Result(service, CheckStatus.Failed,
                string.Create(CultureInfo.InvariantCulture, $"no complete answer within {o.RequestTimeout.TotalSeconds:0.#} s"), [CheckProblem.Timeout], measures);
        }
        catch (HttpRequestException ex)
        {
            AddCertificate(seen, measures);
            if (seen.Errors is { } errors && errors != SslPolicyErrors.None || ex.InnerException is AuthenticationException)
            {
                var expired = seen.NotAfter is { } na && na < clock.GetUtcNow();
                return Result(service, CheckStatus.Failed,
                    expired ? $"TLS certificate expired on {seen.NotAfter:yyyy-MM-dd}" : $"TLS certificate not accepted: {seen.Errors} {seen.ChainStatus}".Trim(),
                    [expired ? CheckProblem.CertificateExpired : CheckProblem.CertificateInvalid], measures);
            }

            return Result(service, CheckStatus.Failed, "no answer: " + (ex.InnerException?.Message ?? ex.Message), [CheckProblem.HttpError], measures);
        }

        var latency = Stopwatch.GetElapsedTime(started);
        measures[MeasureKeys.HttpStatus] = statusCode.ToString(CultureInfo.InvariantCulture);
        measures[MeasureKeys.LatencyMs] = latency.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        AddCertificate(seen, measures);

        var problems = new List<CheckProblem>();
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"HTTP {statusCode} in {latency.TotalMilliseconds:0} ms") };
        var status = CheckStatus.Ok;
        if (statusCode is < 200 or > 299)
        {
            status = CheckStatus.Failed;
            problems.Add(CheckProblem.HttpError);
        }
        else if (service.ExpectedContent is { } marker && !Contains(body, marker))
        {
            status = CheckStatus.Failed;
            problems.Add(CheckProblem.ContentMissing);
            parts.Add($"the page lacks \"{marker}\"");
        }

        if (latency > service.LatencyThreshold)
        {
            problems.Add(CheckProblem.Slow);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"slower than {service.LatencyThreshold.TotalMilliseconds:0} ms"));
            status = status == CheckStatus.Ok ? CheckStatus.Warning : status;
        }

        if (seen.NotAfter is { } notAfter)
        {
            var daysLeft = (notAfter - clock.GetUtcNow()).TotalDays;
            if (daysLeft < o.CertificateWarningDays)
            {
                problems.Add(CheckProblem.CertificateExpiring);
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"TLS certificate expires on {notAfter:yyyy-MM-dd} ({Math.Max(0, Math.Floor(daysLeft)):0} days)"));
                status = status == CheckStatus.Ok ? CheckStatus.Warning : status;
            }
        }

        return Result(service, status, string.Join("; ", parts), problems, measures);
    }

    private bool Validate(CertificateSeen seen, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is not null)
        {
            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            seen.NotAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            seen.Subject = leaf.Subject;
            if (errors == SslPolicyErrors.RemoteCertificateChainErrors && extraRoots.Count > 0 && chain is not null)
            {
                // Not trusted by the system: try the configured roots. A name mismatch is never forgiven.
                using var custom = new X509Chain();
                custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                custom.ChainPolicy.CustomTrustStore.AddRange(extraRoots);
                custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                custom.ChainPolicy.VerificationTime = clock.GetUtcNow().UtcDateTime;
                foreach (var element in chain.ChainElements.Skip(1))
                {
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                }

                if (custom.Build(leaf))
                {
                    errors = SslPolicyErrors.None;
                }
                else
                {
                    seen.ChainStatus = string.Join(", ", custom.ChainStatus.Select(s => s.Status.ToString()).Distinct());
                }
            }
            else if (chain is not null && errors != SslPolicyErrors.None)
            {
                seen.ChainStatus = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
            }
        }

        seen.Errors = errors;
        return errors == SslPolicyErrors.None;
    }

    private void AddCertificate(CertificateSeen seen, Dictionary<string, string> measures)
    {
        if (seen.NotAfter is { } notAfter)
        {
            measures[MeasureKeys.CertificateExpiresAt] = notAfter.ToString("O", CultureInfo.InvariantCulture);
            measures[MeasureKeys.CertificateDaysLeft] = Math.Floor((notAfter - clock.GetUtcNow()).TotalDays).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static bool Contains(string body, string marker) =>
        body.Normalize(NormalizationForm.FormC).Contains(marker.Normalize(NormalizationForm.FormC), StringComparison.Ordinal);

    private static async Task<string> ReadBodyAsync(HttpContent content, int maxBytes, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new byte[maxBytes];
        var total = 0;
        int read;
        while (total < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(total, maxBytes - total), ct)) > 0)
        {
            total += read;
        }

        var encoding = Encoding.UTF8;
        if (content.Headers.ContentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: read it as UTF-8.
            }
        }

        return encoding.GetString(buffer, 0, total);
    }

    private CheckResult Result(EBelediyeService service, CheckStatus status, string detail, IReadOnlyList<CheckProblem> problems, Dictionary<string, string> measures) =>
        new(MonitoringArea.EBelediye, service.Id, service.Name, service.UnitId, status, detail, problems, measures, clock.GetUtcNow());

    private sealed class CertificateSeen
    {
        public DateTimeOffset? NotAfter { get; set; }
        public string? Subject { get; set; }
        public SslPolicyErrors? Errors { get; set; }
        public string? ChainStatus { get; set; }
    }
}
