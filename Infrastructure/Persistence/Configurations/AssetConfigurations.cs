using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpdeskBot.Infrastructure.Persistence.Configurations;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.ToTable("Assets");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Tag).HasMaxLength(Lengths.AssetTag).IsRequired();
        builder.Property(a => a.Model).HasMaxLength(Lengths.ShortText).IsRequired();
        builder.Property(a => a.CartridgeModel).HasMaxLength(Lengths.ShortText);
        builder.Ignore(a => a.Label);
        builder.HasIndex(a => a.Tag).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceLocation>().WithMany().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.EntrustedToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Approvals.ApprovalRequest>().WithMany().HasForeignKey(a => a.SourceRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.EntrustedToId);
    }
}

internal sealed class ConsumableReplacementConfiguration : IEntityTypeConfiguration<ConsumableReplacement>
{
    public void Configure(EntityTypeBuilder<ConsumableReplacement> builder)
    {
        builder.ToTable("ConsumableReplacements");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CartridgeModel).HasMaxLength(Lengths.ShortText).IsRequired();
        builder.HasIndex(r => new { r.AssetId, r.ReplacedAt });
        builder.HasOne<Asset>().WithMany().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.TechnicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}
