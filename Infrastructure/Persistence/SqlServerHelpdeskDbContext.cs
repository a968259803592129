using Microsoft.EntityFrameworkCore;

namespace HelpdeskBot.Infrastructure.Persistence;

/// <summary>The SQL Server flavour of the model; its migrations are in Migrations/SqlServer.</summary>
public sealed class SqlServerHelpdeskDbContext(DbContextOptions<SqlServerHelpdeskDbContext> options) : HelpdeskDbContext(options);
