namespace HelpdeskBot.Domain.Common;

/// <summary>The municipality's clock: times are stored in UTC and shown and scheduled in Europe/Istanbul.</summary>
public static class Istanbul
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static int Year(DateTimeOffset utc) => ToLocal(utc).Year;
}
