using System.Globalization;
using HelpdeskBot.Domain.Procurement;

namespace HelpdeskBot.Tests.Domain;

public sealed class DirectPurchaseTests
{
    private static readonly DateOnly InPeriod = new(2026, 6, 15);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-02-01", 1_021_827, 340_391)] // first day of the period
    [InlineData("2026-06-15", 1_021_827, 340_391)]
    [InlineData("2027-01-31", 1_021_827, 340_391)] // last day
    [InlineData("2026-01-31", 800_366, 266_618)] // the day before: the previous period
    [InlineData("2025-02-01", 800_366, 266_618)]
    public void For_FindsThePeriod(string day, int metropolitan, int elsewhere)
    {
        var limit = DirectPurchaseLimit.For(Day(day));
        Assert.NotNull(limit);
        Assert.Equal((metropolitan, elsewhere), ((int)limit.WithinMetropolitan, (int)limit.Elsewhere));
    }

    [Theory]
    [InlineData("2027-02-01")] // the day after the last period: the table was not extended
    [InlineData("2025-01-31")]
    [InlineData("2030-06-01")]
    public void For_NoPeriod_IsNull(string day) => Assert.Null(DirectPurchaseLimit.For(Day(day)));

    [Fact]
    public void Table_PeriodsRunFromFebruaryToJanuary_WithoutGapsOrOverlaps()
    {
        var rows = DirectPurchaseLimit.All;
        Assert.All(rows, r => Assert.Equal((2, 1, 1, 31, r.From.Year + 1), (r.From.Month, r.From.Day, r.To.Month, r.To.Day, r.To.Year)));
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.Equal(rows[i - 1].To.AddDays(1), rows[i].From);
        }
    }

    [Theory]
    [InlineData(true, "1021827", false)] // equal to the limit is within it
    [InlineData(true, "1021827.01", true)]
    [InlineData(true, "1021826.99", false)]
    [InlineData(false, "340391", false)]
    [InlineData(false, "340391.01", true)]
    [InlineData(false, "500000", true)] // within the metropolitan limit, over the other one
    [InlineData(true, "0", false)]
    public void Assess_OverLimit(bool withinMetropolitan, string total, bool over)
    {
        var a = DirectPurchaseRules.Assess(decimal.Parse(total, CultureInfo.InvariantCulture), InPeriod, withinMetropolitan, []);
        Assert.Equal(over, a.OverLimit);
        Assert.False(a.LimitUnknown);
        Assert.False(a.LooksSplit);
        Assert.Equal(withinMetropolitan ? 1_021_827m : 340_391m, a.Limit);
        Assert.Equal(0m, a.RecentTotal);
    }

    [Fact]
    public void Assess_UsesTheLimitOfThePurchaseDay()
    {
        // 900.000 TL was over the metropolitan limit on 31 January 2026 and within it from 1 February.
        Assert.True(DirectPurchaseRules.Assess(900_000m, Day("2026-01-31"), true, []).OverLimit);
        Assert.False(DirectPurchaseRules.Assess(900_000m, Day("2026-02-01"), true, []).OverLimit);
    }

    [Fact]
    public void Assess_DayAfterTheTable_LimitUnknown_NothingFlagged()
    {
        var a = DirectPurchaseRules.Assess(5_000_000m, Day("2027-02-01"), true, [100m, 200m]);
        Assert.Equal(new DirectPurchaseAssessment(null, LimitUnknown: true, OverLimit: false, LooksSplit: false, RecentTotal: 300m), a);
    }

    [Fact]
    public void Assess_WithinLimitButOverTogetherWithRecentOnes_LooksSplit()
    {
        var a = DirectPurchaseRules.Assess(600_000m, InPeriod, true, [300_000m, 200_000m]);
        Assert.Equal(new DirectPurchaseAssessment(1_021_827m, LimitUnknown: false, OverLimit: false, LooksSplit: true, RecentTotal: 500_000m), a);
    }

    [Fact]
    public void Assess_TogetherExactlyAtTheLimit_DoesNotLookSplit()
    {
        var a = DirectPurchaseRules.Assess(140_391m, InPeriod, false, [100_000m, 100_000m]);
        Assert.False(a.LooksSplit);
        Assert.Equal(200_000m, a.RecentTotal);

        var oneKurusMore = DirectPurchaseRules.Assess(140_391.01m, InPeriod, false, [100_000m, 100_000m]);
        Assert.True(oneKurusMore.LooksSplit);
    }

    [Fact]
    public void Assess_SameRecentPurchases_SplitOnlyWhereTheLimitIsLower()
    {
        decimal[] recent = [200_000m];
        Assert.True(DirectPurchaseRules.Assess(200_000m, InPeriod, false, recent).LooksSplit);
        Assert.False(DirectPurchaseRules.Assess(200_000m, InPeriod, true, recent).LooksSplit);
    }

    [Fact]
    public void Assess_OverLimitAlone_IsNotCalledSplit()
    {
        var a = DirectPurchaseRules.Assess(1_100_000m, InPeriod, true, [500_000m]);
        Assert.True(a.OverLimit);
        Assert.False(a.LooksSplit);
        Assert.Equal(500_000m, a.RecentTotal);
    }

    [Fact]
    public void Assess_RefusesNegativeAmounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DirectPurchaseRules.Assess(-1m, InPeriod, true, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => DirectPurchaseRules.Assess(1m, InPeriod, true, [10m, -5m]));
        Assert.Throws<ArgumentNullException>(() => DirectPurchaseRules.Assess(1m, InPeriod, true, null!));
    }
}
