using System.Globalization;
using HelpdeskBot.Domain.Money;

namespace HelpdeskBot.Tests.Domain;

public sealed class TurkishMoneyTests
{
    [Theory]
    [InlineData("1.250,50", "1250.50")]
    [InlineData("1250,50", "1250.50")]
    [InlineData("1250.50", "1250.50")]
    [InlineData("1,250.50", "1250.50")] // both separators: the last one is the decimal one
    [InlineData("1.250", "1250")] // a dot followed by three digits groups thousands
    [InlineData("1.250.000", "1250000")]
    [InlineData("12.345.678", "12345678")]
    [InlineData("1,250,000", "1250000")] // several commas can only be thousands
    [InlineData("1.250.000,75", "1250000.75")]
    [InlineData("1 250,50", "1250.50")]
    [InlineData("1\u00A0250,50", "1250.50")] // no-break space, as Word and Excel put it
    [InlineData("1\u202F250,50", "1250.50")] // narrow no-break space
    [InlineData("1 250 000", "1250000")]
    [InlineData("₺1.250,50", "1250.50")]
    [InlineData("₺ 1.250,50", "1250.50")]
    [InlineData("1.250,50 TL", "1250.50")]
    [InlineData("1.250,50TL", "1250.50")]
    [InlineData("1250 tl", "1250")]
    [InlineData("1250 Tl", "1250")]
    [InlineData("1250 TRY", "1250")]
    [InlineData("1250 try", "1250")]
    [InlineData("TL 1250", "1250")]
    [InlineData("1250₺", "1250")]
    [InlineData("₺1.250 TL", "1250")]
    [InlineData("12,5", "12.5")] // a single comma is always the decimal comma
    [InlineData("0,99", "0.99")]
    [InlineData("0.99", "0.99")]
    [InlineData("0,01", "0.01")]
    [InlineData("1250.5", "1250.5")] // a dot not followed by three digits is a decimal point
    [InlineData("1.5", "1.5")]
    [InlineData("1.25", "1.25")]
    [InlineData("7", "7")]
    [InlineData("  42,00  ", "42")]
    [InlineData("1250\t", "1250")]
    [InlineData("999.999.999.999,99", "999999999999.99")]
    [InlineData("999999999999.99", "999999999999.99")]
    [InlineData("0001250", "1250")]
    public void TryParse_Valid(string text, string expected)
    {
        Assert.True(TurkishMoney.TryParse(text, out var amount));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("TL")]
    [InlineData("₺")]
    [InlineData("0")]
    [InlineData("0,00")]
    [InlineData("0.000")] // no grouping can start with 0, and three decimals are too many
    [InlineData("-5")]
    [InlineData("-1.250,50")]
    [InlineData("+5")]
    [InlineData("(5)")]
    [InlineData("12,345")] // a single comma is decimal: three decimals
    [InlineData("1,250")] // likewise: not read as 1250 (an English writer) nor 1,25 (a typo)
    [InlineData("1,999")]
    [InlineData("1250.505")]
    [InlineData("1250,505")]
    [InlineData("1.250,505")]
    [InlineData("1250.500")] // not a grouping (four digits before the dot) and three decimals
    [InlineData("0.250")]
    [InlineData("1.2345")]
    [InlineData("1.250.5")] // the last dot group must be three digits
    [InlineData("1.25.000")]
    [InlineData("12.50,5")] // thousands groups must be three digits
    [InlineData("1.250,50.00")] // two decimal points
    [InlineData("1,250.50,00")]
    [InlineData("1..250")]
    [InlineData("1 250.000")] // spaces and dots mixed as thousands separators
    [InlineData("1 250.000,00")]
    [InlineData("12 50")] // a space group not of three digits
    [InlineData("1  250")]
    [InlineData(",50")]
    [InlineData(".50")]
    [InlineData("50,")]
    [InlineData("50.")]
    [InlineData("1.000.000.000.000")] // above 999.999.999.999,99
    [InlineData("1000000000000")]
    [InlineData("999.999.999.999,991")]
    [InlineData("99999999999999999999999999999999999")] // would overflow decimal
    [InlineData("1250 lira")]
    [InlineData("1250 USD")]
    [InlineData("$1250")]
    [InlineData("€1250")]
    [InlineData("1250 TL TL")]
    [InlineData("TLTL1250")]
    [InlineData("1e5")]
    [InlineData("1250abc")]
    [InlineData("bin iki yüz")]
    [InlineData("١٢٥٠")] // Arabic-Indic digits
    public void TryParse_Invalid(string? text)
    {
        Assert.False(TurkishMoney.TryParse(text, out var amount));
        Assert.Equal(0m, amount);
    }

    [Theory]
    [InlineData("1250.50", "1.250,50 TL")]
    [InlineData("1021827", "1.021.827,00 TL")]
    [InlineData("0.99", "0,99 TL")]
    [InlineData("0.5", "0,50 TL")]
    [InlineData("12", "12,00 TL")]
    [InlineData("999", "999,00 TL")]
    [InlineData("1000", "1.000,00 TL")]
    [InlineData("999999999999.99", "999.999.999.999,99 TL")]
    [InlineData("1.005", "1,01 TL")] // rounded half away from zero, not to even
    [InlineData("1.015", "1,02 TL")]
    [InlineData("2.675", "2,68 TL")]
    [InlineData("-1250.5", "-1.250,50 TL")]
    public void Format_IsTurkishWhateverTheCulture(string amount, string expected)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "en-US", "tr-TR", "de-CH", "fr-FR" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(expected, TurkishMoney.Format(value));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("0.99")]
    [InlineData("1")]
    [InlineData("12.5")]
    [InlineData("999.99")]
    [InlineData("1000")]
    [InlineData("1250.5")]
    [InlineData("340391")]
    [InlineData("1021827")]
    [InlineData("1021827.01")]
    [InlineData("123456789.12")]
    [InlineData("999999999999.99")]
    public void Format_ThenTryParse_RoundTrips(string amount)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        Assert.True(TurkishMoney.TryParse(TurkishMoney.Format(value), out var back));
        Assert.Equal(value, back);
    }

    [Fact]
    public void Format_ThenTryParse_RoundTrips_ForManySeededAmounts()
    {
        var random = new Random(4734);
        for (var i = 0; i < 2000; i++)
        {
            // Kuruş amounts of every magnitude from 0,01 to about 10^12.
            var kurus = (long)Math.Pow(10, random.NextDouble() * 14) + 1;
            var value = Math.Min(kurus / 100m, TurkishMoney.MaxAmount);
            var text = TurkishMoney.Format(value);
            Assert.True(TurkishMoney.TryParse(text, out var back), text);
            Assert.Equal(value, back);
        }
    }

    [Fact]
    public void TryParse_DoesNotDependOnTheCurrentCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "en-US", "tr-TR", "de-DE" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Assert.True(TurkishMoney.TryParse("1.250", out var thousands));
                Assert.Equal(1250m, thousands);
                Assert.True(TurkishMoney.TryParse("1250.5", out var point));
                Assert.Equal(1250.5m, point);
                Assert.True(TurkishMoney.TryParse("12,5 tl", out var comma));
                Assert.Equal(12.5m, comma);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
