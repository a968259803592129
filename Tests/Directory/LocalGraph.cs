using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpdeskBot.Tests.GraphDirectory;

/// <summary>One request made to the local Graph (<paramref name="Body"/>: the request body, for POST).</summary>
public sealed record GraphRequest(string Path, string Query, string? Authorization, int Status, DateTimeOffset At, string Method = "GET", string? Body = null, string? ContentType = null);

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like Microsoft Graph v1.0 (response shapes as in the Graph docs for
/// GET /users/{id}, /users/{id}/manager, /groups/{id}/members with <c>@odata.nextLink</c>, and POST
/// /users/{id}/teamwork/installedApps: 201, then 409 once installed), and can be told to fail. Tests may add users,
/// managers and groups.
/// </summary>
public sealed class LocalGraph : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<GraphRequest> requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string? RetryAfter)>> failures = new();
    private readonly ConcurrentDictionary<string, int> passes = new();
    private readonly ConcurrentDictionary<string, JsonObject> users = new(Users);
    private readonly ConcurrentDictionary<string, string> managers = new(Managers);
    private readonly ConcurrentDictionary<string, JsonObject[][]> groups = new() { ["6b1d2b3a-0000-0000-0000-00000000it01"] = MemberPages };
    private readonly ConcurrentDictionary<string, bool> installed = new();

    private static readonly Dictionary<string, JsonObject> Users = new()
    {
        ["00000000-0000-0000-0000-000000000020"] = User("00000000-0000-0000-0000-000000000020", "Ayşe Yılmaz", "ayse.yilmaz", "Yazı İşleri Müdürlüğü", "Memur", "tr-TR"),
        ["00000000-0000-0000-0000-000000000023"] = User("00000000-0000-0000-0000-000000000023", "Mehmet Demir", "mehmet.demir", "Yazı İşleri Müdürlüğü", "Yazı İşleri Müdürü", "tr-TR"),
        ["00000000-0000-0000-0000-000000000024"] = User("00000000-0000-0000-0000-000000000024", "İsmail Işık", "ismail.isik", "Bilgi İşlem Müdürlüğü", "Bilgi İşlem Müdürü", null),
    };

    private static readonly Dictionary<string, string> Managers = new()
    {
        ["00000000-0000-0000-0000-000000000020"] = "00000000-0000-0000-0000-000000000023",
        ["00000000-0000-0000-0000-000000000023"] = "00000000-0000-0000-0000-000000000024",
    };

    private static readonly JsonObject[][] MemberPages =
    [
        [Member("21", "Emre Kaya", "emre.kaya"), Member("22", "Zeynep Şahin", "zeynep.sahin")],
        [Member("24", "İsmail Işık", "ismail.isik"), Group("it-yoneticiler", "BT Yöneticileri"), Member("25", "Fatma Çelik", "fatma.celik")],
        [Member("26", "Deniz Arslan", "deniz.arslan")],
    ];

    private LocalGraph(WebApplication app) => this.app = app;

    /// <summary>Graph's root on this server, as <c>Graph:BaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<GraphRequest> Requests => requests.ToArray();

    public static async Task<LocalGraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var graph = new LocalGraph(app);
        app.Run(graph.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        graph.BaseUrl = address.TrimEnd('/') + "/v1.0";
        return graph;
    }

    /// <summary>After <paramref name="skip"/> good answers, the next <paramref name="count"/> requests to <paramref name="path"/> answer <paramref name="status"/>.</summary>
    public void FailNext(string path, int status, int count = 1, string? retryAfter = null, int skip = 0)
    {
        passes[path] = skip;
        var queue = failures.GetOrAdd(path, _ => new());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue((status, retryAfter));
        }
    }

    /// <summary>A user Graph knows (<paramref name="department"/> as Graph's <c>department</c>; no mail: only the user principal name).</summary>
    public void AddUser(string id, string name, string alias, string? department, bool withMail = true)
    {
        var user = User(id, name, alias, department ?? string.Empty, "Memur", "tr-TR");
        if (department is null)
        {
            user["department"] = null;
        }

        if (!withMail)
        {
            user["mail"] = null;
        }

        users[id] = user;
    }

    public void RemoveUser(string id) => users.TryRemove(id, out _);

    public void SetManager(string userId, string managerId) => managers[userId] = managerId;

    public void RemoveManager(string userId) => managers.TryRemove(userId, out _);

    /// <summary>A group whose direct members (users known here, by id) are served in these pages.</summary>
    public void SetGroup(string groupId, params string[][] pages) =>
        groups[groupId] = [.. pages.Select(page => page.Select(id =>
        {
            var member = users[id].DeepClone().AsObject();
            member.Insert(0, "@odata.type", "#microsoft.graph.user");
            return member;
        }).ToArray())];

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        string? requestBody = null;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            using var reader = new StreamReader(context.Request.Body);
            requestBody = await reader.ReadToEndAsync();
        }

        var (status, body) = Answer(context, path);
        requests.Enqueue(new GraphRequest(path, Uri.UnescapeDataString(context.Request.QueryString.Value ?? string.Empty),
            context.Request.Headers.Authorization.FirstOrDefault(), status, DateTimeOffset.UtcNow, context.Request.Method, requestBody, context.Request.Headers.ContentType.ToString()));
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString());
        }
    }

    private (int Status, JsonObject? Body) Answer(HttpContext context, string path)
    {
        if (failures.TryGetValue(path, out var queue) && !queue.IsEmpty)
        {
            if (passes.GetValueOrDefault(path) > 0)
            {
                passes[path]--;
            }
            else if (queue.TryDequeue(out var failure))
            {
                if (failure.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = failure.RetryAfter;
                }

                return failure.Status switch
                {
                    429 => (429, Error("TooManyRequests", "Too many requests. Please retry after the time in the Retry-After header.")),
                    403 => (403, Error("Forbidden", "Missing role permissions on the request. API requires one of 'TeamsAppInstallation.ReadWriteForUser.All'.")),
                    _ => (failure.Status, Error("ServiceNotAvailable", "The service is temporarily unavailable.")),
                };
            }
        }

        var root = BaseUrl;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["v1.0", "users", var id, "teamwork", "installedApps"] when HttpMethods.IsPost(context.Request.Method) && users.ContainsKey(id):
                // "Install app for user": 201 Created with no body; Teams answers 409 Conflict when the app is installed already.
                return installed.TryAdd(id, true)
                    ? (201, null)
                    : (409, Error("Conflict", "App is already installed."));

            case ["v1.0", "users", var id] when users.TryGetValue(id, out var user):
                var found = user.DeepClone().AsObject();
                found.Insert(0, "@odata.context", $"{root}/$metadata#users(id,displayName,mail,userPrincipalName,department,jobTitle,preferredLanguage)/$entity");
                return (200, found);

            case ["v1.0", "users", var id, "manager"] when managers.TryGetValue(id, out var managerId):
                var manager = users[managerId].DeepClone().AsObject();
                if (id == "00000000-0000-0000-0000-000000000020")
                {
                    // As Graph answers today: the navigation property is a directoryObject, typed by @odata.type.
                    manager.Insert(0, "@odata.context", $"{root}/$metadata#directoryObjects/$entity");
                    manager.Insert(1, "@odata.type", "#microsoft.graph.user");
                }

                // Otherwise as the "Get manager" docs example shows it: no @odata.type.
                return (200, manager);

            case ["v1.0", "users", var id, "manager"] when users.ContainsKey(id):
                return (404, Error("Request_ResourceNotFound", $"Resource 'manager' does not exist or one of its queried reference-property objects are not present."));

            case ["v1.0", "groups", var groupId, "members"] when groups.TryGetValue(groupId, out var memberPages):
                var token = context.Request.Query["$skiptoken"].FirstOrDefault();
                var index = token switch { "page2" => 1, "page3" => 2, _ => 0 };
                var page = new JsonObject
                {
                    ["@odata.context"] = $"{root}/$metadata#directoryObjects(id,displayName,mail,userPrincipalName,department,jobTitle,preferredLanguage)",
                };
                if (index + 1 < memberPages.Length)
                {
                    page["@odata.nextLink"] = $"{root}{path["/v1.0".Length..]}?$select=id,displayName&$top=2&$skiptoken=page{index + 2}";
                }

                page["value"] = new JsonArray([.. memberPages[index].Select(m => m.DeepClone())]);
                return (200, page);

            default:
                return (404, Error("Request_ResourceNotFound", $"Resource '{segments.ElementAtOrDefault(2)}' does not exist or one of its queried reference-property objects are not present."));
        }
    }

    private static JsonObject Error(string code, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject
            {
                ["date"] = "2026-12-03T10:00:00",
                ["request-id"] = "0e4a8d2c-0000-0000-0000-000000000000",
                ["client-request-id"] = "0e4a8d2c-0000-0000-0000-000000000000",
            },
        },
    };

    private static JsonObject User(string id, string name, string alias, string department, string jobTitle, string? language) => new()
    {
        ["id"] = id,
        ["displayName"] = name,
        ["mail"] = $"{alias}@belediye.bel.tr",
        ["userPrincipalName"] = $"{alias}@belediye.bel.tr",
        ["department"] = department,
        ["jobTitle"] = jobTitle,
        ["preferredLanguage"] = language,
    };

    private static JsonObject Member(string suffix, string name, string alias)
    {
        var member = User($"00000000-0000-0000-0000-0000000000{suffix}", name, alias, "Bilgi İşlem Müdürlüğü", "Teknisyen", "tr-TR");
        member.Insert(0, "@odata.type", "#microsoft.graph.user");
        return member;
    }

    private static JsonObject Group(string id, string name) => new()
    {
        ["@odata.type"] = "#microsoft.graph.group",
        ["id"] = id,
        ["displayName"] = name,
        ["mail"] = null,
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
