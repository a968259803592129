using HelpdeskBot.Domain.Approvals;
using HelpdeskBot.Domain.Assets;
using HelpdeskBot.Domain.Directory;
using HelpdeskBot.Domain.Messaging;
using HelpdeskBot.Domain.Monitoring;
using HelpdeskBot.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HelpdeskBot.Infrastructure.Persistence;

/// <summary>
/// The one EF model for every database we run on. Each provider has a derived context with its own migrations
/// (<see cref="SqliteHelpdeskDbContext"/>, <see cref="SqlServerHelpdeskDbContext"/>); the rest of the app asks for this type.
/// </summary>
public abstract class HelpdeskDbContext : DbContext
{
    /// <summary>Shadow concurrency token on outbox rows: bumped on every update so two senders never both win a lease.</summary>
    internal const string OutboxRevision = "Revision";

    protected HelpdeskDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Person> People => Set<Person>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<ServiceLocation> ServiceLocations => Set<ServiceLocation>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<ConsumableReplacement> ConsumableReplacements => Set<ConsumableReplacement>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<SelfResolution> SelfResolutions => Set<SelfResolution>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();
    public DbSet<ItChannel> ItChannels => Set<ItChannel>();
    public DbSet<ProcessedActivity> ProcessedActivities => Set<ProcessedActivity>();
    public DbSet<DialogStateRecord> DialogStates => Set<DialogStateRecord>();
    public DbSet<BackupTarget> BackupTargets => Set<BackupTarget>();
    public DbSet<Camera> Cameras => Set<Camera>();
    public DbSet<EBelediyeService> EBelediyeServices => Set<EBelediyeService>();
    public DbSet<MonitorState> MonitorStates => Set<MonitorState>();
    public DbSet<MonitorCheck> MonitorChecks => Set<MonitorCheck>();
    public DbSet<ApprovalRequest> ApprovalRequests => Set<ApprovalRequest>();
    public DbSet<DecisionRecord> DecisionRecords => Set<DecisionRecord>();
    public DbSet<ApprovalChainStep> ApprovalChainSteps => Set<ApprovalChainStep>();
    public DbSet<Substitution> Substitutions => Set<Substitution>();
    public DbSet<SpendingAuthority> SpendingAuthorities => Set<SpendingAuthority>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<RequestCardPost> RequestCardPosts => Set<RequestCardPost>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpOutboxRevisions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpOutboxRevisions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads on its own.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HelpdeskDbContext).Assembly);

    private void BumpOutboxRevisions()
    {
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries<DecisionRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            // The audit trail is append-only: a decision, once recorded, is never changed or removed.
            throw new InvalidOperationException("Audit records (DecisionRecords) are append-only.");
        }

        foreach (var entry in ChangeTracker.Entries<OutboxMessage>())
        {
            if (entry.State == EntityState.Modified)
            {
                // From the original value, so a save retried after a failure does not count twice.
                var revision = entry.Property<int>(OutboxRevision);
                revision.CurrentValue = revision.OriginalValue + 1;
            }
        }
    }
}
