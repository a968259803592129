using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.Persistence;

/// <summary>Short-lived contexts of the configured provider, for work that must not share the request's unit of work.</summary>
internal sealed class HelpdeskDbContextFactory(IServiceProvider services, IOptions<StorageOptions> options) : IDbContextFactory<HelpdeskDbContext>
{
    public HelpdeskDbContext CreateDbContext() =>
        options.Value.IsSqlServer
            ? services.GetRequiredService<IDbContextFactory<SqlServerHelpdeskDbContext>>().CreateDbContext()
            : services.GetRequiredService<IDbContextFactory<SqliteHelpdeskDbContext>>().CreateDbContext();
}
