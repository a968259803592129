using System.Text.Json.Nodes;

namespace HelpdeskBot.Tests.Support;

/// <summary>
/// Teams-shaped activities, after the examples in Microsoft's Teams bot docs: a personal-chat message, a channel
/// message with an @mention, a team conversationUpdate, and an adaptiveCard/action invoke.
/// </summary>
public static class Teams
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:00000000-0000-0000-0000-000000000b07";
    public const string BotName = "Yardım Masası";
    public const string TeamId = "19:team-bim@thread.tacv2";
    public const string ChannelId = "19:it-channel@thread.tacv2";

    public static readonly TestUser Ayse = new("00000000-0000-0000-0000-0000000000020", "Ayşe Yılmaz");
    public static readonly TestUser Emre = new("00000000-0000-0000-0000-0000000000021", "Emre Kaya");
    public static readonly TestUser Zeynep = new("00000000-0000-0000-0000-0000000000022", "Zeynep Şahin");
    public static readonly TestUser Mehmet = new("00000000-0000-0000-0000-0000000000023", "Mehmet Demir");
    public static readonly TestUser Ismail = new("00000000-0000-0000-0000-0000000000024", "İsmail Işık");
    public static readonly TestUser Deniz = new("00000000-0000-0000-0000-0000000000026", "Deniz Arslan");

    public static string PersonalConversation(TestUser u) => "a:1personal-" + u.AadId[^4..];

    public static JsonObject PersonalMessage(string serviceUrl, TestUser from, string? text, JsonNode? value = null, string locale = "tr-TR", string? id = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? NewId(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["localTimestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = From(from),
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = Tenant, ["id"] = PersonalConversation(from) },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["textFormat"] = "plain",
        ["text"] = text,
        ["value"] = value?.DeepClone(),
        ["locale"] = locale,
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale, ["country"] = "TR", ["platform"] = "Web" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    public static JsonObject ChannelMessage(string serviceUrl, TestUser from, string text, string? id = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? NewId(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = From(from),
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = Tenant,
            ["id"] = ChannelId + ";messageid=1700000000001",
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["textFormat"] = "plain",
        ["text"] = $"<at>{BotName}</at> {text}",
        ["locale"] = "tr-TR",
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{BotName}</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        }),
        ["channelData"] = TeamChannelData(),
    };

    public static JsonObject BotAddedToTeam(string serviceUrl, TestUser by) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = NewId(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = From(by),
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = Tenant, ["id"] = TeamId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Bilgi İşlem", ["aadGroupId"] = "02ce3874-dd86-41ba-bddc-013f34019978" },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = Tenant },
        },
    };

    /// <summary>An Action.Execute press, as Teams sends it: an invoke named adaptiveCard/action with the verb and the data (inputs merged in).</summary>
    public static JsonObject CardAction(string serviceUrl, TestUser from, string verb, JsonObject data, bool inChannel, string? id = null) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = id ?? NewId(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = From(from),
        ["conversation"] = inChannel
            ? new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = Tenant, ["id"] = ChannelId + ";messageid=msg-1" }
            : new JsonObject { ["conversationType"] = "personal", ["tenantId"] = Tenant, ["id"] = PersonalConversation(from) },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["locale"] = "tr-TR",
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "action-" + verb, ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        },
        ["channelData"] = inChannel ? TeamChannelData() : new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    private static JsonObject TeamChannelData() => new()
    {
        ["teamsChannelId"] = ChannelId,
        ["teamsTeamId"] = TeamId,
        ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "BT Destek" },
        ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Bilgi İşlem" },
        ["tenant"] = new JsonObject { ["id"] = Tenant },
    };

    private static JsonObject From(TestUser u) => new() { ["id"] = "29:1" + u.AadId, ["name"] = u.Name, ["aadObjectId"] = u.AadId };

    private static string NewId() => "1" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record TestUser(string AadId, string Name);
