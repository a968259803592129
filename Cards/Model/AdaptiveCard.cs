using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelpdeskBot.Cards.Model;

/// <summary>
/// A small typed Adaptive Card 1.5 model: only what our cards use. Serialized with System.Text.Json,
/// camelCase, "type" first, nulls omitted. See <see cref="CardJson"/>.
/// </summary>
public sealed record AdaptiveCard
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-1)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    public string Version { get; init; } = "1.5";
    public IReadOnlyList<CardElement> Body { get; init; } = [];
    public IReadOnlyList<CardAction>? Actions { get; init; }
    public Refresh? Refresh { get; init; }
    public string? FallbackText { get; init; }
}

/// <summary>Declared as the base type so the action is written with its "type" (Action.Execute); Teams and the renderers need it.</summary>
public sealed record Refresh(CardAction Action, IReadOnlyList<string> UserIds)
{
    /// <summary>Teams refreshes a card automatically for at most 60 users; a longer list is not accepted.</summary>
    public const int MaxUserIds = 60;

    public IReadOnlyList<string> UserIds { get; } = UserIds.Count <= MaxUserIds
        ? UserIds
        : throw new ArgumentException($"at most {MaxUserIds} user ids in a card's refresh, not {UserIds.Count}", nameof(UserIds));
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
public abstract record CardElement
{
    public string? Id { get; init; }
    public string? Spacing { get; init; }
    public bool? Separator { get; init; }
    public bool? IsVisible { get; init; }
}

public sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;
    public string? Weight { get; init; }
    public string? Size { get; init; }
    public string? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }
}

/// <summary>
/// Text shown exactly as typed: a TextRun is never parsed as markdown, so a user's "*", "_", "[x](y)" or a URL
/// stay literal. Use it for anything a person typed.
/// </summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;

public sealed record TextRun(string Text)
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public string? Weight { get; init; }
    public string? Size { get; init; }
    public bool? IsSubtle { get; init; }
    public bool? Italic { get; init; }
    public string? Color { get; init; }
}

public sealed record Fact(string Title, string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public string? Style { get; init; }
    public bool? Bleed { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public string? Width { get; init; }
    public string? VerticalContentAlignment { get; init; }
}

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

public sealed record TextInput : CardElement
{
    public string? Label { get; init; }
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record Choice(string Title, string Value);

public sealed record ChoiceSetInput(IReadOnlyList<Choice> Choices) : CardElement
{
    public string? Label { get; init; }
    public string? Value { get; init; }
    public string? Style { get; init; }
    public string? Placeholder { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record ToggleInput(string Title) : CardElement
{
    public string? Label { get; init; }
    public string? Value { get; init; }
    public string? ValueOn { get; init; }
    public string? ValueOff { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction(string Title)
{
    public string? Style { get; init; }
}

/// <summary>A Universal Action: reaches the bot as an invoke named adaptiveCard/action with the verb and data.</summary>
public sealed record ExecuteAction(string Title, string Verb, JsonElement Data) : CardAction(Title)
{
    public string? AssociatedInputs { get; init; }
}

/// <summary>Used in the personal chat's dialog: the press arrives as a message whose value is <see cref="Data"/>.</summary>
public sealed record SubmitAction(string Title, JsonElement Data) : CardAction(Title)
{
    public string? AssociatedInputs { get; init; }
}

public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);
