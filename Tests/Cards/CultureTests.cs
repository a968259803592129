using System.Globalization;

namespace HelpdeskBot.Tests.Cards;

/// <summary>scripts/test.sh runs the suite twice and says which culture each run must be in; this proves it was.</summary>
public sealed class CultureTests
{
    [Fact]
    public void CurrentCulture_IsTheOneTheRunAskedFor()
    {
        var expected = Environment.GetEnvironmentVariable("HELPDESK_EXPECT_CULTURE");
        var actual = CultureInfo.CurrentCulture.Name;
        if (expected is null)
        {
            return; // run outside scripts/test.sh (an IDE): any culture will do
        }

        Assert.Equal(expected == "invariant" ? string.Empty : expected, actual);
    }

    [Fact]
    public void TurkishCulture_UpperCasesDottedI() =>
        Assert.Equal("İ", "i".ToUpper(CultureInfo.GetCultureInfo("tr-TR")));
}
