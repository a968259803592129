using System.Globalization;
using HelpdeskBot.Domain.Calendar;
using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Tests.Domain;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    /// <summary>An Istanbul wall-clock time as the instant it is, converted through the time zone.</summary>
    private static DateTimeOffset Ist(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Istanbul.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Theory]
    [InlineData("2026-04-13", true)] // Monday
    [InlineData("2026-04-17", true)] // Friday
    [InlineData("2026-04-18", false)] // Saturday
    [InlineData("2026-04-19", false)] // Sunday
    [InlineData("2026-01-01", false)] // Yılbaşı (Thursday)
    [InlineData("2026-01-02", true)]
    [InlineData("2026-04-23", false)] // 23 Nisan (Thursday)
    [InlineData("2026-05-01", false)] // 1 Mayıs (Friday)
    [InlineData("2026-05-19", false)] // 19 Mayıs (Tuesday)
    [InlineData("2026-07-15", false)] // 15 Temmuz (Wednesday)
    [InlineData("2026-10-28", true)] // Cumhuriyet Bayramı eve: the morning is worked
    [InlineData("2026-10-29", false)] // Cumhuriyet Bayramı (Thursday)
    [InlineData("2026-10-30", true)]
    [InlineData("2026-03-19", true)] // Ramazan Bayramı eve (Thursday): half day
    [InlineData("2026-03-20", false)] // Ramazan Bayramı 1st day (Friday)
    [InlineData("2026-03-23", true)]
    [InlineData("2026-05-26", true)] // Kurban Bayramı eve (Tuesday): half day
    [InlineData("2026-05-27", false)]
    [InlineData("2026-05-28", false)]
    [InlineData("2026-05-29", false)]
    [InlineData("2026-06-01", true)]
    [InlineData("2027-03-08", true)] // Ramazan Bayramı 2027 eve (Monday)
    [InlineData("2027-03-09", false)]
    [InlineData("2027-03-10", false)]
    [InlineData("2027-03-11", false)]
    [InlineData("2027-03-12", true)]
    [InlineData("2027-05-17", false)] // Kurban Bayramı 2027, 2nd day (Monday)
    [InlineData("2027-05-18", false)]
    [InlineData("2027-05-19", false)] // 4th day and 19 Mayıs at once
    [InlineData("2027-05-20", true)]
    [InlineData("2025-03-31", false)] // Ramazan Bayramı 2025, 2nd day (Monday)
    [InlineData("2025-04-01", false)]
    [InlineData("2025-04-02", true)]
    [InlineData("2025-06-05", true)] // Kurban Bayramı 2025 eve (Thursday)
    [InlineData("2025-06-06", false)]
    [InlineData("2025-06-09", false)]
    [InlineData("2025-06-10", true)]
    [InlineData("2030-05-01", false)] // national holidays apply in years the table does not cover
    [InlineData("2030-05-02", true)]
    public void IsWorkingDay(string day, bool expected) => Assert.Equal(expected, Calendar.IsWorkingDay(Day(day)));

    [Theory]
    [InlineData("2026-04-13", "08:30", "17:30")]
    [InlineData("2026-10-28", "08:30", "13:00")]
    [InlineData("2026-03-19", "08:30", "13:00")]
    [InlineData("2026-05-26", "08:30", "13:00")]
    [InlineData("2027-03-08", "08:30", "13:00")]
    [InlineData("2025-06-05", "08:30", "13:00")]
    public void HoursOn_HalfDaysEndAt13(string day, string opens, string closes)
    {
        var hours = Calendar.HoursOn(Day(day));
        Assert.Equal((TimeOnly.Parse(opens, CultureInfo.InvariantCulture), TimeOnly.Parse(closes, CultureInfo.InvariantCulture)), hours);
    }

    [Fact]
    public void HoursOn_NonWorkingDay_IsNull()
    {
        Assert.Null(Calendar.HoursOn(Day("2026-04-18")));
        Assert.Null(Calendar.HoursOn(Day("2026-10-29")));
    }

    [Fact]
    public void HolidayOn_NamesTheDay_AndTheFullHolidayWinsOverAnEve()
    {
        Assert.Equal(new PublicHoliday(Day("2026-10-28"), "Cumhuriyet Bayramı arifesi", HalfDay: true), WorkingCalendar.HolidayOn(Day("2026-10-28")));
        Assert.Equal("Kurban Bayramı 1. gün", WorkingCalendar.HolidayOn(Day("2026-05-27"))?.Name);
        Assert.Null(WorkingCalendar.HolidayOn(Day("2026-04-13")));

        // 2027-05-19 is both 19 Mayıs and Kurban Bayramı's 4th day; neither is a half day.
        var may19 = WorkingCalendar.HolidayOn(Day("2027-05-19"));
        Assert.NotNull(may19);
        Assert.False(may19.HalfDay);
    }

    [Fact]
    public void HolidaysOf_2026_HasEveryDayOff()
    {
        var days = WorkingCalendar.HolidaysOf(2026);
        Assert.Equal(
            [
                "2026-01-01", "2026-03-19½", "2026-03-20", "2026-03-21", "2026-03-22", "2026-04-23", "2026-05-01", "2026-05-19",
                "2026-05-26½", "2026-05-27", "2026-05-28", "2026-05-29", "2026-05-30", "2026-07-15", "2026-08-30", "2026-10-28½",
                "2026-10-29",
            ],
            days.Select(d => d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (d.HalfDay ? "½" : string.Empty)));
    }

    [Theory]
    [InlineData(2025, true)]
    [InlineData(2026, true)]
    [InlineData(2027, true)]
    [InlineData(2024, false)]
    [InlineData(2028, false)]
    public void Covers_OnlyYearsWithReligiousHolidays(int year, bool expected) => Assert.Equal(expected, Calendar.Covers(year));

    [Fact]
    public void HolidaysOf_UncoveredYear_HasOnlyTheNationalHolidays()
    {
        var days = WorkingCalendar.HolidaysOf(2028);
        Assert.Equal(8, days.Count); // seven national holidays and the 28 October eve
        Assert.DoesNotContain(days, d => d.Name.Contains("Ramazan", StringComparison.Ordinal) || d.Name.Contains("Kurban", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-04-13T05:30:00Z", "2026-04-13T14:30:00Z", 540)] // Monday 08:30–17:30 local: a full day
    [InlineData("2026-04-13T05:00:00Z", "2026-04-13T06:00:00Z", 30)] // 08:00–09:00 local: only from 08:30
    [InlineData("2026-04-13T05:29:00Z", "2026-04-13T05:31:00Z", 1)]
    [InlineData("2026-04-13T14:00:00Z", "2026-04-13T15:00:00Z", 30)] // 17:00–18:00 local: only until 17:30
    [InlineData("2026-04-12T20:00:00Z", "2026-04-13T06:00:00Z", 30)] // Sunday 23:00 to Monday 09:00 local
    [InlineData("2026-04-10T15:00:00Z", "2026-04-13T06:00:00Z", 30)] // Friday 18:00 to Monday 09:00 local
    [InlineData("2026-04-10T14:00:00Z", "2026-04-13T06:00:00Z", 60)] // Friday 17:00 to Monday 09:00 local
    [InlineData("2026-04-13T05:30:00Z", "2026-04-20T05:30:00Z", 2700)] // a whole plain week: 5 × 9 h
    [InlineData("2026-04-20T05:30:00Z", "2026-04-27T05:30:00Z", 2160)] // the week of 23 Nisan: 4 × 9 h
    [InlineData("2026-10-26T05:30:00Z", "2026-11-02T05:30:00Z", 1890)] // 28 Oct half (4.5 h), 29 Oct off: 3 × 9 h + 4.5 h
    [InlineData("2026-03-16T05:30:00Z", "2026-03-23T05:30:00Z", 1890)] // Ramazan Bayramı week: 3 × 9 h + 4.5 h
    [InlineData("2026-05-25T05:30:00Z", "2026-06-01T05:30:00Z", 810)] // Kurban Bayramı week: 9 h + 4.5 h
    [InlineData("2026-04-13T10:00:00Z", "2026-04-13T10:00:00Z", 0)]
    [InlineData("2026-04-13T11:00:00Z", "2026-04-13T10:00:00Z", 0)] // backwards: nothing
    public void WorkingTimeBetween(string from, string to, int expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), Calendar.WorkingTimeBetween(Utc(from), Utc(to)));

    [Fact]
    public void WorkingTimeBetween_TheOffsetOfTheInputsDoesNotMatter()
    {
        var fromUtc = Utc("2026-04-10T14:00:00Z");
        var toUtc = Utc("2026-04-13T06:00:00Z");
        var expected = Calendar.WorkingTimeBetween(fromUtc, toUtc);
        Assert.Equal(expected, Calendar.WorkingTimeBetween(fromUtc.ToOffset(TimeSpan.FromHours(3)), toUtc.ToOffset(TimeSpan.FromHours(-5))));
        Assert.Equal(TimeSpan.FromHours(1), expected);
    }

    [Theory]
    [InlineData("2026-04-13T05:30:00Z", 60, "2026-04-13T06:30:00Z")] // Monday 08:30 + 1 h
    [InlineData("2026-04-13T03:00:00Z", 60, "2026-04-13T06:30:00Z")] // 06:00 local: counting starts at 08:30
    [InlineData("2026-04-13T05:30:00Z", 540, "2026-04-13T14:30:00Z")] // a full day ends at closing, not the next opening
    [InlineData("2026-04-13T05:30:00Z", 541, "2026-04-14T05:31:00Z")]
    [InlineData("2026-04-10T13:30:00Z", 120, "2026-04-13T06:30:00Z")] // Friday 16:30 + 2 h: Monday 09:30
    [InlineData("2026-04-10T15:00:00Z", 30, "2026-04-13T06:00:00Z")] // Friday 18:00: from Monday 08:30
    [InlineData("2026-04-11T09:00:00Z", 30, "2026-04-13T06:00:00Z")] // Saturday: from Monday 08:30
    [InlineData("2026-04-22T14:00:00Z", 60, "2026-04-24T06:00:00Z")] // Wed 17:00 + 1 h: 23 Nisan skipped
    [InlineData("2026-10-28T07:00:00Z", 240, "2026-10-30T06:30:00Z")] // 28 Oct 10:00 + 4 h: 3 h until 13:00, 29 Oct off
    [InlineData("2026-10-28T10:30:00Z", 60, "2026-10-30T06:30:00Z")] // 28 Oct 13:30: already closed
    [InlineData("2026-03-19T09:00:00Z", 120, "2026-03-23T06:30:00Z")] // Ramazan eve 12:00 + 2 h
    [InlineData("2026-05-26T09:30:00Z", 60, "2026-06-01T06:00:00Z")] // Kurban eve 12:30 + 1 h
    [InlineData("2026-05-25T14:00:00Z", 60, "2026-05-26T06:00:00Z")] // Monday 17:00 + 1 h: the eve morning
    [InlineData("2027-03-05T13:30:00Z", 330, "2027-03-08T10:00:00Z")] // Fri 16:30 + 5.5 h: 1 h Fri, 4.5 h on the eve until 13:00
    [InlineData("2027-03-05T13:30:00Z", 390, "2027-03-12T06:30:00Z")] // + 6.5 h: the bayram skipped, Fri 12 Mar 09:30
    [InlineData("2026-04-13T10:00:00Z", 0, "2026-04-13T10:00:00Z")]
    [InlineData("2026-04-11T10:00:00Z", 0, "2026-04-11T10:00:00Z")] // zero: the start itself, even outside hours
    public void AddWorkingTime(string from, int minutes, string expected)
    {
        var due = Calendar.AddWorkingTime(Utc(from), TimeSpan.FromMinutes(minutes));
        Assert.Equal(Utc(expected), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void AddWorkingTime_ReturnsUtc_WhenGivenAnotherOffset()
    {
        var due = Calendar.AddWorkingTime(Ist(2026, 4, 13, 8, 30).ToOffset(TimeSpan.FromHours(3)), TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(Ist(2026, 4, 13, 9, 30), due);
    }

    [Fact]
    public void AddWorkingTime_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingTime(Ist(2026, 4, 13, 9), TimeSpan.FromMinutes(-1)));

    [Fact]
    public void IstanbulHasNoDaylightSaving_OpeningIs0530UtcAllYear()
    {
        // The Mondays after the dates Europe changes its clocks; Turkey stays at UTC+3 all year since 2016.
        foreach (var monday in new[] { Day("2026-01-12"), Day("2026-03-30"), Day("2026-07-06"), Day("2026-10-26"), Day("2026-12-07") })
        {
            var midnightUtc = new DateTimeOffset(monday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            Assert.Equal(midnightUtc.AddHours(5.5), Calendar.AddWorkingTime(midnightUtc, TimeSpan.FromTicks(1)).AddTicks(-1));
            Assert.Equal(TimeSpan.FromHours(9), Calendar.WorkingTimeBetween(midnightUtc, midnightUtc.AddDays(1)));
            Assert.Equal(Ist(monday.Year, monday.Month, monday.Day, 17, 30), Calendar.AddWorkingTime(midnightUtc, TimeSpan.FromHours(9)));
        }
    }

    [Theory]
    [InlineData("2026-04-10", 1, "2026-04-13")] // Friday + 1: Monday
    [InlineData("2026-04-13", 5, "2026-04-20")]
    [InlineData("2026-04-22", 1, "2026-04-24")] // 23 Nisan skipped
    [InlineData("2026-04-18", 1, "2026-04-20")] // from a Saturday
    [InlineData("2026-03-18", 1, "2026-03-19")] // the half-day eve counts
    [InlineData("2026-03-18", 2, "2026-03-23")]
    [InlineData("2026-05-22", 2, "2026-05-26")]
    [InlineData("2026-05-22", 3, "2026-06-01")] // Kurban Bayramı skipped
    [InlineData("2026-12-31", 1, "2027-01-04")] // Yılbaşı (Friday) and the weekend
    [InlineData("2026-04-13", -1, "2026-04-10")] // backwards
    [InlineData("2026-04-24", -1, "2026-04-22")]
    [InlineData("2026-04-18", 0, "2026-04-18")]
    public void AddWorkingDays(string day, int days, string expected) =>
        Assert.Equal(Day(expected), Calendar.AddWorkingDays(Day(day), days));

    [Fact]
    public void CustomHoursAndDays()
    {
        var saturdays = new WorkingCalendar(new TimeOnly(9, 0), new TimeOnly(18, 0), new TimeOnly(12, 0), [DayOfWeek.Saturday]);
        Assert.True(saturdays.IsWorkingDay(Day("2026-04-18")));
        Assert.False(saturdays.IsWorkingDay(Day("2026-04-13")));
        Assert.Equal(Ist(2026, 4, 18, 10), saturdays.AddWorkingTime(Ist(2026, 4, 13, 9), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(9), saturdays.WorkingTimeBetween(Ist(2026, 4, 13, 0), Ist(2026, 4, 20, 0)));
    }

    [Fact]
    public void Constructor_RefusesImpossibleHours()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(new TimeOnly(17, 30), new TimeOnly(8, 30)));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(halfDayCloses: new TimeOnly(18, 0)));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(halfDayCloses: new TimeOnly(8, 0)));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(workingDays: []));
    }

    /// <summary>
    /// Property-style: for seeded random instants over 2025–2027 (bayrams, eves, weekends, nights) and random amounts
    /// of work, AddWorkingTime and WorkingTimeBetween agree, spans add up, and a minute-by-minute count agrees.
    /// </summary>
    [Fact]
    public void AddWorkingTime_And_WorkingTimeBetween_AreConsistent()
    {
        var random = new Random(20260319);
        var start = Utc("2025-01-01T00:00:00Z");
        for (var i = 0; i < 1000; i++)
        {
            var from = start.AddMinutes(random.Next(0, 3 * 365 * 24 * 60)).AddSeconds(random.Next(0, 60));
            var work = TimeSpan.FromMinutes(random.Next(1, 60 * 60)) + TimeSpan.FromSeconds(random.Next(0, 60));

            var due = Calendar.AddWorkingTime(from, work);
            Assert.True(due > from);
            Assert.Equal(work, Calendar.WorkingTimeBetween(from, due));

            // The work ends inside working hours (or exactly at closing), never in a closed stretch.
            var local = Istanbul.ToLocal(due);
            var hours = Calendar.HoursOn(DateOnly.FromDateTime(local.DateTime));
            Assert.NotNull(hours);
            var time = TimeOnly.FromDateTime(local.DateTime);
            Assert.True(time > hours.Value.Opens && time <= hours.Value.Closes, $"{from:o} + {work} = {due:o}");

            // A moment later would be more work; stopping at the first minute it is reached.
            Assert.True(Calendar.WorkingTimeBetween(from, due.AddTicks(-1)) < work);

            // Splitting a span anywhere splits its working time.
            var middle = from + TimeSpan.FromTicks((long)(random.NextDouble() * (due - from).Ticks));
            Assert.Equal(work, Calendar.WorkingTimeBetween(from, middle) + Calendar.WorkingTimeBetween(middle, due));
        }
    }

    [Fact]
    public void WorkingTimeBetween_AgreesWithAMinuteByMinuteCount()
    {
        var random = new Random(47342026);
        var start = Utc("2025-12-29T00:00:00Z");
        for (var i = 0; i < 150; i++)
        {
            var from = start.AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
            var to = from.AddMinutes(random.Next(0, 6 * 24 * 60));

            var minutes = 0;
            for (var t = from; t < to; t = t.AddMinutes(1))
            {
                var local = Istanbul.ToLocal(t);
                var hours = Calendar.HoursOn(DateOnly.FromDateTime(local.DateTime));
                var time = TimeOnly.FromDateTime(local.DateTime);
                if (hours is { } h && time >= h.Opens && time < h.Closes)
                {
                    minutes++;
                }
            }

            Assert.Equal(TimeSpan.FromMinutes(minutes), Calendar.WorkingTimeBetween(from, to));
        }
    }
}
