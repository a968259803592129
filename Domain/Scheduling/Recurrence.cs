using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Domain.Scheduling;

/// <summary>
/// When a job is due, in Europe/Istanbul wall-clock time. <see cref="LatestDue"/> gives the most recent occurrence at
/// or before a moment: a host that was down runs that one occurrence once when it comes back, not every one it missed.
/// </summary>
public abstract record Recurrence
{
    public abstract DateTimeOffset LatestDue(DateTimeOffset now);

    /// <summary>Every day at a local time, e.g. 07:30.</summary>
    public static Recurrence DailyAt(TimeOnly time) => new Daily(time);

    /// <summary>Every interval, aligned to local midnight (every 15 minutes: :00, :15, :30, :45).</summary>
    public static Recurrence Every(TimeSpan interval) => new Interval(interval);

    private sealed record Daily(TimeOnly Time) : Recurrence
    {
        public override DateTimeOffset LatestDue(DateTimeOffset now)
        {
            var local = Istanbul.ToLocal(now);
            var today = LocalToUtc(DateOnly.FromDateTime(local.DateTime).ToDateTime(Time));
            return today <= now ? today : LocalToUtc(DateOnly.FromDateTime(local.DateTime).AddDays(-1).ToDateTime(Time));
        }
    }

    private sealed record Interval(TimeSpan Step) : Recurrence
    {
        public override DateTimeOffset LatestDue(DateTimeOffset now)
        {
            if (Step <= TimeSpan.Zero)
            {
                throw new InvalidOperationException("A recurrence interval must be positive.");
            }

            var local = Istanbul.ToLocal(now);
            var midnight = LocalToUtc(local.Date);
            var steps = (now - midnight).Ticks / Step.Ticks;
            return midnight + TimeSpan.FromTicks(steps * Step.Ticks);
        }
    }

    private static DateTimeOffset LocalToUtc(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Istanbul.Zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));
}
