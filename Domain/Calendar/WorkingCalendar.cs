using System.Collections.Concurrent;
using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Domain.Calendar;

/// <summary>A public holiday. <paramref name="HalfDay"/>: an eve ("arife") whose afternoon is off, so work ends early.</summary>
public sealed record PublicHoliday(DateOnly Day, string Name, bool HalfDay = false);

/// <summary>
/// The Turkish public-sector working calendar: which days the town hall works and for how long, so service times and
/// deadlines ("answered within 8 working hours", "3 working days") are counted the way staff count them. Times come
/// and go in UTC and are read in Europe/Istanbul (<see cref="Istanbul"/>).
/// </summary>
/// <remarks>
/// The national holidays fall on the same date every year (Law 2429) and are applied for any year. The religious
/// holidays follow the Hijri calendar, move about 11 days earlier each year and are kept in <see cref="ReligiousFeasts"/>:
/// that table must be extended every year (Diyanet publishes the dates well ahead). <see cref="Covers"/> says whether
/// a year is in it, so callers can warn instead of silently counting a bayram as working days. Extra days off the
/// government declares now and then (bridge days, "idari izin") are not known here.
/// </remarks>
public sealed class WorkingCalendar
{
    /// <summary>
    /// First day of Ramazan Bayramı and of Kurban Bayramı, per year. Ramazan Bayramı lasts 3 days, Kurban Bayramı 4, and
    /// the day before each (arife) is a half day. EXTEND THIS EVERY YEAR with the dates Diyanet publishes.
    /// </summary>
    private static readonly (int Year, DateOnly RamazanFirstDay, DateOnly KurbanFirstDay)[] ReligiousFeasts =
    [
        (2025, new(2025, 3, 30), new(2025, 6, 6)),
        (2026, new(2026, 3, 20), new(2026, 5, 27)),
        (2027, new(2027, 3, 9), new(2027, 5, 16)),
    ];

    /// <summary>The same day every year (Law 2429 on national holidays).</summary>
    private static readonly (int Month, int Day, string Name)[] NationalHolidays =
    [
        (1, 1, "Yılbaşı"),
        (4, 23, "Ulusal Egemenlik ve Çocuk Bayramı"),
        (5, 1, "Emek ve Dayanışma Günü"),
        (5, 19, "Atatürk'ü Anma, Gençlik ve Spor Bayramı"),
        (7, 15, "Demokrasi ve Millî Birlik Günü"),
        (8, 30, "Zafer Bayramı"),
        (10, 29, "Cumhuriyet Bayramı"),
    ];

    /// <summary>Each year's holidays by day, built once: working-time sums look a day up for every day they cross.</summary>
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, PublicHoliday>> ByYear = new();

    private readonly TimeOnly opens;
    private readonly TimeOnly closes;
    private readonly TimeOnly halfDayCloses;
    private readonly HashSet<DayOfWeek> workingDays;

    /// <param name="opens">Start of the working day, Istanbul time; 08:30 when null.</param>
    /// <param name="closes">End of the working day; 17:30 when null.</param>
    /// <param name="halfDayCloses">End of work on an eve whose afternoon is off; 13:00 when null.</param>
    /// <param name="workingDays">Monday to Friday when null.</param>
    public WorkingCalendar(TimeOnly? opens = null, TimeOnly? closes = null, TimeOnly? halfDayCloses = null, IEnumerable<DayOfWeek>? workingDays = null)
    {
        this.opens = opens ?? new TimeOnly(8, 30);
        this.closes = closes ?? new TimeOnly(17, 30);
        this.halfDayCloses = halfDayCloses ?? new TimeOnly(13, 0);
        this.workingDays = [.. workingDays ?? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]];

        if (this.opens >= this.closes)
        {
            throw new ArgumentException("The working day must open before it closes.", nameof(closes));
        }

        if (this.halfDayCloses <= this.opens || this.halfDayCloses > this.closes)
        {
            throw new ArgumentException("A half day must end after opening and no later than a full day.", nameof(halfDayCloses));
        }

