using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HelpdeskBot.Infrastructure.Persistence;

/// <summary>For <c>dotnet ef migrations add X --context SqliteHelpdeskDbContext --output-dir Migrations/Sqlite</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHelpdeskDbContext>
{
    public SqliteHelpdeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHelpdeskDbContext>()
            .UseSqlite(StorageOptions.DefaultSqliteConnectionString)
            .Options);
}

/// <summary>For <c>dotnet ef migrations add X --context SqlServerHelpdeskDbContext --output-dir Migrations/SqlServer</c>. Never connects.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerHelpdeskDbContext>
{
    public SqlServerHelpdeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerHelpdeskDbContext>()
            .UseSqlServer("Server=localhost;Database=Helpdesk;Integrated Security=true;TrustServerCertificate=true")
            .Options);
}
