using HelpdeskBot.Domain.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpdeskBot.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.AadObjectId).HasMaxLength(Lengths.AadObjectId).IsRequired();
        builder.Property(p => p.DisplayName).HasMaxLength(Lengths.ShortText).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(Lengths.Email);
        builder.Property(p => p.PreferredLocale).HasMaxLength(Lengths.Locale);
        builder.Ignore(p => p.IsItStaff);
        builder.HasIndex(p => p.AadObjectId).IsUnique();
        builder.HasIndex(p => p.Role);
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("Units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Code).HasMaxLength(Lengths.UnitCode).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(Lengths.ShortText).IsRequired();
        builder.HasIndex(u => u.Code).IsUnique();
    }
}

internal sealed class ServiceLocationConfiguration : IEntityTypeConfiguration<ServiceLocation>
{
    public void Configure(EntityTypeBuilder<ServiceLocation> builder)
    {
        builder.ToTable("ServiceLocations");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Name).HasMaxLength(Lengths.ShortText).IsRequired();
        builder.HasOne<Unit>().WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
