using HelpdeskBot.Dialogs.Approvals;

namespace HelpdeskBot.Tests.Dialogs;

public sealed class ItemParserTests
{
    [Theory]
    [InlineData("2 monitör 24 inç", 2, "monitör 24 inç")]
    [InlineData("2 adet monitör", 2, "monitör")]
    [InlineData("iki adet monitör", 2, "monitör")]
    [InlineData("ÜÇ klavye", 3, "klavye")]
    [InlineData("dört fare", 4, "fare")]
    [InlineData("two keyboards", 2, "keyboards")]
    [InlineData("- 2 monitör", 2, "monitör")] // a list marker, not a minus sign
    [InlineData("1) dizüstü bilgisayar", 1, "dizüstü bilgisayar")]
    [InlineData("monitör x2", 2, "monitör")]
    [InlineData("bilgisayar kasası", 1, "bilgisayar kasası")] // no quantity: one
    [InlineData("bir", 1, "bir")] // a number word alone is not a quantity
    public void Quantities_AreReadFromDigitsAndWords(string text, int quantity, string description)
    {
        var line = Assert.Single(ItemParser.Parse(text, withPrices: false).Lines);
        Assert.Equal(quantity, line.Quantity);
        Assert.Equal(description, line.Description);
    }

    [Theory]
    [InlineData("-5 toner 100")]
    [InlineData("−5 toner 100")]
    [InlineData("0 toner 100")]
    [InlineData("10001 toner 5")]
    public void ImpossibleQuantities_AreNamedAsSuch_NeverMadePositive(string text)
    {
        var result = ItemParser.Parse("10 toner CF259A 1.250,50\n" + text, withPrices: true);

        Assert.Equal(2, result.BadLine);
        Assert.Equal(text, result.BadText);
        Assert.Equal(ItemProblem.Quantity, result.Problem);
    }

    [Fact]
    public void ALineWithoutPrice_IsUnreadable_WithItsText()
    {
        var result = ItemParser.Parse("10 toner 1.250,50; 2 adet SSD", withPrices: true);

        Assert.Equal(2, result.BadLine);
        Assert.Equal("2 adet SSD", result.BadText);
        Assert.Equal(ItemProblem.Unreadable, result.Problem);
        Assert.Equal(12_505m, Assert.Single(result.Lines).Amount);
    }

    [Fact]
    public void SpelledQuantity_WithPrice_TotalsRight()
    {
        var line = Assert.Single(ItemParser.Parse("iki toner 1.250,50", withPrices: true).Lines);
        Assert.Equal(2, line.Quantity);
        Assert.Equal(2_501m, line.Amount);
    }
}
