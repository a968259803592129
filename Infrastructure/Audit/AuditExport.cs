using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Infrastructure.Audit;

/// <summary>One audit record as exported: names resolved, time in Istanbul.</summary>
public sealed record AuditRow(DateTimeOffset At, string RequestNumber, RequestType Type, int? Step, DecisionKind Decision, string Actor, string? OnBehalfOf, string? Comment, string? Detail);

/// <summary>
/// Exports the decisions of a period (who, on whose behalf, when, what, the comment) as CSV (UTF-8 with BOM, semicolons,
/// as Turkish Excel opens it) or .xlsx. Cells that a spreadsheet would run as a formula are written as text.
/// </summary>
public sealed class AuditExport(IApprovalRepository approvals, IDirectory directory)
{
    private static readonly string[] Header = ["Zaman (İstanbul)", "Talep no", "Tür", "Adım", "Karar", "Kim", "Kimin adına", "Açıklama", "Ayrıntı"];

    public async Task<IReadOnlyList<AuditRow>> RowsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var records = await approvals.DecisionsBetweenAsync(from, to, ct);
        var people = (await directory.FindManyAsync(records.SelectMany(r => new[] { (int?)r.ActorId, r.OnBehalfOfId }).OfType<int>(), ct)).ToDictionary(p => p.Id, p => p.DisplayName);
        string Name(int id) => people.GetValueOrDefault(id) ?? "#" + id;
        return records.Select(r => new AuditRow(r.At, r.Request?.Number ?? "#" + r.RequestId, r.Request?.Type ?? RequestType.Change, r.StepOrder, r.Kind, Name(r.ActorId),
            r.OnBehalfOfId is { } o ? Name(o) : null, r.Comment, r.Detail)).ToList();
    }

    public static async Task WriteCsvAsync(IReadOnlyList<AuditRow> rows, Stream stream, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
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
                // Set as text: nothing a person typed is ever read as a formula or a number.
                sheet.Cell(r + 2, c + 1).SetValue(cells[c] ?? string.Empty);
            }
        }

        sheet.SheetView.FreezeRows(1);
        // Fixed widths: measuring text (AdjustToContents) needs libgdiplus, which servers lack.
        double[] widths = [20, 14, 16, 6, 14, 24, 24, 50, 30];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        book.SaveAs(stream);
    }

    private static string?[] Cells(AuditRow r) =>
    [
        Istanbul.ToLocal(r.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        r.RequestNumber,
        r.Type == RequestType.Change ? "Değişim talebi" : "Harcama talebi",
        r.Step?.ToString(CultureInfo.InvariantCulture),
        r.Decision.ToString(),
        r.Actor,
        r.OnBehalfOf,
        r.Comment,
        r.Detail,
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
