using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Common;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Infrastructure;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Tests.Infrastructure;

public sealed class StorageInitializationTests
{
    [Fact]
    public async Task InitializeStorageAsync_RunTwice_SeedsTheMunicipalityOnce()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.Services.InitializeStorageAsync();

        await using var scope = storage.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        Assert.Equal(6, await db.Units.CountAsync());
        Assert.Equal(6, await db.ServiceLocations.CountAsync());
        Assert.Equal(9, await db.People.CountAsync()); // seven people, the deputy mayor and the monitoring account
        Assert.Equal(4, await db.Assets.CountAsync(a => a.Kind == AssetKind.Printer));
        Assert.True(await db.Assets.CountAsync(a => a.Kind == AssetKind.Computer) >= 2);
        Assert.True(File.Exists(storage.DatabasePath));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task InitializeStorageAsync_Seed_GivesPlaygroundUsersTheirRolesAndUnits()
    {
        await using var storage = await TestStorage.CreateAsync();
        await using var scope = storage.Scope();
        var directory = scope.ServiceProvider.GetRequiredService<IDirectory>();
        var units = await directory.ListUnitsAsync();

        var ayse = await TestStorage.PersonAsync(scope.ServiceProvider, TestStorage.Ayse);
        Assert.Equal("Ayşe Yılmaz", ayse.DisplayName);
        Assert.Equal(Role.Staff, ayse.Role);
        Assert.Equal("YIM", units.Single(u => u.Id == ayse.UnitId).Code);
        Assert.Equal("ayse.yilmaz@belediye.local", ayse.Email);

        var deniz = await TestStorage.PersonAsync(scope.ServiceProvider, "00000000-0000-0000-0000-0000000000026");
        Assert.Equal("en-US", deniz.PreferredLocale);
        Assert.Equal("MHM", units.Single(u => u.Id == deniz.UnitId).Code);

        var itStaff = await directory.ListItStaffAsync();
        Assert.Equal(["Emre Kaya", "Zeynep Şahin", "İsmail Işık"], itStaff.Select(p => p.DisplayName));

        var printers = await scope.ServiceProvider.GetRequiredService<IAssetRepository>().ListAsync(AssetKind.Printer, ayse.UnitId, null);
        Assert.Equal(["YZC-0001", "YZC-0004"], printers.Select(p => p.Tag));
        Assert.All(printers, p => Assert.Equal("CF259A", p.CartridgeModel));
    }

    [Fact]
    public async Task InitializeStorageAsync_SeedFalse_LeavesTheDatabaseEmpty()
    {
        await using var storage = await TestStorage.CreateAsync(settings: new Dictionary<string, string?> { ["Storage:Seed"] = "false" });
        await using var scope = storage.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>().People.CountAsync());
    }

    [Fact]
    public async Task InitializeStorageAsync_Sqlite_TurnsOnWriteAheadLogging()
    {
        await using var storage = await TestStorage.CreateAsync();
        await using var scope = storage.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
        Assert.Equal("wal", mode);
    }

    [Theory]
    [InlineData("Oracle", null)]
    [InlineData("SqlServer", null)]
    public async Task StorageOptions_InvalidConfiguration_FailsValidation(string provider, string? connectionString)
    {
        await using var storage = await TestStorage.CreateAsync(initialize: false, settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
        });
        Assert.Throws<OptionsValidationException>(() => storage.Services.GetRequiredService<IOptions<StorageOptions>>().Value);
    }

    [Fact]
    public async Task AddInfrastructure_SqlServerProvider_ResolvesTheSqlServerContext()
    {
        await using var storage = await TestStorage.CreateAsync(initialize: false, settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "SqlServer",
            ["Storage:ConnectionString"] = "Server=localhost;Database=Helpdesk;Integrated Security=true;TrustServerCertificate=true",
        });
        await using var scope = storage.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        Assert.IsType<SqlServerHelpdeskDbContext>(db);
        Assert.False(storage.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ShouldSeed);
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