        if (this.workingDays.Count == 0)
        {
            // Without a working day AddWorkingTime and AddWorkingDays would never finish.
            throw new ArgumentException("At least one day of the week must be a working day.", nameof(workingDays));
        }
    }

    /// <summary>Mon–Fri, 08:30–17:30, eves until 13:00.</summary>
    public static WorkingCalendar Default { get; } = new();

    /// <summary>Whether the religious holidays of <paramref name="year"/> are in the table (see the class remarks).</summary>
    public bool Covers(int year) => ReligiousFeasts.Any(f => f.Year == year);

    /// <summary>Every public holiday and half-day eve of a year, in date order; only the national ones when not <see cref="Covers"/>.</summary>
    public static IReadOnlyList<PublicHoliday> HolidaysOf(int year)
    {
        List<PublicHoliday> days = [.. NationalHolidays.Select(h => new PublicHoliday(new DateOnly(year, h.Month, h.Day), h.Name))];
        // Law 2429 also gives 28 October from 13:00: the one national eve.
        days.Add(new PublicHoliday(new DateOnly(year, 10, 28), "Cumhuriyet Bayramı arifesi", HalfDay: true));
        foreach (var (_, ramazan, kurban) in ReligiousFeasts.Where(f => f.Year == year))
        {
            days.Add(new PublicHoliday(ramazan.AddDays(-1), "Ramazan Bayramı arifesi", HalfDay: true));
            days.AddRange(Enumerable.Range(0, 3).Select(i => new PublicHoliday(ramazan.AddDays(i), $"Ramazan Bayramı {i + 1}. gün")));
            days.Add(new PublicHoliday(kurban.AddDays(-1), "Kurban Bayramı arifesi", HalfDay: true));
            days.AddRange(Enumerable.Range(0, 4).Select(i => new PublicHoliday(kurban.AddDays(i), $"Kurban Bayramı {i + 1}. gün")));
        }

        return [.. days.OrderBy(d => d.Day).ThenBy(d => d.HalfDay)];
    }

    /// <summary>
    /// The holiday on a day, if any. When a full holiday and an eve fall on the same day (e.g. a bayram eve on 19 May)
    /// the full holiday wins: the whole day is off.
    /// </summary>
    public static PublicHoliday? HolidayOn(DateOnly day) =>
        ByYear.GetOrAdd(day.Year, static y => HolidaysOf(y).GroupBy(h => h.Day).ToDictionary(g => g.Key, g => g.OrderBy(h => h.HalfDay).First()))
            .GetValueOrDefault(day);

    /// <summary>A working weekday that is not a full holiday. A half-day eve is a working day (its morning is worked).</summary>
    public bool IsWorkingDay(DateOnly day) => HoursOn(day) is not null;

    /// <summary>Opening and closing time (Istanbul) of a day; null when nobody works that day.</summary>
    public (TimeOnly Opens, TimeOnly Closes)? HoursOn(DateOnly day)
    {
        if (!workingDays.Contains(day.DayOfWeek))
        {
            return null;
        }

        return HolidayOn(day) switch
        {
            null => (opens, closes),
            { HalfDay: true } => (opens, halfDayCloses),
            _ => null,
        };
    }

    /// <summary>
    /// Working time between two instants: only what falls inside working hours counts. Zero when
    /// <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        if (toUtc <= fromUtc)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var last = LocalDay(toUtc);
        for (var day = LocalDay(fromUtc); day <= last; day = day.AddDays(1))
        {
            if (Window(day) is not { } w)
            {
                continue;
            }

            var start = w.Start > fromUtc ? w.Start : fromUtc;
            var end = w.End < toUtc ? w.End : toUtc;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>
    /// The instant (UTC) when <paramref name="workingTime"/> of work started at <paramref name="fromUtc"/> is done.
    /// Starting outside working hours, counting begins at the next opening; work that ends exactly at closing time
    /// ends then, not at the next opening. Zero returns <paramref name="fromUtc"/> itself.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset fromUtc, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        if (workingTime == TimeSpan.Zero)
        {
            return fromUtc.ToUniversalTime();
        }

        var remaining = workingTime;
        for (var day = LocalDay(fromUtc); ; day = day.AddDays(1))
        {
            if (Window(day) is not { } w)
            {
                continue;
            }

            var start = w.Start > fromUtc ? w.Start : fromUtc;
            if (start >= w.End)
            {
                continue;
            }

            var available = w.End - start;
            if (remaining <= available)
            {
                return (start + remaining).ToUniversalTime();
            }

            remaining -= available;
        }
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="day"/> (before it when negative); a half-day eve
    /// counts as a working day. Zero returns <paramref name="day"/> itself, working or not.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly day, int days)
    {
        var step = Math.Sign(days);
        var result = day;
        for (var left = Math.Abs(days); left > 0;)
        {
            result = result.AddDays(step);
            if (IsWorkingDay(result))
            {
                left--;
            }
        }

        return result;
    }

    /// <summary>A day's working hours as UTC instants; null when nobody works that day.</summary>
    private (DateTimeOffset Start, DateTimeOffset End)? Window(DateOnly day) =>
        HoursOn(day) is { } h ? (LocalToUtc(day.ToDateTime(h.Opens)), LocalToUtc(day.ToDateTime(h.Closes))) : null;

    private static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(Istanbul.ToLocal(instant).DateTime);

    private static DateTimeOffset LocalToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Istanbul.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
