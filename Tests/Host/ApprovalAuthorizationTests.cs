using System.Globalization;
using System.Text.Json.Nodes;
using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Tickets;
using HelpdeskBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskBot.Tests.Host;

/// <summary>
/// Every request card action pressed by every kind of person, through /api/messages, each on a request freshly put in
/// the state the action needs. Only the right person changes anything; everyone else gets an answer and nothing changes.
/// </summary>
public sealed class ApprovalAuthorizationTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TestUser SubstituteInRange = new("7d1e3f55-0000-4000-8000-0000000000a1", "Vekil Güncel");
    private static readonly TestUser SubstituteOutOfRange = new("7d1e3f55-0000-4000-8000-0000000000a2", "Vekil Süresi Bitmiş");
    private static readonly TestUser OtherStaff = new("7d1e3f55-0000-4000-8000-0000000000a3", "Başka Personel");

    private static readonly (string Role, TestUser User)[] Roles =
    [
        ("requester", Teams.Ayse),
        ("approver", Teams.Mehmet),
        ("substitute in range", SubstituteInRange),
        ("substitute out of range", SubstituteOutOfRange),
        ("other staff", OtherStaff),
        ("IT technician", Teams.Emre),
    ];

    /// <summary>Action → the roles whose press changes the request (everyone else: refused, nothing changes).</summary>
    private static readonly (string Verb, string[] Allowed)[] Table =
    [
        ("request.approve", ["approver", "substitute in range"]),
        ("request.reject", ["approver", "substitute in range"]),
        ("request.withdraw", ["requester"]),
        ("request.assess", ["IT technician"]),
        ("request.deliver", ["IT technician"]),
        ("request.advance", ["IT technician"]),
    ];

    private BotHost host = null!;

    public async Task InitializeAsync() => host = await BotHost.StartAsync();

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await host.Connector.DisposeAsync();
    }

    [Fact]
    public async Task EveryAction_ByEveryRole_OnlyTheEntitledChangeAnything()
    {
        foreach (var u in new[] { SubstituteInRange, SubstituteOutOfRange, OtherStaff })
        {
            await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, u, "merhaba")); // registered as staff on first contact
        }

        await WithScopeAsync(async sp =>
        {
            var mehmet = await PersonAsync(sp, Teams.Mehmet);
            var today = DateOnly.FromDateTime(Istanbul.ToLocal(DateTimeOffset.UtcNow).DateTime);
            var approvals = sp.GetRequiredService<IApprovalRepository>();
            approvals.Add(new Substitution(mehmet.Id, (await PersonAsync(sp, SubstituteInRange)).Id, today.AddDays(-2), today.AddDays(2), mehmet.Id, DateTimeOffset.UtcNow));
            approvals.Add(new Substitution(mehmet.Id, (await PersonAsync(sp, SubstituteOutOfRange)).Id, today.AddDays(-20), today.AddDays(-10), mehmet.Id, DateTimeOffset.UtcNow));
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return 0;
        });

        var failures = new List<string>();
        foreach (var (verb, allowed) in Table)
        {
            foreach (var (role, user) in Roles)
            {
                var (id, data) = await PrepareAsync(verb);
                var before = DecisionCount(id);
                var response = await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, user, verb, data, inChannel: verb is "request.assess" or "request.deliver" or "request.advance"));
                var changed = DecisionCount(id) > before;
                var expected = allowed.Contains(role);
                var answer = response["type"]!.GetValue<string>().EndsWith("adaptive", StringComparison.Ordinal) ? "card" : "message";
                output.WriteLine($"{verb,-18} {role,-24} changed={changed,-5} expected={expected,-5} answer={answer}");
                if (changed != expected || response["statusCode"]!.GetValue<int>() != 200 || (expected && answer != "card"))
                {
                    failures.Add($"{verb} by {role}: changed={changed}, expected {expected}, answer {answer}: {response["value"]}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Refresh_ShowsEachViewerTheirOwnCard_AndStrangersNothing()
    {
        await host.PostAsync(Teams.PersonalMessage(host.ServiceUrl, OtherStaff, "merhaba"));
        var (id, _) = await PrepareAsync("request.approve");
        var data = new JsonObject { ["requestId"] = id };

        async Task<string> ViewOf(TestUser user) =>
            (await host.InvokeAsync(Teams.CardAction(host.ServiceUrl, user, "request.refresh", data.DeepClone().AsObject(), inChannel: false)))["value"]!.ToJsonString();

        var approver = await ViewOf(Teams.Mehmet);
        var requester = await ViewOf(Teams.Ayse);
        var it = await ViewOf(Teams.Emre);
        var stranger = await ViewOf(OtherStaff);

        Assert.Contains("request.approve", approver, StringComparison.Ordinal);
        Assert.DoesNotContain("request.withdraw", approver, StringComparison.Ordinal);
        Assert.Contains("request.withdraw", requester, StringComparison.Ordinal);
        Assert.DoesNotContain("request.approve", requester, StringComparison.Ordinal);
        Assert.DoesNotContain("request.approve", it, StringComparison.Ordinal);
        Assert.DoesNotContain("DT-", stranger, StringComparison.Ordinal); // "not found": a stranger sees nothing of it
    }

    /// <summary>A fresh request in the state the action needs, and the data its button carries (inputs filled in).</summary>
    private async Task<(long Id, JsonObject Data)> PrepareAsync(string verb)
    {
        var id = await WithScopeAsync(async sp =>
        {
            var submit = sp.GetRequiredService<SubmitRequest>();
            var ayse = await PersonAsync(sp, Teams.Ayse);
            var emre = await PersonAsync(sp, Teams.Emre);
            var ismail = await PersonAsync(sp, Teams.Ismail);
            var mehmet = await PersonAsync(sp, Teams.Mehmet);
            if (verb == "request.advance")
            {
                var line = (await sp.GetRequiredService<IApprovalRepository>().ListBudgetLinesAsync(Istanbul.Year(DateTimeOffset.UtcNow))).Single(l => l.EconomicCode == "03.2");
                var e = await submit.ExpenditureAsync(new ExpenditureCommand(emre, line.Id, [new RequestLine("Toner CF259A", 2, 1_250.50m)], "Yazıcılar için toner", Urgency.Normal));
                await sp.GetRequiredService<DecideApproval>().ExecuteAsync(e.Id, 1, ismail, true, null);
                return e.Id;
            }

            var r = await submit.ChangeAsync(new ChangeRequestCommand(ayse, ayse.UnitId, ChangeKind.NewComputer, [new RequestLine("Dizüstü bilgisayar", 1, null)], "Sahada çalışıyorum", null, Urgency.Normal));
            if (verb != "request.assess")
            {
                await sp.GetRequiredService<AssessChangeRequest>().ExecuteAsync(r.Id, emre, Assessment.FromStock, null, null, null);
            }

            if (verb == "request.deliver")
            {
                await sp.GetRequiredService<DecideApproval>().ExecuteAsync(r.Id, 1, mehmet, true, null);
                await sp.GetRequiredService<DecideApproval>().ExecuteAsync(r.Id, 2, ismail, true, null);
            }

            return r.Id;
        });
        var ayseId = host.Scalar($"SELECT Id FROM People WHERE AadObjectId = '{Teams.Ayse.AadId}'");
        JsonObject data = verb switch
        {
            "request.approve" => new() { ["step"] = 1, ["comment"] = "uygun" },
            "request.reject" => new() { ["step"] = 1, ["comment"] = "gerek yok" },
            "request.withdraw" => new() { ["reason"] = "vazgeçtim" },
            "request.assess" => new() { ["assessment"] = "FromStock" },
            "request.deliver" => new() { ["tags"] = "NB-" + id.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..4], ["model"] = "Lenovo T14", ["holder"] = ayseId.ToString(CultureInfo.InvariantCulture) },
            _ => new() { ["to"] = "PriceResearch" },
        };
        data["requestId"] = id;
        return (id, data);
    }

    private long DecisionCount(long requestId) => host.Scalar($"SELECT COUNT(*) FROM DecisionRecords WHERE RequestId = {requestId}");

    private async Task<long> WithScopeAsync(Func<IServiceProvider, Task<long>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static async Task<Person> PersonAsync(IServiceProvider sp, TestUser user) =>
        await sp.GetRequiredService<IDirectory>().FindByAadIdAsync(user.AadId) ?? throw new InvalidOperationException(user.Name);
}
