using HelpdeskBot.Bot.Jobs;
using HelpdeskBot.Bot.Monitoring;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Infrastructure.GraphDirectory;
using HelpdeskBot.Infrastructure.Persistence;
using HelpdeskBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Tests.GraphDirectory;

/// <summary>
/// <see cref="GraphDirectorySync"/> on the real SQLite storage (seeded municipality), with the real Graph SDK client
/// against <see cref="LocalGraph"/>; everything resolved from the container as the host would.
/// </summary>
public sealed class GraphDirectorySyncTests : IAsyncLifetime
{
    private const string Ayse = "00000000-0000-0000-0000-0000000000020";
    private const string Emre = "00000000-0000-0000-0000-0000000000021";
    private const string Zeynep = "00000000-0000-0000-0000-0000000000022";
    private const string Mehmet = "00000000-0000-0000-0000-0000000000023";
    private const string Ismail = "00000000-0000-0000-0000-0000000000024";
    private const string Fatma = "00000000-0000-0000-0000-0000000000025";
    private const string Deniz = "00000000-0000-0000-0000-0000000000026";
    private const string Hakan = "00000000-0000-0000-0000-0000000000027";
    private const string Selin = "5c0e1f2a-3b4c-4d5e-8f60-718293a4b5c6";

    private const string DirectorGroup = "a1000000-0000-0000-0000-00000000d1r0";
    private const string TechniciansGroup = "a2000000-0000-0000-0000-00000000tec0";
    private const string ManagersGroup = "a3000000-0000-0000-0000-00000000mgr0";

    private LocalGraph graph = null!;
    private TestStorage storage = null!;

