using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HelpdeskBot.Infrastructure.Persistence;

/// <summary>The SQLite flavour of the model; its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteHelpdeskDbContext(DbContextOptions<SqliteHelpdeskDbContext> options) : HelpdeskDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no DateTimeOffset type and EF refuses to compare or order one stored as text with an offset.
        // Stored as a fixed-width UTC text, the text order is the time order, so `NextAttemptAt <= now` translates.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetToStringConverter>();
    }
}

/// <summary>Stores a <see cref="DateTimeOffset"/> as sortable UTC text, e.g. <c>2025-03-10 07:15:00.0000000+00:00</c>.</summary>
public sealed class UtcDateTimeOffsetToStringConverter()
    : ValueConverter<DateTimeOffset, string>(
        v => v.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
        v => DateTimeOffset.ParseExact(v, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        new ConverterMappingHints(size: 33))
{
    public const string Format = "yyyy'-'MM'-'dd' 'HH':'mm':'ss'.'fffffff'+00:00'";
}
