namespace HelpdeskBot.Domain.Procurement;

/// <summary>
/// The ceiling for a direct purchase (doğrudan temin) under Law 4734 article 22/d during one period, in TL excluding
/// VAT. The Public Procurement Authority (KİK) updates the limits by the producer price index every 1 February.
/// </summary>
/// <param name="From">First day of the period (a 1 February).</param>
/// <param name="To">Last day of the period, inclusive (the next 31 January).</param>
/// <param name="WithinMetropolitan">For administrations within the borders of a metropolitan municipality.</param>
/// <param name="Elsewhere">For all other administrations.</param>
public sealed record DirectPurchaseLimit(DateOnly From, DateOnly To, decimal WithinMetropolitan, decimal Elsewhere)
{
    /// <summary>
    /// The limits by period. They change every 1 February (KİK's communiqué in the Official Gazette, late January):
    /// add the new row then, or <see cref="For"/> returns null and purchases are assessed with the limit unknown.
    /// </summary>
    public static IReadOnlyList<DirectPurchaseLimit> All { get; } =
    [
        new(new DateOnly(2025, 2, 1), new DateOnly(2026, 1, 31), 800_366m, 266_618m),
        new(new DateOnly(2026, 2, 1), new DateOnly(2027, 1, 31), 1_021_827m, 340_391m),
    ];

    /// <summary>The limit in force on a day; null when the table has no period for it.</summary>
    public static DirectPurchaseLimit? For(DateOnly day) => All.FirstOrDefault(l => l.From <= day && day <= l.To);

    /// <summary>The limit that applies to an administration within a metropolitan municipality or elsewhere.</summary>
    public decimal Applicable(bool withinMetropolitan) => withinMetropolitan ? WithinMetropolitan : Elsewhere;
}

/// <summary>What the direct-purchase check found for one purchase.</summary>
/// <param name="Limit">The applicable limit; null when <paramref name="LimitUnknown"/>.</param>
/// <param name="LimitUnknown">No limit is known for the purchase date (the table was not extended): nothing could be checked.</param>
/// <param name="OverLimit">The purchase alone exceeds the limit: it cannot be a direct purchase under 22/d.</param>
/// <param name="LooksSplit">
/// The purchase alone is within the limit, but together with the recent direct purchases on the same budget line it
/// exceeds it: possibly one need split into parts to stay under the limit, which the law forbids (article 12).
/// </param>
/// <param name="RecentTotal">The sum of the recent same-line purchases passed in.</param>
public sealed record DirectPurchaseAssessment(decimal? Limit, bool LimitUnknown, bool OverLimit, bool LooksSplit, decimal RecentTotal);

/// <summary>Checks a purchase request against the 22/d direct-purchase limit, so IT sees the problem before finance does.</summary>
public static class DirectPurchaseRules
{
    /// <summary>
    /// Assesses a direct purchase of <paramref name="total"/> TL (excluding VAT) made on <paramref name="day"/>.
    /// Equal to the limit is within it.
    /// </summary>
    /// <param name="withinMetropolitan">Whether the administration is within a metropolitan municipality's borders.</param>
    /// <param name="recentSameLineTotals">
    /// The totals (excluding VAT) of the other direct purchases on the same budget line in the 30 days before
    /// <paramref name="day"/>, not including this one. Choosing that window and line is the caller's job; the rule
    /// only adds them up.
    /// </param>
    public static DirectPurchaseAssessment Assess(decimal total, DateOnly day, bool withinMetropolitan, IEnumerable<decimal> recentSameLineTotals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentNullException.ThrowIfNull(recentSameLineTotals);

        var recent = 0m;
        foreach (var amount in recentSameLineTotals)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(amount, nameof(recentSameLineTotals));
            recent += amount;
        }

        if (DirectPurchaseLimit.For(day) is not { } row)
        {
            return new DirectPurchaseAssessment(null, LimitUnknown: true, OverLimit: false, LooksSplit: false, recent);
        }

        var limit = row.Applicable(withinMetropolitan);
        var over = total > limit;
        return new DirectPurchaseAssessment(limit, LimitUnknown: false, over, LooksSplit: !over && total + recent > limit, recent);
    }
}
