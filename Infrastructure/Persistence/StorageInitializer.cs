using HelpdeskBot.Infrastructure.Persistence.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema and, if configured, seeds the demo municipality.</summary>
internal sealed partial class StorageInitializer(HelpdeskDbContext db, IOptions<StorageOptions> options, ILogger<StorageInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        var storage = options.Value;
        if (storage.IsSqlite)
        {
            await PrepareSqliteAsync(ct);
        }

        await db.Database.MigrateAsync(ct);
        Migrated(logger, storage.Provider);

        if (storage.ShouldSeed)
        {
            await DemoMunicipality.SeedAsync(db, ct);
            Seeded(logger);
        }
    }

    /// <summary>Creates the file's folder and turns on write-ahead logging (kept in the file), so readers never block the writer.</summary>
    private async Task PrepareSqliteAsync(CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
        if (inMemory)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ({Provider}) is at the current schema")]
    private static partial void Migrated(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo municipality seeded")]
    private static partial void Seeded(ILogger logger);
}
