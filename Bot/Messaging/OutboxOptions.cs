using System.ComponentModel.DataAnnotations;

namespace HelpdeskBot.Bot.Messaging;

/// <summary>The background sender (section "Outbox").</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 15;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long to wait before looking again when the IT channel is not set yet.</summary>
    public TimeSpan NoChannelRetry { get; set; } = TimeSpan.FromSeconds(30);
}
