using HelpdeskBot.Dialogs.Engine;
using HelpdeskBot.Dialogs.Tickets;
using HelpdeskBot.Domain.Tickets;

namespace HelpdeskBot.Tests.Dialogs;

public sealed class TurkishTextTests
{
    [Theory]
    [InlineData("IPTAL", "iptal")]
    [InlineData("İptal", "iptal")]
    [InlineData("ıptal", "iptal")]
    [InlineData("YAZICI", "yazici")]
    [InlineData("Yazıcı", "yazici")]
    [InlineData("ŞİFRE  Değiştir!", "sifre degistir")]
    [InlineData("Çağrı Öğün Ümit", "cagri ogun umit")]
    public void Fold_TurkishLetters_MatchAsUsersExpect(string input, string expected) =>
        Assert.Equal(expected, TurkishText.Fold(input));

    [Theory]
    [InlineData("yazıcım kağıt sıkıştırıyor", TicketTopic.Printer)]
    [InlineData("YAZICIM ÇALIŞMIYOR", TicketTopic.Printer)]
    [InlineData("my printer is jamming", TicketTopic.Printer)]
    [InlineData("internete bağlanamıyorum", TicketTopic.Network)]
    [InlineData("EBYS'de evrak açılmıyor", TicketTopic.Ebys)]
    [InlineData("e-Belediye ödeme sayfası hata veriyor", TicketTopic.EBelediye)]
    [InlineData("Outlook e-posta göndermiyor", TicketTopic.Email)]
    [InlineData("bilgisayarım açılmıyor", TicketTopic.Computer)]
    [InlineData("kamera görüntü vermiyor", TicketTopic.Camera)]
    [InlineData("dahili telefon çalmıyor", TicketTopic.Phone)]
    public void Recognize_FirstMessage_FindsTopic(string text, TicketTopic expected) =>
        Assert.Equal(expected, TopicRecognizer.Recognize(text));

    [Theory]
    [InlineData("merhaba")]
    [InlineData("ağır bir durum var")]
    [InlineData("")]
    public void Recognize_NoTopicWords_ReturnsNull(string text) => Assert.Null(TopicRecognizer.Recognize(text));

    [Fact]
    public void IsExactly_CommandInsideSentence_IsNotTheCommand()
    {
        Assert.True(TurkishText.IsExactly("İPTAL", "iptal"));
        Assert.False(TurkishText.IsExactly("Yazıcı iptal oldu, yardım lazım", "iptal"));
    }
}

public sealed class LanguageTests
{
    [Theory]
    [InlineData("yazıcım kağıt sıkıştırıyor", "tr-TR")]
    [InlineData("bilgisayarım açılmıyor", "tr-TR")]
    [InlineData("merhaba", null)]
    [InlineData("my printer is jamming paper", "en-US")]
    [InlineData("Mali Hizmetler Müdürlüğü", null)]
    [InlineData("Fen İşleri", null)]
    [InlineData("skip", null)]
    [InlineData("YZC-0001", null)]
    [InlineData("", null)]
    public void Detect_OnlyOnClearEvidence(string text, string? expected) =>
        Assert.Equal(expected, HelpdeskBot.Dialogs.Engine.Language.Detect(text)?.Name);
}
