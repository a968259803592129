using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpdeskBot.Infrastructure.Persistence.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("Tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Number).HasMaxLength(Lengths.TicketNumber).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(Lengths.Description).IsRequired();
        builder.Property(t => t.Device).HasMaxLength(Lengths.ShortText);
        builder.Property(t => t.PendingReason).HasMaxLength(Lengths.ShortText);
        builder.Property(t => t.ResolutionNote).HasMaxLength(Lengths.ShortText);
        builder.Property(t => t.ChecksTried).HasMaxLength(Lengths.ShortText);
        builder.Property(t => t.ChannelActivityId).HasMaxLength(Lengths.TeamsId);
        builder.Property(t => t.ChannelConversationId).HasMaxLength(Lengths.TeamsId);

        // The domain bumps Version on every change; an UPDATE that finds another version fails instead of overwriting.
        builder.Property(t => t.Version).IsConcurrencyToken();

        builder.Ignore(t => t.IsOpen);
        builder.Ignore(t => t.ChecksTriedList);

        builder.HasIndex(t => t.Number).IsUnique();
        builder.Property(t => t.SourceKey).HasMaxLength(100);
        builder.HasIndex(t => t.SourceKey);
        builder.HasIndex(t => new { t.Year, t.Sequence }).IsUnique();
        builder.HasIndex(t => new { t.RequesterId, t.CreatedAt });
        builder.HasIndex(t => new { t.Status, t.AssigneeId });

        builder.HasMany(t => t.History).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.History).HasField("history").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.RequesterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceLocation>().WithMany().HasForeignKey(t => t.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Asset>().WithMany().HasForeignKey(t => t.AssetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> builder)
    {
        builder.ToTable("TicketEvents");
        builder.HasKey(e => e.Id);

        // A note is kept in full, so the detail is as wide as a description.
        builder.Property(e => e.Detail).HasMaxLength(Lengths.Description);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SelfResolutionConfiguration : IEntityTypeConfiguration<SelfResolution>
{
    public void Configure(EntityTypeBuilder<SelfResolution> builder)
    {
        builder.ToTable("SelfResolutions");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.At);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Asset>().WithMany().HasForeignKey(s => s.AssetId).OnDelete(DeleteBehavior.Restrict);
    }
}
