using HelpdeskBot.Cards.Common;
using HelpdeskBot.Cards.Conversations;
using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Dialogs.Engine;

public enum DialogInputKind
{
    /// <summary>An answer to the current question: typed, or a button of this question pressed.</summary>
    Answer,

    /// <summary>"geri" / "back": the user wants the previous question again.</summary>
    Back,

    /// <summary>"yardım" / "help" inside a dialog.</summary>
    Help,

    /// <summary>Something that is not an answer (empty, too long, a stale or foreign button): say why, ask again.</summary>
    Problem,
}

/// <summary>
/// What a turn says to a question-asking dialog, read the same way by every dialog: a button counts only for the
/// dialog and question it was shown for; typed text may be "back" or "help"; empty or over-long text is not an answer.
/// </summary>
public sealed record DialogInput(DialogInputKind Kind, string? Answer = null, string? Problem = null)
{
    public static DialogInput Read(UserTurn turn, string dialogId, string currentStep)
    {
        var c = turn.Culture;
        if (turn.Value is { } value && Json.TryRead<DialogSubmitData>(value) is { } pressed)
        {
            if (pressed.Dialog is not null && !string.Equals(pressed.Dialog, dialogId, StringComparison.Ordinal))
            {
                return Fail(Text.Get("Dialog_OtherRequest", c)); // a button of an earlier, finished dialog
            }

            if (!string.Equals(pressed.Step, currentStep, StringComparison.Ordinal))
            {
                return Fail(Text.Get("Dialog_StaleButton", c)); // a button of an earlier question, pressed late
            }

            return string.IsNullOrWhiteSpace(pressed.Choice) ? Fail(Text.Get("Dialog_ChooseOne", c)) : new(DialogInputKind.Answer, pressed.Choice.Trim());
        }

        var text = turn.Text?.Trim();
        if (TurkishText.IsExactly(text, "geri", "back", "önceki", "previous"))
        {
            return new(DialogInputKind.Back);
        }

        if (TurkishText.IsExactly(text, "yardım", "help", "?", "yardim"))
        {
            return new(DialogInputKind.Help);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(Text.Get("Dialog_Empty", c));
        }

        return text.Length > TextRules.MaxDescription
            ? Fail(Text.Format("Dialog_TooLong", c, TextRules.MaxDescription))
            : new(DialogInputKind.Answer, text);
    }

    private static DialogInput Fail(string problem) => new(DialogInputKind.Problem, Problem: problem);
}
