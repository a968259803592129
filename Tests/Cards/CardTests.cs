using System.Globalization;
using System.Text.Json.Nodes;
using HelpdeskBot.Cards.Approvals;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Conversations;
using HelpdeskBot.Cards.Model;
using HelpdeskBot.Cards.Monitoring;
using HelpdeskBot.Cards.Tickets;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Domain.Tickets;
using Json.Schema;

namespace HelpdeskBot.Tests.Cards;

/// <summary>
/// Every card we build: valid against the Adaptive Cards 1.5 schema, equal to its golden JSON (Tests/Cards/Golden,
/// which tests-e2e renders with Microsoft's JS renderer), and safe with what people type.
/// </summary>
public sealed class CardTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        // A copy of shared/schemas/adaptive-card-1.5.json (Microsoft's AdaptiveCards repository, MIT licence), so a clone anywhere can test.
        var path = Path.Combine(Repo.Root, "Tests", "Cards", "adaptive-card-1.5.schema.json");
        return JsonSchema.FromText(File.ReadAllText(path));
    });

    public static TheoryData<string> CardNames => new(AllCards().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_ValidatesAgainstAdaptiveCards15Schema(string name)
    {
        var card = AllCards().Single(c => c.Name == name).Card;
        var result = Schema.Value.Evaluate(JsonNode.Parse(CardJson.Serialize(card)), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.True(CardJson.Serialize(card).Length < 28_000, "A card must stay far below Teams' message size limit.");
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_MatchesGoldenJson(string name)
    {
        var json = CardJson.Serialize(AllCards().Single(c => c.Name == name).Card, indented: true) + "\n";
        var path = Path.Combine(Repo.Root, "Tests", "Cards", "Golden", name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, json);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests once with UPDATE_GOLDEN=1 and review the new file.");
        Assert.Equal(File.ReadAllText(path), json);
    }

    [Fact]
    public void Serialize_TypeComesFirst()
    {
        var json = CardJson.Serialize(TicketCards.Channel(SampleView(), Text.Turkish));
        Assert.StartsWith("{\"type\":\"AdaptiveCard\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"TextRun\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelCard_UserText_IsShownLiterallyNeverAsMarkdown()
    {
        var typed = "**ACİL** [tıkla](http://kötü.example) _x_ <at>Ali</at>";
        var view = SampleView() with { Description = typed, Device = "# yazıcı *2*", RequesterName = "**Patron** <at>Emre</at>" };
        var card = JsonNode.Parse(CardJson.Serialize(TicketCards.Channel(view, Text.Turkish)))!;

        var runs = card["body"]!.AsArray().SelectMany(Flatten).Where(n => n["type"]?.GetValue<string>() == "TextRun").Select(n => n["text"]!.GetValue<string>()).ToList();
        Assert.Contains(typed, runs);
        Assert.Contains("# yazıcı *2*", runs);
        Assert.Contains("**Patron** <at>Emre</at>", runs);
        var textBlocks = card["body"]!.AsArray().SelectMany(Flatten).Where(n => n["type"]?.GetValue<string>() is "TextBlock").Select(n => n["text"]!.GetValue<string>());
        Assert.DoesNotContain(textBlocks, t => t.Contains("ACİL", StringComparison.Ordinal) || t.Contains("yazıcı *2*", StringComparison.Ordinal));
        var facts = card["body"]!.AsArray().SelectMany(Flatten).Where(n => n["facts"] is not null).SelectMany(n => n["facts"]!.AsArray()).Select(f => f!["value"]!.GetValue<string>());
        Assert.DoesNotContain(facts, v => v.Contains("ACİL", StringComparison.Ordinal) || v.Contains("Patron", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TicketStatus.New, new[] { TicketVerbs.Claim, TicketVerbs.HandOver, TicketVerbs.Resolve })]
    [InlineData(TicketStatus.Assigned, new[] { TicketVerbs.Hold, TicketVerbs.HandOver, TicketVerbs.Resolve })]
    [InlineData(TicketStatus.Pending, new[] { TicketVerbs.Resume, TicketVerbs.HandOver, TicketVerbs.Resolve })]
    [InlineData(TicketStatus.Resolved, new string[0])]
    [InlineData(TicketStatus.Closed, new string[0])]
    public void ChannelCard_Buttons_FollowStatus(TicketStatus status, string[] verbs)
    {
        var card = JsonNode.Parse(CardJson.Serialize(TicketCards.Channel(SampleView() with { Status = status }, Text.Turkish)))!;
        var found = Flatten(card).Where(n => n["verb"] is not null).Select(n => n["verb"]!.GetValue<string>()).ToArray();
        Assert.Equal(verbs, found);
    }

    [Fact]
    public void Strings_EveryKeyInBothLanguages()
    {
        var tr = Text.Keys(CultureInfo.InvariantCulture);
        var en = Text.Keys(CultureInfo.GetCultureInfo("en"));
        Assert.Equal(tr, en);
        foreach (var key in Enum.GetNames<TicketStatus>().Select(s => "Status_" + s)
            .Concat(Enum.GetNames<TicketTopic>().Select(s => "Topic_" + s))
            .Concat(Enum.GetNames<Urgency>().Select(s => "Urgency_" + s))
            .Concat(Enum.GetNames<TicketEventKind>().Select(s => "Event_" + s))
            .Concat(Enum.GetNames<PrinterCheck>().SelectMany(s => new[] { $"Check_{s}_Title", $"Check_{s}_Text" }))
            .Concat(Enum.GetNames<HelpdeskBot.Domain.Common.DomainError>().Select(s => "Action_" + s))
            .Concat(Enum.GetNames<DecisionKind>().Select(s => "Decision_" + s))
            .Concat(Enum.GetNames<RequestType>().Select(s => "RequestType_" + s))
            .Concat(Enum.GetNames<RequestStatus>().Select(s => "RequestStatus_" + s))
            .Concat(Enum.GetNames<ApproverKind>().Select(s => "Approver_" + s))
            .Concat(Enum.GetNames<Assessment>().Select(s => "Assessment_" + s)))
        {
            Assert.Contains(key, tr);
        }
    }

    [Fact]
    public void Literal_EscapesMarkdown() => Assert.Equal(@"\*\*Patron\*\* \[x\](y) Ayşe-Nur", Text.Literal("**Patron** [x](y) Ayşe-Nur"));

    [Fact]
    public void CultureFor_PicksEnglishOnlyForEnglishLocales()
    {
        Assert.Equal("en-US", Text.CultureFor("en-GB").Name);
        Assert.Equal("tr-TR", Text.CultureFor("tr-TR").Name);
        Assert.Equal("tr-TR", Text.CultureFor(null).Name);
        Assert.Equal("tr-TR", Text.CultureFor("de-DE").Name);
    }

    [Fact]
    public void RequestCard_RefreshNamesAtMostSixtyUsers()
    {
        var ids = Enumerable.Range(1, 75).Select(i => $"29:1user-{i}").ToList();

        var card = ApprovalCards.Request(SampleRequest() with { RefreshUserIds = ids }, new RequestViewer(false, false, false), CultureInfo.GetCultureInfo("tr-TR"));

        Assert.Equal(ids.Take(60), card.Refresh!.UserIds);
        Assert.Throws<ArgumentException>(() => new Refresh(card.Refresh.Action, ids));
    }

    [Fact]
    public void DailyStatus_FiveHundredTargets_StaysUnder80KbWithFailuresFirst()
    {
        var card = MonitoringCards.DailyStatus(SampleReport(MonitoringArea.Cameras, 500), Text.Turkish);
        var json = CardJson.Serialize(card);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(json);
        output.WriteLine($"daily card for 500 targets: {bytes} bytes");
        Assert.True(bytes < 80_000, $"{bytes} bytes");
        var result = Schema.Value.Evaluate(JsonNode.Parse(json));
        Assert.True(result.IsValid);
        var firstLine = JsonNode.Parse(json)!["body"]![2]!.ToJsonString();
        Assert.Contains("port kapal", firstLine, StringComparison.Ordinal); // a failed target's problem, before any warning
    }

    internal static MonitoringStatusReport SampleReport(MonitoringArea area, int count, bool allGood = false)
    {
        var at = new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero);
        var lines = Enumerable.Range(1, count).Select(i =>
        {
            var status = allGood ? CheckStatus.Ok : (i % 7) switch { 0 => CheckStatus.Failed, 3 => CheckStatus.Warning, 5 => CheckStatus.Unreadable, _ => CheckStatus.Ok };
            IReadOnlyList<CheckProblem> problems = status switch
            {
                CheckStatus.Failed => [CheckProblem.PortClosed],
                CheckStatus.Warning => [CheckProblem.Slow],
                CheckStatus.Unreadable => [CheckProblem.SourceUnreadable],
                _ => [],
            };
            return new TargetStatusLine(i, $"Hedef {i:000} · Şantiye", 2, status, "ayrıntı", problems, at, status == CheckStatus.Failed ? at.AddHours(-2) : null, 0.987, 96);
        })
            .OrderByDescending(l => l.Status).ToList();
        return new MonitoringStatusReport(area, at, TimeSpan.FromDays(30), lines, CheckCounts.From(lines.Select(l => l.Status!.Value)));
    }

    internal static TicketView SampleView() => new(
        7, "BT-2026-0042", TicketStatus.New, TicketTopic.Printer, Urgency.High, "Ayşe Yılmaz", "Yazı İşleri Müdürlüğü", "Ana Hizmet Binası",
        "YZC-0001 · HP LaserJet Pro M404dn", "Yazıcım kağıt sıkıştırıyor, ön kapak kapanmıyor.", null, null, null, null,
        new DateTimeOffset(2026, 12, 3, 7, 15, 0, TimeSpan.Zero), [PrinterCheck.Toner, PrinterCheck.PaperJam],
        [new TicketHistoryLine(new DateTimeOffset(2026, 12, 3, 7, 15, 0, TimeSpan.Zero), "Ayşe Yılmaz", TicketEventKind.Created, null)],
        "CF259A", [new PersonOption(2, "Emre Kaya"), new PersonOption(3, "Zeynep Şahin")]);

    private static IEnumerable<(string Name, AdaptiveCard Card)> AllCards()
    {
        var tr = Text.Turkish;
        var v = SampleView();
        var resolved = v with
        {
            Status = TicketStatus.Resolved,
            AssigneeName = "Emre Kaya",
            ResolutionNote = "Toner değiştirildi, sıkışan kağıt çıkarıldı.",
            History = [.. v.History, new TicketHistoryLine(v.CreatedAt.AddMinutes(20), "Emre Kaya", TicketEventKind.Resolved, "Toner değiştirildi")],
        };
        yield return ("channel-new", TicketCards.Channel(v, tr));
        yield return ("channel-assigned", TicketCards.Channel(v with { Status = TicketStatus.Assigned, AssigneeName = "Emre Kaya" }, tr));
        yield return ("channel-pending", TicketCards.Channel(v with { Status = TicketStatus.Pending, AssigneeName = "Emre Kaya", PendingReason = "Parça bekleniyor" }, tr));
        yield return ("channel-resolved", TicketCards.Channel(resolved, tr));
        yield return ("channel-new-en", TicketCards.Channel(v, Text.English));
        yield return ("notice-claimed", TicketCards.RequesterNotice(v with { Status = TicketStatus.Assigned }, new TicketNotice(TicketEventKind.Claimed, 2, null), "Emre Kaya", tr));
        yield return ("notice-resolved", TicketCards.RequesterNotice(resolved, new TicketNotice(TicketEventKind.Resolved, 2, "Toner değiştirildi"), "Emre Kaya", tr));
        yield return ("detail-requester", TicketCards.Detail(v, viewerIsRequester: true, tr));
        yield return ("my-tickets", TicketCards.MyTickets([v, resolved with { Number = "BT-2026-0041", Id = 6 }], tr));
        yield return ("prompt-topic", PromptCards.Choice("Sorun hangi konuda?", "Listeden seçin ya da kısaca yazın.", "Topic",
            Enum.GetValues<TicketTopic>().Select(t => new PromptChoice(Text.Get($"Topic_{t}", tr), t.ToString())).ToList(), tr));
        yield return ("prompt-urgency", PromptCards.Choice("Ne kadar acil?", null, "Urgency",
            Enum.GetValues<Urgency>().Select(u => new PromptChoice(Text.Get($"Urgency_{u}", tr), u.ToString())).ToList(), tr));
        yield return ("printer-check", PromptCards.PrinterCheck(Text.Get("Check_PaperJam_Title", tr), Text.Get("Check_PaperJam_Text", tr), 5, 6, "Checks", tr));
        yield return ("summary", PromptCards.Summary("Talebiniz gönderilmeden önce kontrol edin",
            [("Konu", "Yazıcı", false), ("Açıklama", "Yazıcım *kağıt* sıkıştırıyor", true)], "Confirm", tr));
        yield return ("it-channel-offer", PromptCards.ItChannelOffer(tr));
        var change = SampleRequest();
        var none = new RequestViewer(false, false, false);
        yield return ("request-assessment-it", ApprovalCards.Request(change, new RequestViewer(false, false, true), tr));
        var waiting = change with
        {
            Status = RequestStatus.AwaitingApproval,
            Assessment = Assessment.FromStock,
            CurrentStep = 2,
            Steps =
            [
                new StepView(1, [ApproverKind.UnitManager], "Mehmet Demir", StepState.Approved, "Fatma Çelik", "Mehmet Demir", new DateTimeOffset(2026, 12, 3, 8, 15, 0, TimeSpan.Zero), "Uygundur *acil*", null),
                new StepView(2, [ApproverKind.ItDirector, ApproverKind.SpendingAuthority], "İsmail Işık", StepState.Pending, null, null, null, null, "Hakan Öztürk"),
            ],
        };
        yield return ("request-approver", ApprovalCards.Request(waiting, new RequestViewer(true, false, false), tr));
        yield return ("request-approver-en", ApprovalCards.Request(waiting, new RequestViewer(true, false, false), Text.English));
        yield return ("request-requester", ApprovalCards.Request(waiting, new RequestViewer(false, true, false), tr));
        yield return ("request-readonly", ApprovalCards.Request(waiting, none, tr));
        yield return ("request-validation", ApprovalCards.Validation(waiting, new RequestViewer(true, false, false), Text.Get("Action_CommentRequired", tr), tr));
        var approved = waiting with
        {
            Status = RequestStatus.Approved,
            CurrentStep = null,
            CanWithdraw = true,
            Steps = [waiting.Steps[0], waiting.Steps[1] with { State = StepState.Approved, DecidedByName = "İsmail Işık", DecidedAt = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero) }],
            Holders = [new PersonOption(1, "Ayşe Yılmaz"), new PersonOption(4, "Mehmet Demir")],
        };
        yield return ("request-delivery-it", ApprovalCards.Request(approved, new RequestViewer(false, false, true), tr));
        yield return ("request-delivered", ApprovalCards.Request(approved with
        {
            Status = RequestStatus.Delivered,
            CanWithdraw = false,
            DeliverySlip = "TİF-2026-118",
            DeliveredAssets = ["PC-0100 · Dell OptiPlex 7020 → Ayşe Yılmaz"],
            ReplacedFate = ReplacedAssetFate.Scrap,
        }, new RequestViewer(false, true, false), tr));
        var expenditure = change with
        {
            Number = "HT-2026-0003",
            Type = RequestType.Expenditure,
            Kind = null,
            ReplacedAsset = null,
            Status = RequestStatus.Ordered,
            NextStage = RequestStatus.Delivered,
            CanWithdraw = false,
            Lines = [new RequestLine("Sunucu Dell PowerEdge R760", 2, 550_000m), new RequestLine("Toner CF259A", 10, 1_250.50m)],
            Total = 1_112_505m,
            BudgetLine = new BudgetLineView(4, "06.1 Mamul mal alımları", 1_200_000m, 1_112_505m, 0m),
            DirectPurchase = new DirectPurchaseWarning(1_021_827m, true, false),
            Steps = [new StepView(1, [ApproverKind.SpendingAuthority], "İsmail Işık", StepState.Approved, "İsmail Işık", null, new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), null, null)],
            CurrentStep = null,
        };
        yield return ("expenditure-ordered-it", ApprovalCards.Request(expenditure, new RequestViewer(false, false, true), tr));
        yield return ("monitoring-daily-backups", MonitoringCards.DailyStatus(SampleReport(MonitoringArea.Backups, 12), tr));
        yield return ("monitoring-daily-all-good", MonitoringCards.DailyStatus(SampleReport(MonitoringArea.Cameras, 3, allGood: true), tr));
        yield return ("monitoring-status-cameras", MonitoringCards.Status(SampleReport(MonitoringArea.Cameras, 6), tr));
        yield return ("monitoring-went-down", MonitoringCards.StateChange(new MonitorStateChange(MonitoringArea.Cameras, 3, "Kamera 3 · Belediye Meydanı", 2,
            StateChangeKind.WentDown, CheckStatus.Failed, "tcp 127.0.0.1:8554 refused", [CheckProblem.PortClosed], v.CreatedAt, v.CreatedAt.AddMinutes(30)), "BT-2026-0043", tr));
    }

    private static RequestView SampleRequest() => new(
        7,
        "DT-2026-0007",
        RequestType.Change,
        RequestStatus.AwaitingAssessment,
        Urgency.Normal,
        "Ayşe Yılmaz",
        "Yazı İşleri Müdürlüğü",
        ChangeKind.Replacement,
        [new RequestLine("Masaüstü bilgisayar i5 16 GB", 1, null), new RequestLine("Monitör 24 inç _geniş_", 2, null)],
        "Bilgisayar 9 yaşında, e-imza **çalışmıyor**",
        "PC-0001 · Dell OptiPlex 7010",
        null,
        null,
        0m,
        null,
        null,
        [],
        null,
        null,
        true,
        null,
        new DateTimeOffset(2026, 12, 2, 11, 30, 0, TimeSpan.Zero))
    {
        RequesterId = 1,
        RefreshUserIds = ["29:1ayse", "29:1mehmet"],
        BudgetLines = [new BudgetLineView(4, "06.1 Mamul mal alımları", 1_200_000m, 250_000m, 100_000m)],
    };

    private static IEnumerable<JsonNode> Flatten(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).SelectMany(Flatten))
                {
                    yield return child;
                }

                break;
            case JsonArray a:
                foreach (var child in a.SelectMany(Flatten))
                {
                    yield return child;
                }

                break;
        }
    }
}

internal static class Repo
{
    /// <summary>The repository root (where HelpdeskBot.sln is).</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HelpdeskBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
