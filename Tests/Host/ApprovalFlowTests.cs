using System.Net;
using System.Text.Json.Nodes;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Host;

/// <summary>
/// A change request end to end through POST /api/messages, each person with their own Teams activities: Ayşe asks,
/// Emre assesses in the IT channel, Mehmet (unit manager) and İsmail (IT director) approve on their 1:1 cards, Emre
/// delivers, and the new computer is entrusted to Ayşe while the old one is marked for scrap.
/// </summary>
public sealed class ApprovalFlowTests : IAsyncLifetime
{
    private static readonly string Year = Istanbul.Year(DateTimeOffset.UtcNow).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Outbox:NoChannelRetry"] = "00:00:00.200" });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await host.Connector.DisposeAsync();
    }

    [Fact]
    public async Task ChangeRequest_ThroughUnitManagerAndItDirector_DeliveredWithZimmet()
    {
        await host.PostAsync(Teams.ChannelMessage(host.ServiceUrl, Teams.Emre, "bt kanalı yap"));
        await InstallAsync(Teams.Mehmet);

        var number = await FileReplacementAsync(Teams.Ayse);
        var id = host.Scalar($"SELECT Id FROM ApprovalRequests WHERE Number = '{number}' AND Status = 'AwaitingAssessment'");
        Assert.True(id > 0);
        var channelPost = await host.Connector.WaitForAsync(c => c.ConversationId == Teams.ChannelId && c.Method == "POST" && c.CardText.Contains(number, StringComparison.Ordinal),
            because: "the assessment card in the IT channel");
        Assert.Contains("Değerlendir", channelPost.CardText, StringComparison.Ordinal);

        // Emre: available from stock. The chain starts at the unit manager.
        var assessed = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "request.assess",
            new JsonObject { ["requestId"] = id, ["assessment"] = "FromStock", ["note"] = "Depoda 3 adet var" }, inChannel: true));
        Assert.Contains("Onay bekliyor", Json(assessed), StringComparison.Ordinal);
        var mehmetCard = await host.Connector.WaitForAsync(c => c.ConversationId == Teams.PersonalConversation(Teams.Mehmet) && c.Method == "POST" && c.CardText.Contains(number, StringComparison.Ordinal),
            because: "the unit manager's 1:1 approval card");
        Assert.Contains("Onayla", mehmetCard.CardText, StringComparison.Ordinal);
        Assert.Contains("Reddet", mehmetCard.CardText, StringComparison.Ordinal);
        Assert.Contains("29:1" + Teams.Mehmet.AadId, mehmetCard.Card!["refresh"]!.ToJsonString(), StringComparison.Ordinal);

        var approved = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Mehmet, "request.approve",
            new JsonObject { ["requestId"] = id, ["step"] = 1, ["comment"] = "Uygundur" }, inChannel: false));
        Assert.Contains("\"text\":\"onayladı (", Json(approved), StringComparison.Ordinal); // "1. Mehmet Demir (Birim müdürü): onayladı (…)"
        Assert.DoesNotContain("\"Onayla\"", Json(approved), StringComparison.Ordinal); // his decision is made: no buttons any more

        // İsmail never chatted with the bot: his card waits until Teams tells the bot about his chat (the app installed for him).
        await Task.Delay(500);
        Assert.DoesNotContain(host.Connector.Calls, c => c.ConversationId == Teams.PersonalConversation(Teams.Ismail));
        await InstallAsync(Teams.Ismail);
        var ismailCard = await host.Connector.WaitForAsync(c => c.ConversationId == Teams.PersonalConversation(Teams.Ismail) && c.CardText.Contains(number, StringComparison.Ordinal),
            because: "the IT director's card, once he can be written to");
        Assert.Contains("Onayla", ismailCard.CardText, StringComparison.Ordinal);
        await host.Connector.WaitForAsync(c => c.ConversationId == Teams.PersonalConversation(Teams.Ayse) && c.Text?.Contains($"Mehmet Demir, {number} talebinizi onayladı", StringComparison.Ordinal) == true,
            because: "the requester's notice of the first approval");

        var final = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Ismail, "request.approve",
            new JsonObject { ["requestId"] = id, ["step"] = 2 }, inChannel: false));
        Assert.Contains("Onaylandı", Json(final), StringComparison.Ordinal);
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM ApprovalRequests WHERE Id = {id} AND Status = 'Approved'"));

        // Emre delivers from the channel card: the new computer is entrusted to Ayşe, the old one goes to scrap.
        var ayseId = host.Scalar($"SELECT Id FROM People WHERE AadObjectId = '{Teams.Ayse.AadId}'");
        var delivered = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "request.deliver",
            new JsonObject { ["requestId"] = id, ["tags"] = "PC-0100", ["model"] = "Dell OptiPlex 7020", ["holder"] = ayseId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["fate"] = "Scrap", ["slip"] = "TİF-2026-118" },
            inChannel: true));
        Assert.Contains("Teslim edildi", Json(delivered), StringComparison.Ordinal);
        Assert.Contains("PC-0100 · Dell OptiPlex 7020 → Ayşe Yılmaz", Json(delivered), StringComparison.Ordinal);
        Assert.Contains("PC-0001 · Dell OptiPlex 7010 → hurdaya ayrıldı", Json(delivered), StringComparison.Ordinal);
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM Assets WHERE Tag = 'PC-0100' AND EntrustedToId = {ayseId} AND State = 'InUse' AND SourceRequestId = {id}"));
        Assert.Equal(1, host.Scalar("SELECT COUNT(*) FROM Assets WHERE Tag = 'PC-0001' AND EntrustedToId IS NULL AND State = 'Scrap'"));
        await host.Connector.WaitForAsync(c => c.ConversationId == Teams.PersonalConversation(Teams.Ayse) && c.Text?.Contains("Taşınır işlem fişi: TİF-2026-118", StringComparison.Ordinal) == true,
            because: "Ayşe's delivery notice names the slip");
        Assert.Equal(
            "Submitted,Assessed,Approved,Approved,Delivered",
            host.Query($"SELECT Kind FROM DecisionRecords WHERE RequestId = {id} ORDER BY Id", r =>
            {
                var kinds = new List<string>();
                while (r.Read())
                {
                    kinds.Add(r.GetString(0));
                }

                return string.Join(",", kinds);
            }));

        var update = await host.Connector.WaitForAsync(c => c.Method == "PUT" && c.ConversationId == Teams.ChannelId && c.CardText.Contains("Teslim edildi", StringComparison.Ordinal),
            because: "the channel card updated in place");
        Assert.Equal(channelPost.ResponseId, update.ActivityId);
        await host.Connector.WaitForAsync(c => c.Method == "PUT" && c.ConversationId == Teams.PersonalConversation(Teams.Mehmet) && c.CardText.Contains("Teslim edildi", StringComparison.Ordinal),
            because: "the unit manager's copy updated too");

        await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, Teams.Ayse, "zimmetim"));
        await host.Connector.WaitForAsync(c => c.Text?.Contains("PC-0100 · Dell OptiPlex 7020", StringComparison.Ordinal) == true, because: "the person's assets");
    }

    [Fact]
    public async Task SameInvokeTwice_OneDecisionAndOneNotice()
    {
        await InstallAsync(Teams.Mehmet);
        var id = await RequestAtUnitManagerAsync();
        var press = Teams.CardAction(host.ServiceUrl, Teams.Mehmet, "request.approve", new JsonObject { ["requestId"] = id, ["step"] = 1 }, inChannel: false);

        var first = await host.InvokeAsync(press);
        var retry = await host.InvokeAsync(press); // Teams re-sends the same activity after a slow answer

        Assert.Equal(Json(first["value"]!), Json(retry["value"]!));
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM DecisionRecords WHERE RequestId = {id} AND Kind = 'Approved'"));
        await host.WaitForOutboxAsync(Teams.Ayse);
        Assert.Single(host.Connector.Calls, c => c.ConversationId == Teams.PersonalConversation(Teams.Ayse) && c.Text?.Contains("talebinizi onayladı", StringComparison.Ordinal) == true);

        // A second press (a new activity) on the stale card shows the decision and changes nothing.
        var stale = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Mehmet, "request.reject", new JsonObject { ["requestId"] = id, ["step"] = 1, ["comment"] = "vazgeçtim" }, inChannel: false));
        Assert.Contains("karar verilmişti", Json(stale), StringComparison.Ordinal);
        Assert.Equal(0, host.Scalar($"SELECT COUNT(*) FROM DecisionRecords WHERE RequestId = {id} AND Kind = 'Rejected'"));
    }

    [Fact]
    public async Task ApproverAndSubstitute_PressAtTheSameMoment_OneOutcome()
    {
        await InstallAsync(Teams.Mehmet);
        var id = await RequestAtUnitManagerAsync();
        await AddSubstituteAsync(Teams.Mehmet, Teams.Deniz, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(5));

        var results = await Task.WhenAll(
            host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Mehmet, "request.approve", new JsonObject { ["requestId"] = id, ["step"] = 1 }, inChannel: false)),
            host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Deniz, "request.reject", new JsonObject { ["requestId"] = id, ["step"] = 1, ["comment"] = "Bütçe yok" }, inChannel: false)));

        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM DecisionRecords WHERE RequestId = {id} AND Kind IN ('Approved', 'Rejected')"));
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM ApprovalSteps WHERE RequestId = {id} AND \"Order\" = 1 AND State IN ('Approved', 'Rejected')"));
        // The one who lost sees the decision (Deniz reads English).
        Assert.Contains(results, r => Json(r).Contains("karar verilmişti", StringComparison.Ordinal) || Json(r).Contains("decided before your press", StringComparison.Ordinal));
        await host.WaitForOutboxAsync(Teams.Ayse);
        Assert.Single(host.Connector.Calls, c => c.ConversationId == Teams.PersonalConversation(Teams.Ayse)
            && (c.Text?.Contains("talebinizi onayladı", StringComparison.Ordinal) == true || c.Text?.Contains("talebinizi reddetti", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task HeldNotices_ArriveInOrder_WithTheStatusOfTheirMoment()
    {
        await InstallAsync(Teams.Mehmet);
        await InstallAsync(Teams.Ismail);
        var id = await RequestAtUnitManagerAsync();
        await host.WaitForOutboxAsync(Teams.Ayse); // what was already on its way to her has arrived
        host.Connector.FailNext(Teams.PersonalConversation(Teams.Ayse), 502, count: 2); // Ayşe's chat is down for a moment

        await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Mehmet, "request.approve", new JsonObject { ["requestId"] = id, ["step"] = 1 }, inChannel: false));
        await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Ismail, "request.approve", new JsonObject { ["requestId"] = id, ["step"] = 2 }, inChannel: false));

        var second = await host.Connector.WaitForAsync(c => c.ConversationId == Teams.PersonalConversation(Teams.Ayse) && c.Text?.Contains("İsmail Işık", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(20), "the second approval's notice");
        var first = host.Connector.Calls.Single(c => c.ConversationId == Teams.PersonalConversation(Teams.Ayse) && c.Text?.Contains("Mehmet Demir", StringComparison.Ordinal) == true);
        Assert.Contains("Durum: Onay bekliyor", first.Text, StringComparison.Ordinal); // not "Onaylandı", though sent after the final approval
        Assert.Contains("Durum: Onaylandı", second.Text, StringComparison.Ordinal);
        var calls = host.Connector.Calls.ToList();
        Assert.True(calls.IndexOf(first) < calls.IndexOf(second), "the notices arrived out of order");
    }

    [Fact]
    public async Task ChannelPress_WithEmptyInputs_GetsValidationCardAndNothingChanges()
    {
        var number = await FileReplacementAsync(Teams.Ayse);
        var id = host.Scalar($"SELECT Id FROM ApprovalRequests WHERE Number = '{number}'");

        var response = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "request.assess",
            new JsonObject { ["requestId"] = id, ["assessment"] = "", ["cost"] = "" }, inChannel: true));

        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        Assert.Contains("Lütfen bir değerlendirme seçin", Json(response), StringComparison.Ordinal);
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM ApprovalRequests WHERE Id = {id} AND Status = 'AwaitingAssessment'"));
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM DecisionRecords WHERE RequestId = {id}"));
    }

    [Fact]
    public async Task Deliveries_SameTagInAnyCase_AtTheSameMoment_OneAssetAndAClearAnswerToTheOther()
    {
        await InstallAsync(Teams.Mehmet);
        await InstallAsync(Teams.Ismail);
        var ids = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            var id = await RequestAtUnitManagerAsync();
            await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Mehmet, "request.approve", new JsonObject { ["requestId"] = id, ["step"] = 1 }, inChannel: false));
            await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Ismail, "request.approve", new JsonObject { ["requestId"] = id, ["step"] = 2 }, inChannel: false));
            ids.Add(id);
        }

        var ayse = host.Scalar($"SELECT Id FROM People WHERE AadObjectId = '{Teams.Ayse.AadId}'");
        JsonObject Delivery(long id, string tag) => new() { ["requestId"] = id, ["tags"] = tag, ["model"] = "Dell OptiPlex 7020", ["holder"] = ayse.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var answers = await Task.WhenAll(
            host.PostAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "request.deliver", Delivery(ids[0], "PC-0200"), inChannel: true)),
            host.PostAsync(Teams.CardAction(host.ServiceUrl, Teams.Zeynep, "request.deliver", Delivery(ids[1], "pc-0200"), inChannel: true)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.Single(bodies, b => b.Contains("PC-0200 demirbaş numarası zaten kayıtlı", StringComparison.Ordinal));
        Assert.Equal(1, host.Scalar("SELECT COUNT(*) FROM Assets WHERE upper(Tag) = 'PC-0200'"));
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM ApprovalRequests WHERE Id IN ({ids[0]}, {ids[1]}) AND Status = 'Delivered'"));

        // A delivery of more tags than the request has items is refused, and nothing is created.
        var tooMany = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "request.deliver",
            Delivery(ids[0] + ids[1] - host.Scalar($"SELECT Id FROM ApprovalRequests WHERE Id IN ({ids[0]}, {ids[1]}) AND Status = 'Delivered'"), "PC-0301 PC-0302"), inChannel: true));
        Assert.Contains("2 demirbaş numarası yazıldı, ama talepte toplam 1 kalem var", Json(tooMany), StringComparison.Ordinal);
        Assert.Equal(0, host.Scalar("SELECT COUNT(*) FROM Assets WHERE Tag IN ('PC-0301', 'PC-0302')"));
    }

    private async Task<long> RequestAtUnitManagerAsync()
    {
        var number = await FileReplacementAsync(Teams.Ayse);
        var id = host.Scalar($"SELECT Id FROM ApprovalRequests WHERE Number = '{number}'");
        await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "request.assess", new JsonObject { ["requestId"] = id, ["assessment"] = "FromStock" }, inChannel: true));
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM ApprovalRequests WHERE Id = {id} AND Status = 'AwaitingApproval'"));
        return id;
    }

    private async Task AddSubstituteAsync(TestUser principal, TestUser substitute, DateTimeOffset from, DateTimeOffset to)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IDirectory>();
        var p = await directory.FindByAadIdAsync(principal.AadId);
        var s = await directory.FindByAadIdAsync(substitute.AadId);
        scope.ServiceProvider.GetRequiredService<IApprovalRepository>().Add(new Substitution(p!.Id, s!.Id,
            DateOnly.FromDateTime(Istanbul.ToLocal(from).DateTime), DateOnly.FromDateTime(Istanbul.ToLocal(to).DateTime), p.Id, DateTimeOffset.UtcNow));
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
    }

    /// <summary>The person's chat with the bot appears (the app was installed for them).</summary>
    private async Task InstallAsync(TestUser user)
    {
        var update = Teams.PersonalMessage(host.ServiceUrl, user, null);
        update["type"] = "conversationUpdate";
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Teams.BotId });
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(update)).StatusCode);
    }

    /// <summary>Ayşe's replacement request, typed in Turkish; returns the number the bot announced.</summary>
    private async Task<string> FileReplacementAsync(TestUser user)
    {
        async Task Say(string text) => Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, user, text))).StatusCode);

        await Say("değişim talebi");
        await Say("değişim");
        await Say("1 masaüstü bilgisayar i5 16 GB");
        await Say("Bilgisayarım 9 yaşında, e-imza uygulaması çalışmıyor");
        await Say("PC-0001");
        await Say("normal");
        await Say("gönder");
        var filed = host.Connector.Calls.Last(c => c.Text?.Contains("Değişim talebiniz alındı", StringComparison.Ordinal) == true);
        var match = System.Text.RegularExpressions.Regex.Match(filed.Text!, $@"DT-{Year}-\d{{4}}");
        Assert.True(match.Success, filed.Text);
        return match.Value;
    }

    private static string Json(JsonNode node) => node.ToJsonString(Unescaped);
}
