using System.Globalization;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Infrastructure.Monitoring;

namespace HelpdeskBot.Tests.Monitoring;

public sealed class DigestAuthenticationTests
{
    [Fact]
    public void Response_Rfc2617Example_MatchesTheRfc()
    {
        // RFC 2617 section 3.5.
        var response = DigestAuthentication.Response(null, "Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Fact]
    public void Authorize_ChallengeFromGStreamer_AnswersWithoutQop()
    {
        var challenge = AuthChallenge.Parse("Digest realm=\"GStreamer RTSP Server\", nonce=\"97b92cfdc2e3b59a\"")!;

        var header = DigestAuthentication.Authorize(challenge, "DESCRIBE", "rtsp://127.0.0.1:8554/secure", "kamera", "Gizli-Şifre1", "c", 1);

        var expected = DigestAuthentication.Response(null, "kamera", "GStreamer RTSP Server", "Gizli-Şifre1", "DESCRIBE", "rtsp://127.0.0.1:8554/secure",
            "97b92cfdc2e3b59a", null, "00000001", "c");
        Assert.StartsWith("Digest username=\"kamera\", realm=\"GStreamer RTSP Server\", nonce=\"97b92cfdc2e3b59a\"", header, StringComparison.Ordinal);
        Assert.Contains($"response=\"{expected}\"", header, StringComparison.Ordinal);
        Assert.DoesNotContain("qop", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuotedCommasAndEscapes_AreKept()
    {
        var c = AuthChallenge.Parse("Digest realm=\"a, \\\"b\\\"\", qop=\"auth,auth-int\", algorithm=MD5-sess, opaque=\"5ccc\"")!;

        Assert.True(c.IsDigest);
        Assert.Equal("a, \"b\"", c["realm"]);
        Assert.Equal("auth,auth-int", c["QOP"]);
        Assert.Equal("MD5-sess", c["algorithm"]);
        Assert.Equal("5ccc", c["opaque"]);
    }
}

public sealed class CsvParserTests
{
    [Fact]
    public void Parse_QuotedSeparatorsQuotesAndLineBreaks_KeepsFieldsAndLineNumbers()
    {
        const string text = "ad;konum\r\n\"Kamera; giriş\";\"Ana \"\"Hizmet\"\" Binası\"\r\n\"İki\nsatır\";x\nsonuncu;y";

        var records = CsvParser.Parse(text).ToList();

        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
        Assert.Equal(["Kamera; giriş", "Ana \"Hizmet\" Binası"], records[1].Fields);
        Assert.Equal(["İki\nsatır", "x"], records[2].Fields);
        Assert.Equal(["sonuncu", "y"], records[3].Fields);
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Parse_UnclosedQuote_ReportsThatLineAndKeepsTheRowsAfterIt()
    {
        var records = CsvParser.Parse("name,host\n\"bozuk,1.1.1.1\niyi,127.0.0.1\n").ToList();

        Assert.Equal("a quote is not closed", records[1].Error);
        Assert.Equal(2, records[1].Line);
        Assert.Equal((3, "iyi"), (records[2].Line, records[2].Fields[0]));
    }

    [Theory]
    [InlineData("ad;birim;host", ';')]
    [InlineData("name,unit,host", ',')]
    [InlineData("name\tunit", '\t')]
    [InlineData("\"a;b\",c,d", ',')]
    public void DetectSeparator_FromTheHeader(string header, char expected) => Assert.Equal(expected, CsvParser.DetectSeparator(header));

    [Theory]
    [InlineData("İKİNCİ KONUM", "ikincikonum")]
    [InlineData("Şifre", "sifre")]
    [InlineData("Kullanıcı_Adı", "kullaniciadi")]
    [InlineData("SAAT DİLİMİ", "saatdilimi")]
    public void Fold_TurkishHeaders_MatchInAnyCulture(string header, string expected)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            Assert.Equal(expected, InventoryCsvImporter.Fold(header));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("26h", 26 * 60)]
    [InlineData("26 saat", 26 * 60)]
    [InlineData("2 gün", 2 * 24 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1.02:00:00", 26 * 60)]
    [InlineData("1.5d", 36 * 60)]
    public void ParseDuration_AsPeopleWriteIt(string text, int minutes) => Assert.Equal(TimeSpan.FromMinutes(minutes), InventoryCsvImporter.ParseDuration(text));
}

public sealed class TimeZoneTests
{
    private static readonly TimeZoneInfo Istanbul = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void ToUtc_BorgTimeInIstanbul_IsThreeHoursEarlier()
    {
        var utc = WallClock.ToUtc(WallClock.ParseNaive("2025-03-10T02:30:00.000000"), Istanbul);

        Assert.Equal(new DateTimeOffset(2025, 3, 9, 23, 30, 0, TimeSpan.Zero), utc);
    }

    [Fact]
    public void ToUtc_SpringGapAndAutumnRepeat_AreDecidedNotThrown()
    {
        var gap = WallClock.ToUtc(new DateTime(2025, 3, 9, 2, 30, 0), NewYork);
        var repeat = WallClock.ToUtc(new DateTime(2025, 11, 2, 1, 30, 0), NewYork);

        Assert.Equal(new DateTimeOffset(2025, 3, 9, 7, 30, 0, TimeSpan.Zero), gap);
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 6, 30, 0, TimeSpan.Zero), repeat);
    }
}

public sealed class MsdbMappingTests
{
    private static readonly TimeZoneInfo Istanbul = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");

    [Fact]
    public void ToObservation_NeverBackedUpDatabase_IsReadableWithNoBackup()
    {
        MsdbBackupRow[] rows = [Row("YENI_DB", null, null, null)];

        var observation = MsdbBackupMapping.ToObservation(rows, "YENI_DB", Istanbul);
        var assessment = BackupAssessor.Assess(TimeSpan.FromHours(26), observation, null, DateTimeOffset.UtcNow, new BackupPolicy());

        Assert.True(observation.IsReadable);
        Assert.Empty(observation.Backups);
        Assert.Equal(BackupFreshness.Missing, assessment.Freshness);
    }

    [Fact]
    public void ToObservation_FullDiffLog_MapsKindsTimesSizesAndFileNames()
    {
        MsdbBackupRow[] rows =
        [
            Row("EBYS", "D", new DateTime(2025, 3, 10, 2, 0, 0), 12, 5_000_000, @"\\nas01\sql\EBYS\FULL\EBYS_20250310.bak"),
            Row("EBYS", "I", new DateTime(2025, 3, 10, 14, 0, 0), 12, 400_000, "D:/Backup/EBYS_DIFF.bak"),
            Row("EBYS", "L", new DateTime(2025, 3, 10, 14, 15, 0), null, 20_000, "{5F3E2C1A-0000-0000-0000-000000000000}"),
            Row("MUHASEBE", "D", new DateTime(2025, 3, 9, 2, 0, 0), 12, 1, "x.bak"),
        ];

        var o = MsdbBackupMapping.ToObservation(rows, "ebys", Istanbul);

        Assert.Equal([BackupKind.Log, BackupKind.Differential, BackupKind.Full], o.Backups.Select(b => b.Kind));
        var full = o.Backups.Single(b => b.Kind == BackupKind.Full);
        Assert.Equal(new DateTimeOffset(2025, 3, 9, 23, 0, 0, TimeSpan.Zero), full.TakenAt);
        Assert.Equal(("EBYS_20250310.bak", 5_000_000L), (full.Name, full.SizeBytes!.Value));
        Assert.Equal("EBYS_DIFF.bak", o.Backups.Single(b => b.Kind == BackupKind.Differential).Name);
        var log = o.Backups.Single(b => b.Kind == BackupKind.Log);
        Assert.Null(log.Name);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 11, 15, 0, TimeSpan.Zero), log.TakenAt);
        Assert.Contains("last full 2025-03-09 23:00Z", o.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ToObservation_UnknownDatabaseOrOffline_IsSaid()
    {
        MsdbBackupRow[] rows = [Row("EBYS", "D", new DateTime(2025, 3, 10, 2, 0, 0), 127, 1, null) with { State = "OFFLINE" }];

        Assert.False(MsdbBackupMapping.ToObservation(rows, "YOK", Istanbul).IsReadable);
        var o = MsdbBackupMapping.ToObservation(rows, "EBYS", Istanbul);
        Assert.Contains("database is OFFLINE", o.Note, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 3, 9, 23, 0, 0, TimeSpan.Zero), o.Backups[0].TakenAt);
    }

    [Fact]
    public void Sql_StartsFromSysDatabasesWithALeftJoin()
    {
        var sql = MsdbBackupQuery.Sql;
        Assert.Contains("FROM sys.databases AS d\nLEFT JOIN", sql.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("msdb.dbo.backupset", sql, StringComparison.Ordinal);
        Assert.Contains("@perType", sql, StringComparison.Ordinal);
        Assert.Contains("@days", sql, StringComparison.Ordinal);
    }

    private static MsdbBackupRow Row(string db, string? type, DateTime? finish, int? tz, long? size = null, string? device = null) =>
        new(db, "ONLINE", "FULL", type, finish, tz, size, false, type is null ? null : Guid.NewGuid().ToString(), device);
}

public sealed class PictureJudgeTests
{
    [Fact]
    public void Judge_RealFfmpegLogs_TellBlackFrozenAndMoving()
    {
        const string black = "[freezedetect @ 0x1] lavfi.freezedetect.freeze_start: 0\nframe=   40 fps= 20 time=00:00:04.00 bitrate=N/A\n"
            + "[blackdetect @ 0x2] black_start:0 black_end:4 black_duration:4\n";
        const string frozen = "[freezedetect @ 0x1] lavfi.freezedetect.freeze_start: 0\nframe=   40 fps= 20 time=00:00:04.00 bitrate=N/A\n";
        const string moving = "frame=   27 time=00:00:02.70\rframe=   40 fps= 20 q=-0.0 Lsize=N/A time=00:00:04.00 bitrate=N/A speed=2x\n";
        const string brief = "[freezedetect @ 0x1] lavfi.freezedetect.freeze_start: 1\n[freezedetect @ 0x1] lavfi.freezedetect.freeze_duration: 1.2\n"
            + "[freezedetect @ 0x1] lavfi.freezedetect.freeze_end: 2.2\ntime=00:00:04.00\n";

        Assert.Equal(4, PictureAnalyzer.AnalysedSeconds(black));
        Assert.Equal(PictureState.Black, PictureAnalyzer.Judge(black, 4, 0.8).State);
        Assert.Equal(PictureState.Frozen, PictureAnalyzer.Judge(frozen, 4, 0.8).State);
        Assert.Equal(PictureState.Moving, PictureAnalyzer.Judge(moving, PictureAnalyzer.AnalysedSeconds(moving), 0.8).State);
        Assert.Equal(PictureState.Moving, PictureAnalyzer.Judge(brief, 4, 0.8).State);
    }
}