    public async Task InitializeAsync()
    {
        graph = await LocalGraph.StartAsync();
        graph.AddUser(Ayse, "Ayşe Yılmaz", "ayse.yilmaz", "Yazı İşleri Müdürlüğü");
        graph.AddUser(Emre, "Emre Kaya", "emre.kaya", "Bilgi İşlem Müdürlüğü");
        graph.AddUser(Zeynep, "Zeynep Şahin", "zeynep.sahin", "Bilgi İşlem Müdürlüğü");
        graph.AddUser(Mehmet, "Mehmet Demir", "mehmet.demir", "Yazı İşleri Müdürlüğü");
        graph.AddUser(Ismail, "İsmail Işık", "ismail.isik", "Bilgi İşlem Müdürlüğü");
        graph.AddUser(Fatma, "Fatma Çelik", "fatma.celik", "Bilgi İşlem Müdürlüğü");
        graph.AddUser(Deniz, "Deniz Arslan", "deniz.arslan", "Mali Hizmetler Müdürlüğü");
        graph.AddUser(Hakan, "Hakan Öztürk", "hakan.ozturk", null);
        graph.AddUser(Selin, "Selin Aydın", "selin.aydin", "mali hizmetler müdürlüğü");
        foreach (var (person, manager) in new[] { (Ayse, Mehmet), (Emre, Ismail), (Zeynep, Ismail), (Fatma, Ismail), (Mehmet, Hakan), (Ismail, Hakan) })
        {
            graph.SetManager(person, manager);
        }

        storage = await TestStorage.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Graph:ClientId"] = "test-client",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:MaxRetries"] = "1",
            ["Graph:MaxRetryWait"] = "00:00:10",
            ["Graph:ItDirectorGroupId"] = DirectorGroup,
            ["Graph:ItTechniciansGroupId"] = TechniciansGroup,
            ["Graph:UnitManagersGroupId"] = ManagersGroup,
        });
        graph.SetGroup(DirectorGroup, [Ismail]);
        graph.SetGroup(TechniciansGroup, [Emre, Zeynep], [Fatma]);
        graph.SetGroup(ManagersGroup, [Mehmet, Hakan]);
    }

    public async Task DisposeAsync()
    {
        await storage.DisposeAsync();
        await graph.DisposeAsync();
    }

    [Fact]
    public async Task SyncPersonAsync_ChangedProfile_UpdatesNameMailUnitAndManager()
    {
        graph.AddUser(Ayse, "Ayşe Yılmaz Kaya", "ayse.kaya", "MALİ HİZMETLER MÜDÜRLÜĞÜ", withMail: false);
        graph.SetManager(Ayse, Deniz);

        var result = await SyncPersonAsync(Ayse);

        Assert.Equal(PersonSyncResult.Updated, result);
        var ayse = await PersonAsync(Ayse);
        Assert.Equal("Ayşe Yılmaz Kaya", ayse.DisplayName);
        Assert.Equal("ayse.kaya@belediye.bel.tr", ayse.Email); // no mail: the user principal name
        Assert.Equal(await UnitIdAsync("MHM"), ayse.UnitId);
        Assert.Equal((await PersonAsync(Deniz)).Id, ayse.ManagerId);
        Assert.Equal(Role.Staff, ayse.Role);
        Assert.Equal(PersonSyncResult.Unchanged, await SyncPersonAsync(Ayse));
    }

    [Theory]
    [InlineData("fen işleri müdürlüğü", "FIM")] // Turkish i/İ: equal only under tr-TR
    [InlineData("bım", "BIM")] // the code, Turkish ı/I
    [InlineData(" Zabıta Müdürlüğü ", "ZAB")]
    public async Task SyncPersonAsync_DepartmentMatchesUnitNameOrCodeTurkishAware(string department, string unitCode)
    {
        graph.AddUser(Deniz, "Deniz Arslan", "deniz.arslan", department);

        await SyncPersonAsync(Deniz);

        Assert.Equal(await UnitIdAsync(unitCode), (await PersonAsync(Deniz)).UnitId);
    }

    [Fact]
    public async Task SyncPersonAsync_DepartmentWithoutUnit_KeepsUnit()
    {
        graph.AddUser(Deniz, "Deniz Arslan", "deniz.arslan", "Park ve Bahçeler Müdürlüğü");

        await SyncPersonAsync(Deniz);

        Assert.Equal(await UnitIdAsync("MHM"), (await PersonAsync(Deniz)).UnitId);
    }

    [Fact]
    public async Task SyncPersonAsync_ManagerOnlyGraphKnows_AddsThemAsPerson()
    {
        graph.SetManager(Deniz, Selin);

        await SyncPersonAsync(Deniz);

        var selin = await PersonAsync(Selin);
        Assert.Equal("Selin Aydın", selin.DisplayName);
        Assert.Equal("selin.aydin@belediye.bel.tr", selin.Email);
        Assert.Equal(Role.Staff, selin.Role);
        Assert.Equal(await UnitIdAsync("MHM"), selin.UnitId);
        Assert.Equal(selin.Id, (await PersonAsync(Deniz)).ManagerId);
    }

    [Fact]
    public async Task SyncPersonAsync_NoManagerInGraph_ClearsManager()
    {
        Assert.NotNull((await PersonAsync(Ayse)).ManagerId);
        graph.RemoveManager(Ayse);

        var result = await SyncPersonAsync(Ayse);

        Assert.Equal(PersonSyncResult.Updated, result);
        Assert.Null((await PersonAsync(Ayse)).ManagerId);
        Assert.Contains(graph.Requests, r => r.Path == $"/v1.0/users/{Ayse}/manager" && r.Status == 404);
    }

    [Fact]
    public async Task SyncAllAsync_RoleGroups_ReadOnceAcrossPagesAndDecideRoles()
    {
        var summary = await SyncAllAsync();

        Assert.True(summary.RolesSynced);
        Assert.Equal(Role.ItDirector, (await PersonAsync(Ismail)).Role);
        Assert.Equal(Role.ItTechnician, (await PersonAsync(Emre)).Role);
        Assert.Equal(Role.ItTechnician, (await PersonAsync(Zeynep)).Role);
        Assert.Equal(Role.ItTechnician, (await PersonAsync(Fatma)).Role); // a clerk the technicians group names, on its second page
        Assert.Equal(Role.UnitManager, (await PersonAsync(Mehmet)).Role);
        Assert.Equal(Role.Staff, (await PersonAsync(Ayse)).Role);
        Assert.Equal(Role.System, (await PersonAsync(SystemAccounts.MonitoringAadObjectId)).Role);
        Assert.DoesNotContain(graph.Requests, r => r.Path.Contains(SystemAccounts.MonitoringAadObjectId, StringComparison.Ordinal));
        var technicianPages = graph.Requests.Where(r => r.Path == $"/v1.0/groups/{TechniciansGroup}/members").ToList();
        Assert.Equal(2, technicianPages.Count);
        Assert.Contains("page2", technicianPages[1].Query, StringComparison.Ordinal);
        Assert.Single(graph.Requests, r => r.Path == $"/v1.0/groups/{DirectorGroup}/members");
        // Graph's mail differs from the seeded one for everybody; a second run finds nothing to change.
        Assert.Equal(new DirectorySyncSummary(Updated: 8, Unchanged: 0, NotFound: 0, Failed: 0, ManagersCreated: 0, RolesSynced: true), summary);
        Assert.Equal(new DirectorySyncSummary(Updated: 0, Unchanged: 8, NotFound: 0, Failed: 0, ManagersCreated: 0, RolesSynced: true), await SyncAllAsync());
    }

    [Fact]
    public async Task SyncAllAsync_LeftTheGroup_TechnicianBecomesStaffAndClerkOutsideGroupsStaysClerk()
    {
        graph.SetGroup(TechniciansGroup, [Emre]);

        await SyncAllAsync();

        Assert.Equal(Role.Staff, (await PersonAsync(Zeynep)).Role);
        Assert.Equal(Role.Clerk, (await PersonAsync(Fatma)).Role);
        Assert.Equal(Role.ItTechnician, (await PersonAsync(Emre)).Role);
    }

    [Fact]
    public async Task SyncAllAsync_OnePersonThrottled_OthersStillSynced()
    {
        graph.FailNext($"/v1.0/users/{Emre}", 429, count: 100, retryAfter: "1");
        graph.AddUser(Emre, "Emre Kaya (yeni)", "emre.kaya", "Bilgi İşlem Müdürlüğü");
        graph.AddUser(Deniz, "Deniz Arslan Yıldız", "deniz.arslan", "Mali Hizmetler Müdürlüğü");
        graph.AddUser(Zeynep, "Zeynep Şahin Ak", "zeynep.sahin", "Bilgi İşlem Müdürlüğü");

        var summary = await SyncAllAsync();

        Assert.Equal(1, summary.Failed);
        Assert.Equal("Emre Kaya", (await PersonAsync(Emre)).DisplayName);
        Assert.Equal("Deniz Arslan Yıldız", (await PersonAsync(Deniz)).DisplayName);
        Assert.Equal("Zeynep Şahin Ak", (await PersonAsync(Zeynep)).DisplayName);
        Assert.Equal(2, graph.Requests.Count(r => r.Path == $"/v1.0/users/{Emre}" && r.Status == 429)); // the try and one retry
        Assert.Equal(8, summary.Total);
    }

    [Fact]
    public async Task SyncPersonAsync_PersonUnknownToGraph_LeftUnchanged()
    {
        graph.RemoveUser(Deniz);
        var before = await PersonAsync(Deniz);

        var result = await SyncPersonAsync(Deniz);

        Assert.Equal(PersonSyncResult.NotFound, result);
        var after = await PersonAsync(Deniz);
        Assert.Equal((before.DisplayName, before.Email, before.Role, before.UnitId, before.ManagerId), (after.DisplayName, after.Email, after.Role, after.UnitId, after.ManagerId));
        Assert.Equal("deniz.arslan@belediye.local", after.Email);
    }

    [Fact]
    public async Task SyncAllAsync_UnknownPeopleCountedAsNotFound()
    {
        await using (var scope = storage.Scope())
        {
            scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>().People.Add(new Person("9f9f9f9f-0000-0000-0000-00000000dead", "Ayrılan Personel", Role.ItTechnician, null));
            await scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>().SaveChangesAsync();
        }

        var summary = await SyncAllAsync();

        Assert.Equal(1, summary.NotFound);
        var gone = await PersonAsync("9f9f9f9f-0000-0000-0000-00000000dead");
        Assert.Equal(("Ayrılan Personel", Role.ItTechnician), (gone.DisplayName, gone.Role));
    }

    [Fact]
    public async Task SyncAllAsync_GroupUnreadable_LeavesRolesAndSyncsProfiles()
    {
        graph.FailNext($"/v1.0/groups/{ManagersGroup}/members", 503, count: 100, retryAfter: "1");
        graph.SetGroup(TechniciansGroup, [Emre]);
        graph.AddUser(Zeynep, "Zeynep Şahin Ak", "zeynep.sahin", "Bilgi İşlem Müdürlüğü");

        var summary = await SyncAllAsync();

        Assert.False(summary.RolesSynced);
        Assert.Equal(0, summary.Failed);
        var zeynep = await PersonAsync(Zeynep);
        Assert.Equal(Role.ItTechnician, zeynep.Role);
        Assert.Equal("Zeynep Şahin Ak", zeynep.DisplayName);
    }

    /// <summary>Each group: "in" (configured, a member), "out" (configured, not a member), "-" (not configured).</summary>
    [Theory]
    [InlineData(Role.Clerk, "out", "out", "out", Role.Clerk)]
    [InlineData(Role.Clerk, "out", "out", "in", Role.UnitManager)]
    [InlineData(Role.Staff, "out", "in", "in", Role.ItTechnician)]
    [InlineData(Role.Staff, "in", "in", "in", Role.ItDirector)]
    [InlineData(Role.ItTechnician, "out", "out", "out", Role.Staff)]
    [InlineData(Role.UnitManager, "out", "out", "-", Role.UnitManager)] // no managers group: the role is managed locally
    [InlineData(Role.ItDirector, "-", "in", "-", Role.ItDirector)] // no director group: not demoted by the technicians group
    [InlineData(Role.ItDirector, "out", "in", "-", Role.ItTechnician)]
    [InlineData(Role.System, "in", "out", "out", Role.System)]
    public void DecideRole_FollowsGroupPrecedenceAndKeepsLocallyManagedRoles(Role current, string director, string technicians, string managers, Role expected)
    {
        const string id = "0f0f0f0f-0000-0000-0000-000000000001";
        static IReadOnlySet<string>? Group(string state) => state switch
        {
            "in" => new HashSet<string> { id },
            "out" => new HashSet<string> { "someone-else" },
            _ => null,
        };

        Assert.Equal(expected, GraphDirectorySync.DecideRole(current, id, new RoleGroups(Group(director), Group(technicians), Group(managers))));
    }

    [Fact]
    public void DecideRole_NoGroupsConfigured_KeepsRole() =>
        Assert.Equal(Role.ItTechnician, GraphDirectorySync.DecideRole(Role.ItTechnician, Emre, groups: null));

    [Fact]
    public async Task DirectorySyncJob_TwoHostsSameOccurrence_SyncsOnce()
    {
        graph.AddUser(Ayse, "Ayşe Yılmaz Kaya", "ayse.yilmaz", "Yazı İşleri Müdürlüğü");

        for (var host = 0; host < 2; host++)
        {
            await using var scope = storage.Scope();
            var sp = scope.ServiceProvider;
            var job = new DirectorySyncJob(new OccurrenceGate(sp.GetRequiredService<IActivityLedger>(), storage.Clock),
                Options.Create(new MonitoringScheduleOptions()), sp.GetRequiredService<GraphDirectorySync>());
            await job.Invoke();
        }

        Assert.Equal("Ayşe Yılmaz Kaya", (await PersonAsync(Ayse)).DisplayName);
        Assert.Single(graph.Requests, r => r.Path == $"/v1.0/users/{Ayse}");
    }

    [Fact]
    public async Task DirectorySyncJob_WithoutGraph_DoesNothing()
    {
        await using var scope = storage.Scope();
        var job = new DirectorySyncJob(new OccurrenceGate(scope.ServiceProvider.GetRequiredService<IActivityLedger>(), storage.Clock),
            Options.Create(new MonitoringScheduleOptions()));

        await job.Invoke();

        Assert.False(job.IsActive);
        Assert.Empty(graph.Requests);
    }

    private async Task<PersonSyncResult> SyncPersonAsync(string aadObjectId)
    {
        await using var scope = storage.Scope();
        return await scope.ServiceProvider.GetRequiredService<GraphDirectorySync>().SyncPersonAsync(aadObjectId);
    }

    private async Task<DirectorySyncSummary> SyncAllAsync()
    {
        await using var scope = storage.Scope();
        return await scope.ServiceProvider.GetRequiredService<GraphDirectorySync>().SyncAllAsync();
    }

    private async Task<Person> PersonAsync(string aadObjectId)
    {
        await using var scope = storage.Scope();
        return await TestStorage.PersonAsync(scope.ServiceProvider, aadObjectId);
    }

    private async Task<int> UnitIdAsync(string code)
    {
        await using var scope = storage.Scope();
        return (await scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>().Units.SingleAsync(u => u.Code == code)).Id;
    }
}
