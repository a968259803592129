using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Tests.Support;

namespace HelpdeskBot.Tests.Host;

/// <summary>
/// A directorate expenditure through POST /api/messages: Emre (IT) writes it in his chat, İsmail approves it as the
/// spending authority, Emre takes it through price research, order (at the contracted price), delivery, inspection and
/// acceptance, payment order and payment. The budget line's committed and spent amounts are read from the database
/// file after every step.
/// </summary>
public sealed class ExpenditureFlowTests : IAsyncLifetime
{
    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync();

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await host.Connector.DisposeAsync();
    }

    [Fact]
    public async Task Expenditure_ApprovedThenTakenToPayment_BudgetLineFollowsEveryStep()
    {
        var year = Istanbul.Year(DateTimeOffset.UtcNow);
        var lineId = host.Scalar($"SELECT Id FROM BudgetLines WHERE Year = {year} AND EconomicCode = '03.2'");
        Assert.Equal((250_000m, 0m, 0m), Line(lineId));

        await SayAsync(Teams.Emre, "harcama talebi");
        await SayAsync(Teams.Emre, "10 toner CF259A 1.250,50\n2 adet SSD 500 GB × 2.100 TL");
        await SayAsync(Teams.Emre, null, new JsonObject { ["step"] = "BudgetLine", ["choice"] = lineId.ToString(CultureInfo.InvariantCulture) });
        await SayAsync(Teams.Emre, "Yazıcıların toneri bitti, iki bilgisayarın diski arızalı");
        await SayAsync(Teams.Emre, "normal");
        var summary = host.Connector.Calls.Last(c => c.CardText.Contains("Talep özeti", StringComparison.Ordinal));
        Assert.Contains("16.705,00 TL", summary.CardText, StringComparison.Ordinal); // 10 × 1.250,50 + 2 × 2.100
        Assert.Contains("Kalan ödenek: 250.000,00 TL", summary.CardText, StringComparison.Ordinal);
        await SayAsync(Teams.Emre, "gönder");

        var filed = host.Connector.Calls.Last(c => c.Text?.Contains("Harcama talebi alındı", StringComparison.Ordinal) == true).Text!;
        var number = System.Text.RegularExpressions.Regex.Match(filed, $@"HT-{year}-\d{{4}}").Value;
        var id = host.Scalar($"SELECT Id FROM ApprovalRequests WHERE Number = '{number}' AND Status = 'AwaitingApproval'");
        Assert.True(id > 0, filed);
        Assert.Equal((250_000m, 0m, 0m), Line(lineId)); // nothing is committed before the spending authority approves

        // İsmail, the spending authority, approves in his chat: the amount is committed on the line.
        var approved = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Ismail, "request.approve",
            new JsonObject { ["requestId"] = id, ["step"] = 1, ["comment"] = "Uygundur" }, inChannel: false));
        Assert.Contains("\"text\":\"onayladı (", Json(approved), StringComparison.Ordinal); // "1. İsmail Işık (Harcama yetkilisi): onayladı (…)"
        Assert.Equal((250_000m, 16_705m, 0m), Line(lineId));

        // Emre records each stage from the channel card; the order is placed at the contracted price (less than estimated).
        (string To, string? Amount, decimal Committed, decimal Spent)[] stages =
        [
            ("PriceResearch", null, 16_705m, 0m),
            ("Ordered", "15.980,00", 15_980m, 0m),
            ("Delivered", null, 15_980m, 0m),
            ("Accepted", null, 15_980m, 0m),
            ("PaymentOrdered", null, 15_980m, 0m),
            ("Paid", null, 0m, 15_980m),
        ];
        foreach (var (to, amount, committed, spent) in stages)
        {
            var data = new JsonObject { ["requestId"] = id, ["to"] = to, ["note"] = "aşama " + to };
            if (amount is not null)
            {
                data["amount"] = amount;
            }

            var response = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "request.advance", data, inChannel: true));
            Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
            Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM ApprovalRequests WHERE Id = {id} AND Status = '{to}'"));
            Assert.Equal((250_000m, committed, spent), Line(lineId));
        }

        Assert.Contains("Ödendi", Json(await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "request.refresh",
            new JsonObject { ["requestId"] = id }, inChannel: true))), StringComparison.Ordinal);
        Assert.Equal(6, host.Scalar($"SELECT COUNT(*) FROM DecisionRecords WHERE RequestId = {id} AND Kind = 'StageAdvanced'"));

        // A stage pressed again (an old copy of the card) changes nothing and spends nothing twice.
        await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "request.advance", new JsonObject { ["requestId"] = id, ["to"] = "Paid" }, inChannel: true));
        Assert.Equal((250_000m, 0m, 15_980m), Line(lineId));
    }

    [Fact]
    public async Task Expenditure_SecondApprovalWouldOverdrawTheLine_RefusedWithTheFigures_NothingCommitted()
    {
        var year = Istanbul.Year(DateTimeOffset.UtcNow);
        var lineId = host.Scalar($"SELECT Id FROM BudgetLines WHERE Year = {year} AND EconomicCode = '03.7'"); // 150.000 TL
        var first = await FileAsync(lineId, "1 klima bakımı 100.000");
        var second = await FileAsync(lineId, "1 jeneratör bakımı 80.000"); // each fits alone; not both

        await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Ismail, "request.approve", new JsonObject { ["requestId"] = first, ["step"] = 1 }, inChannel: false));
        var refused = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Ismail, "request.approve", new JsonObject { ["requestId"] = second, ["step"] = 1 }, inChannel: false));

        Assert.Equal("application/vnd.microsoft.activity.message", refused["type"]!.GetValue<string>());
        Assert.Equal(
            "Bütçe yetmiyor; işleminiz kaydedilmedi, talep olduğu gibi duruyor. 03.7 Menkul mal, gayrimaddi hak alım, bakım ve onarım giderleri: ödenek 150.000,00 TL, taahhüt 100.000,00 TL, harcanan 0,00 TL, kalan 50.000,00 TL; gereken 80.000,00 TL.",
            refused["value"]!.GetValue<string>());
        Assert.Equal((150_000m, 100_000m, 0m), Line(lineId));
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM ApprovalRequests WHERE Id = {second} AND Status = 'AwaitingApproval'"));
        Assert.Equal(0, host.Scalar($"SELECT COUNT(*) FROM DecisionRecords WHERE RequestId = {second} AND Kind = 'Approved'"));
    }

    private async Task<long> FileAsync(long lineId, string items)
    {
        await SayAsync(Teams.Emre, "harcama talebi");
        await SayAsync(Teams.Emre, items);
        await SayAsync(Teams.Emre, null, new JsonObject { ["step"] = "BudgetLine", ["choice"] = lineId.ToString(CultureInfo.InvariantCulture) });
        await SayAsync(Teams.Emre, "Yıllık bakım sözleşmesi sona erdi");
        await SayAsync(Teams.Emre, "normal");
        await SayAsync(Teams.Emre, "gönder");
        return host.Scalar("SELECT MAX(Id) FROM ApprovalRequests");
    }

    private async Task SayAsync(TestUser user, string? text, JsonObject? value = null) =>
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, user, text, value))).StatusCode);

    /// <summary>The line's appropriation, committed and spent, read from the database file (SQLite keeps decimals as text).</summary>
    private (decimal Appropriation, decimal Committed, decimal Spent) Line(long id) =>
        host.Query($"SELECT Appropriation, Committed, Spent FROM BudgetLines WHERE Id = {id}", r =>
        {
            Assert.True(r.Read());
            decimal D(int i) => decimal.Parse(r.GetString(i), CultureInfo.InvariantCulture);
            return (D(0), D(1), D(2));
        });

    private static string Json(JsonNode node) => node.ToJsonString(Unescaped);
}
