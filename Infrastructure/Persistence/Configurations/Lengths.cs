using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Infrastructure.Persistence.Configurations;

/// <summary>Column widths. Keys stay within SQL Server's 900-byte index limit (450 Unicode characters).</summary>
internal static class Lengths
{
    public const int Description = TextRules.MaxDescription;
    public const int ShortText = TextRules.MaxShortText;
    public const int TicketNumber = 20;
    public const int AadObjectId = 64;
    public const int Email = 320;
    public const int Locale = 35;
    public const int UnitCode = 16;
    public const int AssetTag = 64;
    public const int TeamsId = 450;
    public const int Key = 450;
    public const int DialogName = 200;
    public const int LeaseOwner = 200;
}
