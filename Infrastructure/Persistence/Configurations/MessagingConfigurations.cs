using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpdeskBot.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Payload).IsRequired();
        builder.Property(m => m.LeaseOwner).HasMaxLength(Lengths.LeaseOwner);
        builder.Property<int>(HelpdeskDbContext.OutboxRevision).IsConcurrencyToken();
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasOne(m => m.Ticket).WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Request).WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.RecipientPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConversationRecordConfiguration : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> builder)
    {
        builder.ToTable("Conversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ConversationId).HasMaxLength(Lengths.TeamsId).IsRequired();
        builder.Property(c => c.ReferenceJson).IsRequired();
        builder.HasIndex(c => c.ConversationId).IsUnique();
        builder.HasIndex(c => new { c.PersonId, c.Kind });
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ItChannelConfiguration : IEntityTypeConfiguration<ItChannel>
{
    public void Configure(EntityTypeBuilder<ItChannel> builder)
    {
        builder.ToTable("ItChannels");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ConversationId).HasMaxLength(Lengths.TeamsId).IsRequired();
        builder.Property(c => c.TeamId).HasMaxLength(Lengths.TeamsId);
        builder.Property(c => c.ChannelName).HasMaxLength(Lengths.ShortText);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.SetByPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcessedActivityConfiguration : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> builder)
    {
        builder.ToTable("ProcessedActivities");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(Lengths.Key);
        builder.HasIndex(a => a.ReceivedAt);
    }
}

internal sealed class DialogStateRecordConfiguration : IEntityTypeConfiguration<DialogStateRecord>
{
    public void Configure(EntityTypeBuilder<DialogStateRecord> builder)
    {
        builder.ToTable("DialogStates");
        builder.HasKey(d => d.ConversationId);
        builder.Property(d => d.ConversationId).HasMaxLength(Lengths.TeamsId);
        builder.Property(d => d.DialogName).HasMaxLength(Lengths.DialogName).IsRequired();
        builder.Property(d => d.StateJson).IsRequired();

        // The entity bumps Revision on every update: two turns of one conversation cannot both act on the same state.
        builder.Property(d => d.Revision).IsConcurrencyToken();
    }
}
