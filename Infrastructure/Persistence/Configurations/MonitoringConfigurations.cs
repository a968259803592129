using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HelpdeskBot.Infrastructure.Persistence.Configurations;

/// <summary>Durations are stored as whole seconds or milliseconds: SQL Server's <c>time</c> type stops at 24 hours, and an RPO may be a week.</summary>
internal static class DurationColumns
{
    public static readonly ValueConverter<TimeSpan, long> Seconds = new(v => (long)v.TotalSeconds, v => TimeSpan.FromSeconds(v));
    public static readonly ValueConverter<TimeSpan, int> Milliseconds = new(v => (int)v.TotalMilliseconds, v => TimeSpan.FromMilliseconds(v));
}

internal sealed class BackupTargetConfiguration : IEntityTypeConfiguration<BackupTarget>
{
    public void Configure(EntityTypeBuilder<BackupTarget> builder)
    {
        builder.ToTable("BackupTargets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(InventoryRules.MaxName).IsRequired();
        builder.Property(t => t.Location).HasMaxLength(InventoryRules.MaxLocation).IsRequired();
        builder.Property(t => t.Selector).HasMaxLength(InventoryRules.MaxSelector);
        builder.Property(t => t.Credential).HasMaxLength(InventoryRules.MaxLocation);
        builder.Property(t => t.HostTimeZoneId).HasMaxLength(InventoryRules.MaxTimeZoneId).IsRequired();
        builder.Property(t => t.SecondLocation).HasMaxLength(InventoryRules.MaxLocation);
        builder.Property(t => t.SecondCredential).HasMaxLength(InventoryRules.MaxLocation);
        builder.Property(t => t.Rpo).HasColumnName("RpoSeconds").HasConversion(DurationColumns.Seconds);
        builder.Ignore(t => t.Area);
        builder.Ignore(t => t.EffectiveSecondKind);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CameraConfiguration : IEntityTypeConfiguration<Camera>
{
    public void Configure(EntityTypeBuilder<Camera> builder)
    {
        builder.ToTable("Cameras");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(InventoryRules.MaxName).IsRequired();
        builder.Property(c => c.LocationText).HasMaxLength(Lengths.ShortText);
        builder.Property(c => c.Host).HasMaxLength(InventoryRules.MaxHost).IsRequired();
        builder.Property(c => c.RtspPath).HasMaxLength(InventoryRules.MaxLocation).IsRequired();
        builder.Property(c => c.Username).HasMaxLength(InventoryRules.MaxName);
        builder.Property(c => c.PasswordReference).HasMaxLength(InventoryRules.MaxLocation);
        builder.Ignore(c => c.Area);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EBelediyeServiceConfiguration : IEntityTypeConfiguration<EBelediyeService>
{
    public void Configure(EntityTypeBuilder<EBelediyeService> builder)
    {
        builder.ToTable("EBelediyeServices");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(InventoryRules.MaxName).IsRequired();
        builder.Property(s => s.Url).HasMaxLength(InventoryRules.MaxLocation).IsRequired();
        builder.Property(s => s.ExpectedContent).HasMaxLength(InventoryRules.MaxMarker);
        builder.Property(s => s.LatencyThreshold).HasColumnName("LatencyThresholdMs").HasConversion(DurationColumns.Milliseconds);
        builder.Ignore(s => s.Area);
        builder.Ignore(s => s.Address);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MonitorStateConfiguration : IEntityTypeConfiguration<MonitorState>
{
    public void Configure(EntityTypeBuilder<MonitorState> builder)
    {
        builder.ToTable("MonitorStates");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TargetName).HasMaxLength(InventoryRules.MaxName).IsRequired();
        builder.Property(s => s.LastDetail).HasMaxLength(MonitorState.MaxDetail);
        builder.Property(s => s.LastProblems).HasMaxLength(Lengths.ShortText);
        builder.Ignore(s => s.LastProblemList);

        // Two instances recording the same area at once: one wins, the other reloads and applies its results on top.
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.Area, s.TargetId }).IsUnique();
    }
}

internal sealed class MonitorCheckConfiguration : IEntityTypeConfiguration<MonitorCheck>
{
    public void Configure(EntityTypeBuilder<MonitorCheck> builder)
    {
        builder.ToTable("MonitorChecks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Detail).HasMaxLength(MonitorState.MaxDetail).IsRequired();
        builder.HasIndex(c => new { c.Area, c.TargetId, c.CheckedAt });
        builder.HasIndex(c => c.CheckedAt);
    }
}
