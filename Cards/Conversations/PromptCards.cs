using System.Globalization;
using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Model;

namespace HelpdeskBot.Cards.Conversations;

/// <summary>The data of a dialog button in the personal chat: which question it answers, and the answer.</summary>
public sealed record DialogSubmitData(string Step)
{
    public string? Choice { get; init; }

    /// <summary>Which dialog the card belongs to: a button of a finished request cannot act on the next one.</summary>
    public string? Dialog { get; init; }
}

public sealed record PromptChoice(string Title, string Value);

/// <summary>Pure builders of the cards a dialog shows: choices, a self-check step, a summary to confirm.</summary>
public static class PromptCards
{
    private const int MaxButtons = 5;

    /// <summary>A question with choices: buttons when few, a drop-down list with a send button when many. Free text is always accepted too.</summary>
    public static AdaptiveCard Choice(string prompt, string? hint, string step, IReadOnlyList<PromptChoice> choices, CultureInfo c, string? dialogId = null)
    {
        var body = new List<CardElement> { new TextBlock(prompt) { Weight = "Bolder" } };
        if (hint is not null)
        {
            body.Add(new TextBlock(hint) { IsSubtle = true, Size = "Small" });
        }

        if (choices.Count <= MaxButtons)
        {
            return new AdaptiveCard
            {
                Body = body,
                Actions = choices.Select(ch => (CardAction)new SubmitAction(ch.Title, CardJson.Data(new DialogSubmitData(step) { Choice = ch.Value, Dialog = dialogId }))).ToList(),
                FallbackText = prompt,
            };
        }

        body.Add(new ChoiceSetInput(choices.Select(ch => new Choice(ch.Title, ch.Value)).ToList())
        {
            Id = "choice",
            Label = Text.Get("Prompt_ChooseLabel", c),
            Style = "compact",
            Placeholder = Text.Get("Prompt_ChoosePlaceholder", c),
            IsRequired = true,
            ErrorMessage = Text.Get("Input_Required", c),
        });
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new SubmitAction(Text.Get("Action_Select", c), CardJson.Data(new DialogSubmitData(step) { Dialog = dialogId })) { AssociatedInputs = "auto" }],
            FallbackText = prompt,
        };
    }

    /// <summary>One printer self-check: what to look at, then "solved", "next" or "skip the checks".</summary>
    public static AdaptiveCard PrinterCheck(string title, string instructions, int index, int total, string step, CultureInfo c, string? dialogId = null) => new()
    {
        Body =
        [
            new TextBlock(Text.Format("Check_Progress", c, index + 1, total)) { IsSubtle = true, Size = "Small" },
            new TextBlock(title) { Weight = "Bolder", Size = "Medium" },
            new TextBlock(instructions),
        ],
        Actions =
        [
            new SubmitAction(Text.Get("Check_Solved", c), CardJson.Data(new DialogSubmitData(step) { Choice = "solved", Dialog = dialogId })) { Style = "positive" },
            new SubmitAction(Text.Get(index + 1 == total ? "Check_NoneHelped" : "Check_Next", c), CardJson.Data(new DialogSubmitData(step) { Choice = "next", Dialog = dialogId })),
            new SubmitAction(Text.Get("Check_SkipAll", c), CardJson.Data(new DialogSubmitData(step) { Choice = "skip", Dialog = dialogId })),
        ],
        FallbackText = title,
    };

    /// <summary>The summary to confirm before filing. Typed values are shown literally.</summary>
    public static AdaptiveCard Summary(string title, IReadOnlyList<(string Label, string Value, bool Typed)> lines, string step, CultureInfo c, string? dialogId = null) => new()
    {
        Body =
        [
            new TextBlock(title) { Weight = "Bolder", Size = "Medium" },
            .. lines.Select(l => (CardElement)new ColumnSet(
            [
                new Column([new TextBlock(l.Label) { Weight = "Bolder" }]) { Width = "110px" },
                new Column([l.Typed ? new RichTextBlock([new TextRun(l.Value)]) : new TextBlock(l.Value)]) { Width = "stretch" },
            ]) { Spacing = "Small" }),
        ],
        Actions =
        [
            new SubmitAction(Text.Get("Summary_Send", c), CardJson.Data(new DialogSubmitData(step) { Choice = "send", Dialog = dialogId })) { Style = "positive" },
            new SubmitAction(Text.Get("Summary_Back", c), CardJson.Data(new DialogSubmitData(step) { Choice = "back", Dialog = dialogId })),
            new SubmitAction(Text.Get("Summary_Cancel", c), CardJson.Data(new DialogSubmitData(step) { Choice = "cancel", Dialog = dialogId })) { Style = "destructive" },
        ],
        FallbackText = title,
    };

    /// <summary>Offered when the bot is added to a team: make this channel the IT channel.</summary>
    public static AdaptiveCard ItChannelOffer(CultureInfo c) => new()
    {
        Body =
        [
            new TextBlock(Text.Get("Channel_OfferTitle", c)) { Weight = "Bolder", Size = "Medium" },
            new TextBlock(Text.Get("Channel_OfferText", c)),
        ],
        Actions = [new ExecuteAction(Text.Get("Channel_OfferButton", c), Tickets.TicketVerbs.SetItChannel, CardJson.Data(new { })) { Style = "positive" }],
        FallbackText = Text.Get("Channel_OfferTitle", c),
    };
}
