using System.Net;
using System.Text.Json.Nodes;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Tests.Support;

namespace HelpdeskBot.Tests.Host;

/// <summary>
/// The real host through POST /api/messages with Teams-shaped activities, on a SQLite file, with a local connector
/// that records what the bot sent.
/// </summary>
public sealed class ApiMessagesTests : IAsyncLifetime
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
    public async Task PrinterFault_TurkishConversation_TicketInDatabaseAndCardInItChannel()
    {
        var added = await host.PostAsync(Teams.BotAddedToTeam(host.ServiceUrl, Teams.Emre));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var offer = await host.Connector.WaitForAsync(c => c.ConversationId == Teams.TeamId, because: "the IT channel offer");
        Assert.Contains("Bilgi İşlem kanalı yap", offer.CardText, StringComparison.Ordinal);

        await host.PostAsync(Teams.ChannelMessage(host.ServiceUrl, Teams.Emre, "bt kanalı yap"));
        await host.Connector.WaitForAsync(c => c.Text?.Contains("artık Bilgi İşlem kanalı", StringComparison.Ordinal) == true, because: "the channel confirmation");
        await host.PostAsync(Teams.BotAddedToTeam(host.ServiceUrl, Teams.Zeynep)); // the app added again (the Playground does it on every visit)
        await host.WaitForOutboxAsync();
        Assert.Single(host.Connector.Calls, c => c.CardText.Contains("Bilgi İşlem kanalı yap", StringComparison.Ordinal)); // no second offer

        var number = await ReportPrinterFaultAsync(Teams.Ayse);

        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM Tickets WHERE Number = '{number}' AND Topic = 'Printer' AND Status = 'New'"));
        var card = await host.Connector.WaitForAsync(c => c.ConversationId == Teams.ChannelId && c.Method == "POST" && c.CardText.Contains(number, StringComparison.Ordinal),
            because: "the ticket card in the IT channel");
        Assert.Contains("Ayşe Yılmaz", card.CardText, StringComparison.Ordinal);
        Assert.Contains("Yazı İşleri Müdürlüğü", card.CardText, StringComparison.Ordinal);
        Assert.Contains("yazıcım kağıt sıkıştırıyor", card.CardText, StringComparison.Ordinal);
        Assert.Contains("Üstlen", card.CardText, StringComparison.Ordinal);
        Assert.Null(card.Activity["replyToId"]);
    }

    [Fact]
    public async Task TicketLifecycle_ClaimAndResolveFromChannel_CardUpdatedRequesterToldTonerRecorded()
    {
        await SetItChannelAsync();
        var number = await ReportPrinterFaultAsync(Teams.Ayse);
        var ticketId = host.Scalar($"SELECT Id FROM Tickets WHERE Number = '{number}'");
        var post = await host.Connector.WaitForAsync(c => c.ConversationId == Teams.ChannelId && c.CardText.Contains(number, StringComparison.Ordinal), because: "the channel post");

        var claimed = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "ticket.claim", new JsonObject { ["ticketId"] = ticketId }, inChannel: true));
        Assert.Equal(200, claimed["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", claimed["type"]!.GetValue<string>());
        Assert.Contains("Üstlenildi", claimed["value"]!.ToJsonString(Unescaped), StringComparison.Ordinal);

        var put = await host.Connector.WaitForAsync(c => c.Method == "PUT" && c.CardText.Contains("Üstlenildi", StringComparison.Ordinal), because: "the channel card updated in place");
        Assert.Equal(Teams.ChannelId, put.ConversationId);
        Assert.Equal(post.ResponseId, put.ActivityId); // the same message, not a new post
        await host.Connector.WaitForAsync(c => c.ConversationId == Teams.PersonalConversation(Teams.Ayse) && c.CardText.Contains("Emre Kaya talebi üstlendi", StringComparison.Ordinal),
            because: "the requester's claim notice");

        var resolved = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "ticket.resolve",
            new JsonObject { ["ticketId"] = ticketId, ["note"] = "Toner değiştirildi, sıkışan kağıt çıkarıldı.", ["cartridge"] = "CF259A" }, inChannel: true));
        Assert.Contains("Çözüldü", resolved["value"]!.ToJsonString(Unescaped), StringComparison.Ordinal);
        var notice = await host.Connector.WaitForAsync(c => c.ConversationId == Teams.PersonalConversation(Teams.Ayse) && c.CardText.Contains("Emre Kaya talebi çözdü", StringComparison.Ordinal),
            because: "the requester's resolution notice");
        Assert.Contains("Onayla ve puanla", notice.CardText, StringComparison.Ordinal);
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM ConsumableReplacements WHERE TicketId = {ticketId} AND CartridgeModel = 'CF259A'"));

        var confirmed = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Ayse, "ticket.confirm", new JsonObject { ["ticketId"] = ticketId, ["rating"] = "5" }, inChannel: false));
        Assert.Contains("Kapandı", confirmed["value"]!.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM Tickets WHERE Id = {ticketId} AND Status = 'Closed' AND Rating = 5"));
        Assert.True(host.Scalar($"SELECT COUNT(*) FROM TicketEvents WHERE TicketId = {ticketId}") >= 5);
    }

    [Fact]
    public async Task CardAction_PressedByStaff_RefusedOnServer()
    {
        await SetItChannelAsync();
        var number = await ReportPrinterFaultAsync(Teams.Ayse);
        var ticketId = host.Scalar($"SELECT Id FROM Tickets WHERE Number = '{number}'");

        var response = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Deniz, "ticket.claim", new JsonObject { ["ticketId"] = ticketId }, inChannel: true));

        Assert.Equal("application/vnd.microsoft.activity.message", response["type"]!.GetValue<string>());
        Assert.Contains("Only IT staff", response["value"]!.GetValue<string>(), StringComparison.Ordinal); // Deniz writes English
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM Tickets WHERE Id = {ticketId} AND Status = 'New' AND AssigneeId IS NULL"));
    }

    [Fact]
    public async Task Claim_TwoTechniciansAtOnce_OneWinsOtherIsToldWho()
    {
        await SetItChannelAsync();
        var number = await ReportPrinterFaultAsync(Teams.Ayse);
        var ticketId = host.Scalar($"SELECT Id FROM Tickets WHERE Number = '{number}'");

        var results = await Task.WhenAll(
            host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "ticket.claim", new JsonObject { ["ticketId"] = ticketId }, inChannel: true)),
            host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Zeynep, "ticket.claim", new JsonObject { ["ticketId"] = ticketId }, inChannel: true)));

        var winners = results.Count(r => r["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive");
        Assert.Equal(1, winners);
        var loser = results.Single(r => r["type"]!.GetValue<string>() != "application/vnd.microsoft.card.adaptive");
        Assert.Matches("Bu talebi (Emre Kaya|Zeynep Şahin) üstlendi", loser["value"]!.GetValue<string>());
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM TicketEvents WHERE TicketId = {ticketId} AND Kind = 'Claimed'"));
        await host.Connector.WaitForAsync(c => c.CardText.Contains("talebi üstlendi", StringComparison.Ordinal), because: "the claim notice");
        await host.WaitForOutboxAsync(Teams.Ayse);
        Assert.Single(host.Connector.To(Teams.PersonalConversation(Teams.Ayse)), c => c.CardText.Contains("talebi üstlendi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameActivityTwice_TeamsRetry_OneTicketOneReply()
    {
        await SetItChannelAsync();
        await ReportPrinterFaultAsync(Teams.Ayse, sendConfirm: false);
        var send = Teams.PersonalMessage(host.ServiceUrl, Teams.Ayse, null, new JsonObject { ["step"] = "Confirm", ["choice"] = "send" }, id: "1retry-same-id");

        var responses = await Task.WhenAll(host.PostAsync(send), host.PostAsync(send.DeepClone().AsObject()));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var again = await host.PostAsync(send.DeepClone().AsObject());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        Assert.Equal(1, host.Scalar("SELECT COUNT(*) FROM Tickets"));
        Assert.Single(host.Connector.Calls, c => c.Text?.Contains("Talebiniz alındı", StringComparison.Ordinal) == true);
        await host.WaitForOutboxAsync();
        Assert.Single(host.Connector.To(Teams.ChannelId), c => c.Method == "POST");
    }

    [Fact]
    public async Task ChannelUnreachable_TicketStillWorkable_PostedOnceReachable()
    {
        var number = await ReportPrinterFaultAsync(Teams.Ayse);
        var ticketId = host.Scalar($"SELECT Id FROM Tickets WHERE Number = '{number}'");

        // No IT channel yet: the ticket exists and can be claimed; its card waits in the outbox.
        var claimed = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "ticket.claim", new JsonObject { ["ticketId"] = ticketId }, inChannel: true));
        Assert.Contains("Üstlenildi", claimed["value"]!.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.True(host.Scalar("SELECT COUNT(*) FROM OutboxMessages WHERE Kind = 'TicketChannelCard' AND State = 'Pending'") >= 1);

        // The channel is set but answers 502 twice: the sender backs off and delivers.
        host.Connector.FailNext(Teams.ChannelId, 502, count: 2);
        await SetItChannelAsync();
        var card = await host.Connector.WaitForAsync(c => c.ConversationId == Teams.ChannelId && c.CardText.Contains(number, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the card after the channel recovered");
        Assert.Contains("Emre Kaya", card.CardText, StringComparison.Ordinal);
        Assert.Single(host.Connector.To(Teams.ChannelId), c => c.Method == "POST" && c.CardText.Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequesterBlockedBot_403_MarkedUnreachableNotRetried()
    {
        await SetItChannelAsync();
        var number = await ReportPrinterFaultAsync(Teams.Ayse);
        var ticketId = host.Scalar($"SELECT Id FROM Tickets WHERE Number = '{number}'");
        var personal = Teams.PersonalConversation(Teams.Ayse);
        host.Connector.FailNext(personal, 403, count: 5);

        await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "ticket.claim", new JsonObject { ["ticketId"] = ticketId }, inChannel: true));

        await Until(() => host.Scalar("SELECT COUNT(*) FROM OutboxMessages WHERE Kind = 'RequesterNotice' AND State = 'Unreachable'") == 1);
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM People WHERE AadObjectId = '{Teams.Ayse.AadId}' AND UnreachableSince IS NOT NULL"));
        Assert.Equal(0, host.Scalar("SELECT Attempts FROM OutboxMessages WHERE Kind = 'RequesterNotice'"));
    }

    [Fact]
    public async Task Throttled_429_RetryAfterHonoured_DeliveredOnce()
    {
        await SetItChannelAsync();
        var number = await ReportPrinterFaultAsync(Teams.Ayse);
        var ticketId = host.Scalar($"SELECT Id FROM Tickets WHERE Number = '{number}'");
        var personal = Teams.PersonalConversation(Teams.Ayse);
        host.Connector.FailNext(personal, 429, retryAfter: "2");
        var pressed = DateTime.UtcNow;

        await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, Teams.Emre, "ticket.claim", new JsonObject { ["ticketId"] = ticketId }, inChannel: true));

        await host.Connector.WaitForAsync(c => c.ConversationId == personal && c.CardText.Contains("üstlendi", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the notice after 429");
        Assert.True(DateTime.UtcNow - pressed >= TimeSpan.FromSeconds(1.9), "Retry-After: 2 must be honoured.");
        Assert.Equal(1, host.Scalar("SELECT Attempts FROM OutboxMessages WHERE Kind = 'RequesterNotice'"));
    }

    [Fact]
    public async Task RepeatedPress_ByStaff_StillRefusedAndShowsNothing()
    {
        await SetItChannelAsync();
        var number = await ReportPrinterFaultAsync(Teams.Ayse);
        var ticketId = host.Scalar($"SELECT Id FROM Tickets WHERE Number = '{number}'");
        var press = Teams.CardAction(host.ServiceUrl, Teams.Deniz, "ticket.claim", new JsonObject { ["ticketId"] = ticketId }, inChannel: true, id: "1same-press");

        var first = await host.InvokeAsync(press);
        var again = await host.InvokeAsync(press.DeepClone().AsObject());

        foreach (var r in new[] { first, again })
        {
            Assert.Equal("application/vnd.microsoft.activity.message", r["type"]!.GetValue<string>());
            Assert.DoesNotContain("Ayşe", r.ToJsonString(Unescaped), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReplyFails_AfterTicketFiled_ConfirmationDeliveredLaterNotLost()
    {
        await SetItChannelAsync();
        await ReportPrinterFaultAsync(Teams.Ayse, sendConfirm: false);
        var personal = Teams.PersonalConversation(Teams.Ayse);
        host.Connector.FailNext(personal, 502);

        var response = await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, Teams.Ayse, null, new JsonObject { ["step"] = "Confirm", ["choice"] = "send" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, host.Scalar("SELECT COUNT(*) FROM Tickets"));
        var filed = await host.Connector.WaitForAsync(c => c.ConversationId == personal && c.Text?.Contains("Talebiniz alındı", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(20), "the confirmation through the outbox");
        Assert.Matches(@"BT-\d{4}-0001", filed.Text);
        Assert.Single(host.Connector.To(personal), c => c.Text?.Contains("Talebiniz alındı", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task MessageWithoutAadObjectId_NotRegisteredAsSomeoneNew()
    {
        var activity = Teams.PersonalMessage(host.ServiceUrl, Teams.Emre, "taleplerim");
        activity["from"]!.AsObject().Remove("aadObjectId");

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Connector.Calls, c => c.Text?.Contains("Sizi tanıyamadım", StringComparison.Ordinal) == true);
        Assert.Equal(9, host.Scalar("SELECT COUNT(*) FROM People")); // seven people, the deputy mayor and the monitoring account
    }

    [Fact]
    public async Task HugeMessage_RefusedWithClearAnswer()
    {
        await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, Teams.Ayse, new string('x', 25_000)));
        Assert.Contains(host.Connector.Calls, c => c.Text?.Contains("çok uzun", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task InstallAndConversationUpdate_SameMoment_NewUserRegisteredOnce()
    {
        var stranger = new TestUser("7d1e3f55-0000-4000-8000-00000000bbbb", "Aynı Anda");
        var install = Teams.PersonalMessage(host.ServiceUrl, stranger, null);
        install["type"] = "installationUpdate";
        install["action"] = "add";
        var update = Teams.PersonalMessage(host.ServiceUrl, stranger, null);
        update["type"] = "conversationUpdate";
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Teams.BotId });

        var responses = await Task.WhenAll(host.PostAsync(install), host.PostAsync(update));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM People WHERE AadObjectId = '{stranger.AadId}'"));
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM Conversations WHERE ConversationId = '{Teams.PersonalConversation(stranger)}'"));
    }

    [Fact]
    public async Task TurkishText_FromEnglishClient_AnsweredInTurkish()
    {
        await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, Teams.Ayse, "yazıcım kağıt sıkıştırıyor", locale: "en-US"));
        Assert.Contains(host.Connector.Calls, c => c.Text?.Contains("Anladım, konu: Yazıcı", StringComparison.Ordinal) == true);

        await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, Teams.Deniz, "my printer is jamming paper", locale: "tr-TR"));
        Assert.Contains(host.Connector.Calls, c => c.Text?.Contains("Got it, topic: Printer", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task UnknownPerson_IsRegisteredAsStaffAndCanReport()
    {
        var stranger = new TestUser("7d1e3f55-0000-4000-8000-00000000abcd", "Yeni Personel");
        await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, stranger, "merhaba"));
        Assert.Contains(host.Connector.Calls, c => c.Text?.Contains("Merhaba Yeni Personel", StringComparison.Ordinal) == true);
        Assert.Equal(1, host.Scalar($"SELECT COUNT(*) FROM People WHERE AadObjectId = '{stranger.AadId}' AND Role = 'Staff'"));
    }

    private async Task SetItChannelAsync()
    {
        await host.PostAsync(Teams.ChannelMessage(host.ServiceUrl, Teams.Emre, "bt kanalı yap"));
    }

    /// <summary>The scripted Turkish printer conversation; returns the ticket number the bot announced.</summary>
    private async Task<string> ReportPrinterFaultAsync(TestUser user, bool sendConfirm = true)
    {
        async Task Say(string? text, JsonObject? value = null)
        {
            var response = await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, user, text, value));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Say("yazıcım kağıt sıkıştırıyor");
        await Say("yazı işleri");
        await Say("ana hizmet binası");
        await Say("YZC-0001");
        await Say(null, new JsonObject { ["step"] = "Checks", ["choice"] = "skip" });
        await Say("yüksek");
        if (!sendConfirm)
        {
            return string.Empty;
        }

        await Say(null, new JsonObject { ["step"] = "Confirm", ["choice"] = "send" });
        var filed = host.Connector.Calls.Last(c => c.Text?.Contains("Talebiniz alındı", StringComparison.Ordinal) == true);
        var match = System.Text.RegularExpressions.Regex.Match(filed.Text!, $@"BT-{Year}-\d{{4}}");
        Assert.True(match.Success, filed.Text);
        return match.Value;
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the condition.");
            await Task.Delay(50);
        }
    }
}
