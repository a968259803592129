namespace HelpdeskBot.Infrastructure.Persistence;

/// <summary>Where tickets and the bot's state are kept. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
    public const string DefaultSqliteConnectionString = "Data Source=helpdesk.db";

    /// <summary><c>Sqlite</c> (default) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Required for SQL Server; for SQLite it defaults to <see cref="DefaultSqliteConnectionString"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Seeds the demo municipality at start. Defaults to true for SQLite, false for SQL Server.</summary>
    public bool? Seed { get; set; }

    public bool IsSqlServer => string.Equals(Provider, SqlServer, StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public bool ShouldSeed => Seed ?? IsSqlite;

    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) ? DefaultSqliteConnectionString : ConnectionString;
}

internal sealed class StorageOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<StorageOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!options.IsSqlite && !options.IsSqlServer)
        {
            return Microsoft.Extensions.Options.ValidateOptionsResult.Fail(
                $"{StorageOptions.SectionName}:Provider must be '{StorageOptions.Sqlite}' or '{StorageOptions.SqlServer}' (got '{options.Provider}').");
        }

        if (options.IsSqlServer && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return Microsoft.Extensions.Options.ValidateOptionsResult.Fail(
                $"{StorageOptions.SectionName}:ConnectionString is required when {StorageOptions.SectionName}:Provider is '{StorageOptions.SqlServer}'.");
        }

        return Microsoft.Extensions.Options.ValidateOptionsResult.Success;
    }
}
