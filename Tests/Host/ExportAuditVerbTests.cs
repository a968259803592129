using System.Text;
using HelpdeskBot.Bot.Hosting;
using HelpdeskBot.Infrastructure;
using HelpdeskBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HelpdeskBot.Tests.Host;

/// <summary>
/// <c>export audit PERIOD FILE</c> as an operator runs it: a period that is no period, a file it cannot or will not write
/// are answered with what is wrong and the export's own usage (exit 2, nothing written); a good one writes the file.
/// </summary>
public sealed class ExportAuditVerbTests
{
    private readonly string dir = TempDir.Create();

    [Theory]
    [InlineData("2026-13", "\"2026-13\": there is no month 13 (01–12).")]
    [InlineData("2026-00", "\"2026-00\": there is no month 00 (01–12).")]
    [InlineData("2026-02-31", "\"2026-02-31\": there is no day 31 in February 2026 (01–28).")]
    [InlineData("2026-12-15..2026-12-01", "\"2026-12-15..2026-12-01\": the range ends (2026-12-01) before it starts (2026-12-15).")]
    [InlineData("2026-12-01..2026-13-01", "\"2026-13-01\": there is no month 13 (01–12).")]
    [InlineData("2026-12..2027-01", "\"2026-12..2027-01\": a range is two days, as 2026-12-01..2026-12-15.")]
    [InlineData("0000", "\"0000\": the year must be from 2000 to 2999.")]
    [InlineData("abc", "\"abc\" is not a period: give a year (2026), a month (2026-12), a day (2026-12-05) or days (2026-12-01..2026-12-15).")]
    public async Task BadPeriod_SaysWhatIsWrongWithIt_ShowsTheExportUsage_ExitsTwo(string period, string problem)
    {
        var (exit, errors) = await RunAsync("export", "audit", period, Path.Combine(dir, "x.csv"));

        Assert.Equal(2, exit);
        Assert.Equal(["export audit: " + problem, "usage: dotnet run --project Bot -- export audit 2026-12|2026|2026-12-05|2026-12-01..2026-12-15 FILE.csv|FILE.xlsx"], Lines(errors));
        Assert.False(File.Exists(Path.Combine(dir, "x.csv")));
    }

    [Fact]
    public async Task FolderThatDoesNotExist_SaysSo_ExitsTwo_InsteadOfCrashing()
    {
        var file = Path.Combine(dir, "yok", "denetim.csv");

        var (exit, errors) = await RunAsync("export", "audit", "2026-12", file);

        Assert.Equal(2, exit);
        Assert.Equal($"export audit: {file}: the folder {Path.Combine(dir, "yok")} does not exist.", Lines(errors)[0]);
        Assert.StartsWith("usage: dotnet run --project Bot -- export audit ", Lines(errors)[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("denetim.pdf", "the file must end in .csv or .xlsx, not .pdf.")]
    [InlineData("denetim", "the file must end in .csv or .xlsx.")]
    [InlineData("denetim.xls", "the file must end in .csv or .xlsx, not .xls.")]
    public async Task OtherExtension_IsRefused_NothingWritten(string name, string problem)
    {
        var file = Path.Combine(dir, name);

        var (exit, errors) = await RunAsync("export", "audit", "2026-12", file);

        Assert.Equal(2, exit);
        Assert.Equal($"export audit: {file}: {problem}", Lines(errors)[0]);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task FileThatCannotBeWritten_SaysSo_ExitsOne()
    {
        var file = Path.Combine(dir, "klasor.csv");
        Directory.CreateDirectory(file); // a folder where the file should go

        var (exit, errors) = await RunAsync("export", "audit", "2026-12", file);

        Assert.Equal(1, exit);
        Assert.StartsWith($"export audit: cannot write {file}: ", Lines(errors)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownWhat_OrMissingArguments_ShowTheExportUsage()
    {
        var (exit, errors) = await RunAsync("export", "biletler", "2026-12", Path.Combine(dir, "x.csv"));
        Assert.Equal(2, exit);
        Assert.Equal("export audit: \"biletler\" cannot be exported; the audit trail is \"audit\" (or \"denetim\").", Lines(errors)[0]);

        (exit, errors) = await RunAsync("export", "audit", "2026-12");
        Assert.Equal(2, exit);
        Assert.Equal(["export audit: give what (audit), the period and the file.", "usage: dotnet run --project Bot -- export audit 2026-12|2026|2026-12-05|2026-12-01..2026-12-15 FILE.csv|FILE.xlsx"], Lines(errors));
    }

    [Theory]
    [InlineData("denetim.csv")]
    [InlineData("DENETIM.XLSX")]
    public async Task GoodPeriodAndFile_WritesIt_ExitsZero(string name)
    {
        var file = Path.Combine(dir, name);
        var output = new StringWriter();

        var (exit, errors) = await RunAsync(output, "export", "denetim", "2026-12-05", file);

        Assert.Equal(0, exit);
        Assert.Empty(errors);
        Assert.Equal($"audit: 0 records from 2026-12-05 to 2026-12-05 written to {file}", Lines(output.ToString())[0]);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(name.EndsWith(".csv", StringComparison.Ordinal) ? [0xEF, 0xBB, 0xBF] : "PK"u8.ToArray(), bytes[..(name.EndsWith(".csv", StringComparison.Ordinal) ? 3 : 2)]);
    }

    [Theory]
    [InlineData("2026", "2025-12-31T21:00:00+00:00", "2026-12-31T21:00:00+00:00")]
    [InlineData("2026-12", "2026-11-30T21:00:00+00:00", "2026-12-31T21:00:00+00:00")]
    [InlineData("2026-12-05", "2026-12-04T21:00:00+00:00", "2026-12-05T21:00:00+00:00")]
    [InlineData("2026-12-01..2026-12-15", "2026-11-30T21:00:00+00:00", "2026-12-15T21:00:00+00:00")]
    [InlineData("2024-02-29..2024-02-29", "2024-02-28T21:00:00+00:00", "2024-02-29T21:00:00+00:00")]
    public void Period_IsIstanbulDays_AsUtcHalfOpen(string text, string from, string to)
    {
        var period = CommandLine.Period(text, out var problem);

        Assert.Null(problem);
        Assert.Equal((DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), period);
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private Task<(int? Exit, string Errors)> RunAsync(params string[] args) => RunAsync(new StringWriter(), args);

    private async Task<(int? Exit, string Errors)> RunAsync(StringWriter output, params string[] args)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={Path.Combine(dir, "helpdesk.db")}" });
        builder.Services.AddInfrastructure(builder.Configuration);
        await using var app = builder.Build();
        var errors = new StringWriter();
        var exit = await CommandLine.TryRunAsync(app, args, output, errors);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (exit, errors.ToString());
    }
}
