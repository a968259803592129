using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpdeskBot.Tests.Monitoring;

/// <summary>
/// Local e-Belediye sites on 127.0.0.1 served by Kestrel: plain HTTP, HTTPS with a certificate of a test CA made by openssl (valid
/// for a year), HTTPS with one expiring in 10 days, and HTTPS with a self-signed one nobody trusts. Pages: up, slow, wrong content,
/// 500, hanging, a Windows-1254 page, and one whose failure the test switches on and off.
/// </summary>
public sealed class EBelediyeSites : IAsyncLifetime
{
    public const string Marker = "e-Belediye İşlemleri";
    private readonly TempFolder temp = new("helpdesk-https-");
    private readonly List<WebApplication> apps = [];

    public string Http { get; private set; } = string.Empty;
    public string Https { get; private set; } = string.Empty;
    public string Expiring { get; private set; } = string.Empty;
    public string Untrusted { get; private set; } = string.Empty;
    public string CaFile => Path.Combine(temp.Path, "ca.pem");

    /// <summary>While true, /degisken answers 500.</summary>
    public bool ToggleFailing { get; set; }

    public async Task InitializeAsync()
    {
        MakeCertificates();
        Http = await StartAsync(null);
        Https = await StartAsync(Certificate("good"));
        Expiring = await StartAsync(Certificate("expiring"));
        Untrusted = await StartAsync(Certificate("selfsigned"));
    }

