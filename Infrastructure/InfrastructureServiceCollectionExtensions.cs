using HelpdeskBot.Domain.Common;
using HelpdeskBot.Infrastructure.GraphDirectory;
using HelpdeskBot.Infrastructure.Monitoring;
using HelpdeskBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>
    /// Storage (SQLite or SQL Server, per <c>Storage:Provider</c>), the domain's ports over it, and the bot's stores.
    /// The app asks for <see cref="HelpdeskDbContext"/> (scoped); the ports share it, so one save commits a change with its outbox rows.
    /// The Microsoft Graph directory joins when <c>Graph:ClientId</c> is set (see <see cref="GraphDirectoryServiceCollectionExtensions.AddGraphDirectory"/>).
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        // Both providers are registered; the options, read when a context is first needed, pick one.
        services.AddDbContextFactory<SqliteHelpdeskDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<IOptions<StorageOptions>>().Value.EffectiveConnectionString));
        services.AddDbContextFactory<SqlServerHelpdeskDbContext>((sp, options) =>
            options.UseSqlServer(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString,
                sql => sql.EnableRetryOnFailure()));
        services.TryAddSingleton<IDbContextFactory<HelpdeskDbContext>, HelpdeskDbContextFactory>();
        services.TryAddScoped<HelpdeskDbContext>(sp => sp.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContext());

        services.TryAddScoped<IUnitOfWork, EfUnitOfWork>();
        services.TryAddScoped<IDirectory, EfDirectory>();
        services.TryAddScoped<IAssetRepository, EfAssetRepository>();
        services.TryAddScoped<ITicketRepository, EfTicketRepository>();
        services.TryAddScoped<IApprovalRepository, EfApprovalRepository>();
        services.TryAddScoped<Audit.AuditExport>();

        // 4734 art. 22/d has two limits: within a metropolitan municipality's borders, or elsewhere.
        services.TryAddSingleton(new Domain.Approvals.ProcurementSettings(configuration.GetValue("Procurement:WithinMetropolitan", true)));
        services.TryAddScoped<IOutbox, EfOutbox>();
        services.TryAddScoped<IDialogStateRepository, EfDialogStateRepository>();
        services.TryAddScoped<IOutboxStore, EfOutboxStore>();

        services.TryAddSingleton<IConversationStore, EfConversationStore>();
        services.TryAddSingleton<IActivityLedger, EfActivityLedger>();

        services.TryAddScoped<StorageInitializer>();
        services.AddMonitoring(configuration);
        services.AddGraphDirectory(configuration);
        return services;
    }

    /// <summary>Migrates the database to the current schema and seeds the demo municipality when <c>Storage:Seed</c> says so. Call once at start.</summary>
    public static async Task InitializeStorageAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StorageInitializer>().InitializeAsync(ct);
    }
}
