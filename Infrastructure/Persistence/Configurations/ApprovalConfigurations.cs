using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpdeskBot.Infrastructure.Persistence.Configurations;

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.ToTable("ApprovalRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Number).HasMaxLength(Lengths.TicketNumber).IsRequired();
        builder.Property(r => r.Justification).HasMaxLength(Lengths.Description).IsRequired();
        builder.Property(r => r.AssessmentNote).HasMaxLength(Lengths.ShortText);
        builder.Property(r => r.DeliverySlip).HasMaxLength(50);
        builder.Property(r => r.EstimatedCost).HasPrecision(18, 2);
        builder.Property(r => r.CommittedAmount).HasPrecision(18, 2);
        builder.Property(r => r.DirectPurchaseLimit).HasPrecision(18, 2);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsPurchase);
        builder.Ignore(r => r.Total);
        builder.Ignore(r => r.CurrentStep);
        builder.Ignore(r => r.IsClosed);
        builder.Ignore(r => r.CanWithdraw);
        builder.Ignore(r => r.NextStage);

        // The items, in their own table, kept with the request.
        builder.OwnsMany(r => r.Lines, line =>
        {
            line.ToTable("ApprovalRequestLines");
            line.WithOwner().HasForeignKey("RequestId");
            line.Property<int>("Id");
            line.HasKey("Id");
            line.Property(l => l.Description).HasMaxLength(Lengths.ShortText).IsRequired();
            line.Property(l => l.UnitPrice).HasPrecision(18, 2);
            line.Ignore(l => l.Amount);
        });
        builder.Navigation(r => r.Lines).HasField("lines").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => new { r.Type, r.Year, r.Sequence }).IsUnique();
        builder.HasIndex(r => new { r.RequesterId, r.CreatedAt });
        builder.HasIndex(r => r.Status);

        builder.HasMany(r => r.Steps).WithOne().HasForeignKey("RequestId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Steps).HasField("steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Decisions).WithOne(d => d.Request).HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Decisions).HasField("decisions").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Asset>().WithMany().HasForeignKey(r => r.ReplacedAssetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BudgetLine>().WithMany().HasForeignKey(r => r.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApprovalStepConfiguration : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> builder)
    {
        builder.ToTable("ApprovalSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Capacities).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Comment).HasMaxLength(Lengths.ShortText);
        builder.Ignore(s => s.Kinds);
        builder.HasIndex(s => new { s.State, s.ApproverId });
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.ApproverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.EscalatedToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.OnBehalfOfId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DecisionRecordConfiguration : IEntityTypeConfiguration<DecisionRecord>
{
    public void Configure(EntityTypeBuilder<DecisionRecord> builder)
    {
        builder.ToTable("DecisionRecords");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Comment).HasMaxLength(Lengths.ShortText);
        builder.Property(d => d.Detail).HasMaxLength(Lengths.ShortText);
        builder.HasIndex(d => d.At);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.OnBehalfOfId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApprovalChainStepConfiguration : IEntityTypeConfiguration<ApprovalChainStep>
{
    public void Configure(EntityTypeBuilder<ApprovalChainStep> builder)
    {
        builder.ToTable("ApprovalChainSteps");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.Type, s.Order }).IsUnique();
    }
}

internal sealed class SubstitutionConfiguration : IEntityTypeConfiguration<Substitution>
{
    public void Configure(EntityTypeBuilder<Substitution> builder)
    {
        builder.ToTable("Substitutions");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.PrincipalId);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PrincipalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.SubstituteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpendingAuthorityConfiguration : IEntityTypeConfiguration<SpendingAuthority>
{
    public void Configure(EntityTypeBuilder<SpendingAuthority> builder)
    {
        builder.ToTable("SpendingAuthorities");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.UnitId).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("BudgetLines");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.EconomicCode).HasMaxLength(20).IsRequired();
        builder.Property(b => b.Name).HasMaxLength(Lengths.ShortText).IsRequired();
        builder.Property(b => b.Appropriation).HasPrecision(18, 2);
        builder.Property(b => b.Committed).HasPrecision(18, 2);
        builder.Property(b => b.Spent).HasPrecision(18, 2);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.Remaining);
        builder.Ignore(b => b.Label);
        builder.HasIndex(b => new { b.Year, b.UnitId, b.EconomicCode }).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequestCardPostConfiguration : IEntityTypeConfiguration<RequestCardPost>
{
    public void Configure(EntityTypeBuilder<RequestCardPost> builder)
    {
        builder.ToTable("RequestCardPosts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ConversationId).HasMaxLength(Lengths.TeamsId).IsRequired();
        builder.Property(p => p.ActivityId).HasMaxLength(Lengths.TeamsId).IsRequired();
        builder.HasIndex(p => new { p.RequestId, p.ConversationId }).IsUnique();
        builder.HasOne<ApprovalRequest>().WithMany().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