    public async Task DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }

        temp.Dispose();
    }

    private void MakeCertificates()
    {
        var d = temp.Path;
        File.WriteAllText(Path.Combine(d, "leaf.cnf"),
            "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
        Tools.MustRun("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "365",
            "-subj", "/CN=Belediye Test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], workingDirectory: d);
        foreach (var (name, days) in new[] { ("good", "365"), ("expiring", "10") })
        {
            Tools.MustRun("openssl", ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", $"{name}.key", "-out", $"{name}.csr", "-subj", "/CN=127.0.0.1"],
                workingDirectory: d);
            Tools.MustRun("openssl", ["x509", "-req", "-in", $"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", $"{name}.pem",
                "-days", days, "-extfile", "leaf.cnf"], workingDirectory: d);
        }

        Tools.MustRun("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "selfsigned.key", "-out", "selfsigned.pem", "-days", "365",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], workingDirectory: d);
    }

    private X509Certificate2 Certificate(string name) =>
        X509Certificate2.CreateFromPemFile(Path.Combine(temp.Path, name + ".pem"), Path.Combine(temp.Path, name + ".key"));

    private async Task<string> StartAsync(X509Certificate2? certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l =>
        {
            if (certificate is not null)
            {
                l.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var page = $"<html><head><title>{Marker}</title></head><body>Borç Sorgulama · İmar Durumu</body></html>";
        app.MapGet("/ebelediye", () => Results.Content(page, "text/html; charset=utf-8"));
        app.MapGet("/yavas", async (CancellationToken ct) =>
        {
            await Task.Delay(1200, ct);
            return Results.Content(page, "text/html; charset=utf-8");
        });
        app.MapGet("/bakim", () => Results.Content("<html><body>Sistem bakımdadır.</body></html>", "text/html; charset=utf-8"));
        app.MapGet("/hata", () => Results.StatusCode(500));
        app.MapGet("/asili", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Ok();
        });
        app.MapGet("/degisken", () => ToggleFailing ? Results.StatusCode(503) : Results.Content(page, "text/html; charset=utf-8"));
        app.MapGet("/kodlama", () => Results.Bytes(Encoding.GetEncoding(1254).GetBytes(page), "text/html; charset=windows-1254"));
        await app.StartAsync();
        apps.Add(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }
}

public sealed class ServiceTests(EBelediyeSites sites) : IClassFixture<EBelediyeSites>
{
    private Dictionary<string, string?> Settings => new()
    {
        ["Monitoring:EBelediye:ExtraRootCertificatesPath"] = sites.CaFile,
        ["Monitoring:EBelediye:RequestTimeout"] = "00:00:02",
    };

    [RequiresFact("openssl")]
    public async Task CheckAsync_UpOverHttpsWithTheMunicipalityCa_IsOkWithCertificateDates()
    {
        var result = await CheckAsync(Service("ana sayfa", sites.Https + "/ebelediye"));

        Assert.Equal(CheckStatus.Ok, result.Status);
        Assert.Equal("200", result.Measures[MeasureKeys.HttpStatus]);
        Assert.InRange(int.Parse(result.Measures[MeasureKeys.CertificateDaysLeft], System.Globalization.CultureInfo.InvariantCulture), 360, 365);
        Assert.True(result.Measures.ContainsKey(MeasureKeys.LatencyMs));
    }

    [RequiresFact("openssl")]
    public async Task CheckAsync_EachFault_IsToldApart()
    {
        var slow = await CheckAsync(Service("yavaş", sites.Https + "/yavas", latencyMs: 500));
        var wrong = await CheckAsync(Service("bakım", sites.Http + "/bakim"));
        var error = await CheckAsync(Service("hata", sites.Http + "/hata"));
        var hanging = await CheckAsync(Service("asılı", sites.Http + "/asili"));
        var expiring = await CheckAsync(Service("sertifika", sites.Expiring + "/ebelediye"));
        var untrusted = await CheckAsync(Service("güvenilmez", sites.Untrusted + "/ebelediye"));
        var closed = await CheckAsync(Service("kapalı", $"http://127.0.0.1:{RtspServers.FreePort()}/"));

        Assert.Equal((CheckStatus.Warning, CheckProblem.Slow), (slow.Status, Assert.Single(slow.Problems)));
        Assert.Equal((CheckStatus.Failed, CheckProblem.ContentMissing), (wrong.Status, Assert.Single(wrong.Problems)));
        Assert.Equal((CheckStatus.Failed, CheckProblem.HttpError, "500"), (error.Status, Assert.Single(error.Problems), error.Measures[MeasureKeys.HttpStatus]));
        Assert.Equal((CheckStatus.Failed, CheckProblem.Timeout), (hanging.Status, Assert.Single(hanging.Problems)));
        Assert.Equal((CheckStatus.Warning, CheckProblem.CertificateExpiring), (expiring.Status, Assert.Single(expiring.Problems)));
        Assert.Contains("(9 days)", expiring.Detail, StringComparison.Ordinal);
        Assert.Equal((CheckStatus.Failed, CheckProblem.CertificateInvalid), (untrusted.Status, Assert.Single(untrusted.Problems)));
        Assert.Equal((CheckStatus.Failed, CheckProblem.HttpError), (closed.Status, Assert.Single(closed.Problems)));
    }

    [RequiresFact("openssl")]
    public async Task CheckAsync_Windows1254Page_FindsTheTurkishMarker()
    {
        var result = await CheckAsync(Service("eski site", sites.Http + "/kodlama", marker: "İmar Durumu"));

        Assert.Equal(CheckStatus.Ok, result.Status);
    }

    [RequiresFact("openssl")]
    public async Task RunServiceChecks_FailureThatHolds_IsAnnouncedOnceAndItsRecoveryToo_AvailabilityOver30Days()
    {
        await using var storage = await MonitoringStorage.CreateAsync(new Dictionary<string, string?>(Settings)
        {
            ["Monitoring:EBelediye:ConfirmAfterChecks"] = "2",
            ["Monitoring:EBelediye:ConfirmAfter"] = "00:00:00",
        });
        await using (var setup = storage.Scope())
        {
            var db = setup.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
            db.EBelediyeServices.AddRange(Service("Ana sayfa", sites.Https + "/ebelediye"), Service("Değişken", sites.Http + "/degisken"),
                Service("Bakımdaki", sites.Http + "/bakim"));
            await db.SaveChangesAsync();
        }

        var runs = new List<CheckRunSummary>();
        foreach (var failing in new[] { false, true, true, true, false, false })
        {
            sites.ToggleFailing = failing;
            await using var scope = storage.Scope();
            runs.Add(await scope.ServiceProvider.GetRequiredService<RunServiceChecks>().ExecuteAsync());
            storage.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        string Changes(CheckRunSummary s) => string.Join(",", s.Changes.Select(c => $"{c.TargetName}:{c.Kind}"));
        Assert.Equal(["", "Bakımdaki:WentDown", "Değişken:WentDown", "", "", "Değişken:CameBack"], runs.Select(Changes));
        var down = runs[2].Changes.Single();
        Assert.Equal((MonitoringArea.EBelediye, CheckStatus.Failed), (down.Area, down.Status));
        Assert.Equal(runs[1].StartedAt, down.Since);
        Assert.Contains("HTTP 503", down.Detail, StringComparison.Ordinal);

        await using var read = storage.Scope();
        var report = await read.ServiceProvider.GetRequiredService<GetMonitoringStatus>().ExecuteAsync(MonitoringArea.EBelediye);
        Assert.Equal(["Bakımdaki", "Ana sayfa", "Değişken"], report.Lines.Select(l => l.Name));
        var byName = report.Lines.ToDictionary(l => l.Name);
        Assert.Equal((1.0, 6), (byName["Ana sayfa"].Availability, byName["Ana sayfa"].ChecksInWindow));
        Assert.Equal(0.5, byName["Değişken"].Availability);
        Assert.Equal(0.0, byName["Bakımdaki"].Availability);
        Assert.NotNull(byName["Bakımdaki"].DownSince);
        Assert.Null(byName["Değişken"].DownSince);
        Assert.Equal(new CheckCounts(3, 2, 0, 1, 0), report.Counts);
    }

    private static EBelediyeService Service(string name, string url, string marker = EBelediyeSites.Marker, int latencyMs = 3000) =>
        new(name, new Uri(url), marker, TimeSpan.FromMilliseconds(latencyMs), null, DateTimeOffset.UtcNow);

    private async Task<CheckResult> CheckAsync(EBelediyeService service)
    {
        await using var storage = await MonitoringStorage.CreateAsync(Settings);
        return await storage.Services.GetRequiredService<IServiceProbe>().CheckAsync(service);
    }
}
