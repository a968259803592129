using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Infrastructure.Audit;

/// <summary>
/// One audit record as exported: names resolved, time in Istanbul. <paramref name="Amount"/> and <paramref name="BudgetLine"/>
/// are the request's (as it stands now, the same on each of its rows): the total of an expenditure, the estimate of a change
/// request assessed as a purchase; the budget line as "economic code name".
/// </summary>
public sealed record AuditRow(DateTimeOffset At, string RequestNumber, RequestType Type, int? Step, DecisionKind Decision, string Actor, string? OnBehalfOf, string? Comment, string? Detail,
    decimal? Amount, string? BudgetLine);

/// <summary>
/// Exports the decisions of a period (who, on whose behalf, when, what, the comment, the amount and budget line) as CSV
/// (UTF-8 with BOM, semicolons, decimal comma, as Turkish Excel opens it) or .xlsx (the amount a number cell). Values are
/// in Turkish like the headers; the last two columns keep the stored codes (decision, detail) for tools that filter on them.
/// Cells that a spreadsheet would run as a formula are written as text.
/// </summary>
public sealed class AuditExport(IApprovalRepository approvals, IDirectory directory)
{
    private const int AmountColumn = 9;

    private static readonly string[] Header =
        ["Zaman (İstanbul)", "Talep no", "Tür", "Adım", "Karar", "Kim", "Kimin adına", "Açıklama", "Ayrıntı", "Tutar (TL, KDV hariç)", "Bütçe kalemi", "Karar kodu", "Ayrıntı kodu"];

    /// <summary>Decimal comma and no grouping: Turkish Excel reads "1250,50" as a number, and so do tools told the separator.</summary>
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    public async Task<IReadOnlyList<AuditRow>> RowsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var records = await approvals.DecisionsBetweenAsync(from, to, ct);
        var people = (await directory.FindManyAsync(records.SelectMany(r => new[] { (int?)r.ActorId, r.OnBehalfOfId }).OfType<int>(), ct)).ToDictionary(p => p.Id, p => p.DisplayName);
        string Name(int id) => people.GetValueOrDefault(id) ?? "#" + id;
        var lines = new Dictionary<int, string>();
        foreach (var id in records.Select(r => r.Request?.BudgetLineId).OfType<int>().Distinct())
        {
            lines[id] = (await approvals.FindBudgetLineAsync(id, ct))?.Label ?? "#" + id;
        }

        return records.Select(r => new AuditRow(r.At, r.Request?.Number ?? "#" + r.RequestId, r.Request?.Type ?? RequestType.Change, r.StepOrder, r.Kind, Name(r.ActorId),
            r.OnBehalfOfId is { } o ? Name(o) : null, r.Comment, r.Detail,
            r.Request is { IsPurchase: true } q ? q.Total : null,
            r.Request?.BudgetLineId is { } line ? lines[line] : null)).ToList();
    }

    public static async Task WriteCsvAsync(IReadOnlyList<AuditRow> rows, Stream stream, CancellationToken ct = default)
    {
        // CRLF whatever the server's OS (RFC 4180, as Excel writes CSV): the same export from a Windows or a Linux host.
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(';', Header.Select(Csv)));
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(string.Join(';', Cells(row).Select(Csv)));
        }
    }

    public static void WriteXlsx(IReadOnlyList<AuditRow> rows, Stream stream)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("Denetim kaydı");
        for (var c = 0; c < Header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = Header[c];
        }

        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = Cells(rows[r]);
            for (var c = 0; c < cells.Length; c++)
            {
                if (c == AmountColumn && rows[r].Amount is { } amount)
                {
                    // A number Excel sums, shown in the reader's own grouping (1.250,50 in Turkish Excel).
                    sheet.Cell(r + 2, c + 1).SetValue(Kurus(amount)).Style.NumberFormat.Format = "#,##0.00";
                    continue;
                }

                // Set as text: nothing a person typed is ever read as a formula or a number.
                sheet.Cell(r + 2, c + 1).SetValue(cells[c] ?? string.Empty);
            }
        }

        sheet.SheetView.FreezeRows(1);
        // Fixed widths: measuring text (AdjustToContents) needs libgdiplus, which servers lack.
        double[] widths = [20, 14, 16, 6, 22, 24, 24, 50, 30, 16, 36, 14, 28];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        book.SaveAs(stream);
    }

    /// <summary>The decision in Turkish, as the cards name it.</summary>
    public static string DecisionText(DecisionKind kind) => Label<DecisionKind>("Decision_", kind.ToString());

    /// <summary>
    /// The stored detail in Turkish: the assessment, the stage reached, the capacities decided in (comma-separated codes).
    /// Other details (a delivery's tags and holder) are already words and shown as stored; so is a code no longer known.
    /// </summary>
    public static string? DetailText(DecisionKind kind, string? detail) => detail is null ? null : kind switch
    {
        DecisionKind.Assessed => Label<Assessment>("Assessment_", detail),
        DecisionKind.StageAdvanced => Label<RequestStatus>("RequestStatus_", detail),
        DecisionKind.Approved or DecisionKind.Rejected or DecisionKind.Skipped => string.Join(", ", detail.Split(',').Select(k => Label<ApproverKind>("Approver_", k))),
        _ => detail,
    };

    private static bool DetailIsCode(DecisionKind kind) =>
        kind is DecisionKind.Assessed or DecisionKind.StageAdvanced or DecisionKind.Approved or DecisionKind.Rejected or DecisionKind.Skipped;

    private static string Label<TEnum>(string prefix, string code)
        where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Contains(code, StringComparer.Ordinal) ? Label(prefix, code) : code;

    private static string Label(string prefix, string code) => Text.Get(prefix + code, Text.Turkish);

    private static decimal Kurus(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string?[] Cells(AuditRow r) =>
    [
        Istanbul.ToLocal(r.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        r.RequestNumber,
        Label<RequestType>("RequestType_", r.Type.ToString()),
        r.Step?.ToString(CultureInfo.InvariantCulture),
        DecisionText(r.Decision),
        r.Actor,
        r.OnBehalfOf,
        r.Comment,
        DetailText(r.Decision, r.Detail),
        r.Amount is { } amount ? Kurus(amount).ToString("0.00", DecimalComma) : null,
        r.BudgetLine,
        r.Decision.ToString(),
        DetailIsCode(r.Decision) ? r.Detail : null,
    ];

    private static string Csv(string? value)
    {
        var v = value ?? string.Empty;
        if (v.Length > 0 && "=+-@\t\r".Contains(v[0], StringComparison.Ordinal))
        {
            v = "'" + v; // CSV injection: a cell starting with these would run as a formula
        }

        return v.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
