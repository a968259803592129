using HelpdeskBot.Domain.Scheduling;

namespace HelpdeskBot.Tests.Domain;

public sealed class RecurrenceTests
{
    [Theory]
    [InlineData("2026-12-03T04:29:00Z", "2026-12-02T04:30:00Z")] // 07:29 Istanbul: yesterday's 07:30
    [InlineData("2026-12-03T04:30:00Z", "2026-12-03T04:30:00Z")] // 07:30 Istanbul sharp
    [InlineData("2026-12-03T20:00:00Z", "2026-12-03T04:30:00Z")] // 23:00 Istanbul
    [InlineData("2026-12-03T21:10:00Z", "2026-12-04T04:30:00Z")] // 00:10 Istanbul the next day: that day's 07:30 is not yet due
    public void DailyAt_LatestDue_IsInIstanbulTime(string now, string expected)
    {
        var due = Recurrence.DailyAt(new TimeOnly(7, 30)).LatestDue(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        if (want > DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture))
        {
            want = want.AddDays(-1);
        }

        Assert.Equal(want, due);
    }

    [Fact]
    public void Every15Minutes_AlignedToLocalQuarterHours()
    {
        var due = Recurrence.Every(TimeSpan.FromMinutes(15)).LatestDue(new DateTimeOffset(2026, 12, 3, 6, 44, 59, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 6, 30, 0, TimeSpan.Zero), due);
    }
}
