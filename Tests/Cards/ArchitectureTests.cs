using System.Reflection;

namespace HelpdeskBot.Tests.Cards;

/// <summary>Arrows point inward: Domain, Cards and Dialogs never touch EF Core, Graph, HTTP or the Bot Framework SDK.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Forbidden = ["Microsoft.EntityFrameworkCore", "Microsoft.Graph", "Microsoft.Bot", "Microsoft.AspNetCore", "System.Net.Http", "HelpdeskBot.Infrastructure", "HelpdeskBot.Bot"];

    [Theory]
    [InlineData(typeof(HelpdeskBot.Domain.Tickets.Ticket))]
    [InlineData(typeof(HelpdeskBot.Cards.Model.AdaptiveCard))]
    [InlineData(typeof(HelpdeskBot.Dialogs.ConversationRouter))]
    public void InnerProjects_ReferenceNoOuterLibrary(Type marker)
    {
        var references = marker.Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => Forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void BotFrameworkSdk_IsReferencedOnlyByTheHost()
    {
        Assert.Contains(typeof(Program).Assembly.GetReferencedAssemblies(), a => a.Name == "Microsoft.Bot.Builder");
        Assert.DoesNotContain(typeof(HelpdeskBot.Infrastructure.Persistence.HelpdeskDbContext).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.Bot", StringComparison.Ordinal));
    }
}
