using System.Globalization;
using System.Text.Json;
using HelpdeskBot.Cards.Model;
using HelpdeskBot.Domain.Directory;

namespace HelpdeskBot.Dialogs.Engine;

/// <summary>What the bot says back in a turn: text or a card. The host turns these into Bot Framework activities.</summary>
public abstract record Reply;

public sealed record TextReply(string Text) : Reply;

public sealed record CardReply(AdaptiveCard Card) : Reply;

/// <summary>One user turn: the text they typed and/or the data of a card button they pressed.</summary>
public sealed record UserTurn(Person User, string ConversationId, string? Text, JsonElement? Value, CultureInfo Culture);

/// <summary>The outcome of a dialog step: the new state to keep, or none when the dialog ended.</summary>
public sealed record DialogStep<TState>(TState? State, IReadOnlyList<Reply> Replies)
    where TState : class
{
    public bool Ended => State is null;
}

/// <summary>
/// A conversation that takes several turns. It is stateless between turns: everything it needs to continue is in
/// <typeparamref name="TState"/>, a serializable record kept in the database per conversation. Raise
/// <see cref="Version"/> only for a change old states cannot be read as; the router then restarts politely
/// instead of stranding the user.
/// </summary>
public interface IDialog
{
    string Name { get; }

    int Version { get; }

    Type StateType { get; }

    Task<(object? State, IReadOnlyList<Reply> Replies)> ContinueUntypedAsync(object state, UserTurn turn, CancellationToken ct);
}

public abstract class Dialog<TState> : IDialog
    where TState : class
{
    public abstract string Name { get; }

    public abstract int Version { get; }

    public Type StateType => typeof(TState);

    public abstract Task<DialogStep<TState>> ContinueAsync(TState state, UserTurn turn, CancellationToken ct);

    public async Task<(object? State, IReadOnlyList<Reply> Replies)> ContinueUntypedAsync(object state, UserTurn turn, CancellationToken ct)
    {
        var step = await ContinueAsync((TState)state, turn, ct);
        return (step.State, step.Replies);
    }

    protected static DialogStep<TState> Stay(TState state, params Reply[] replies) => new(state, replies);

    protected static DialogStep<TState> End(params Reply[] replies) => new(null, replies);
}

public static class DialogJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

public static class DialogStates
{
    /// <summary>Ends the conversation's dialog; the removal commits with the use case's unit of work (so ending and filing are one transaction).</summary>
    public static async Task ForgetAsync(this Domain.Common.IDialogStateRepository states, string conversationId, CancellationToken ct)
    {
        if (await states.FindAsync(conversationId, ct) is { } record)
        {
            states.Remove(record);
        }
    }
}
