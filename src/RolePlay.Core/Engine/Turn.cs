using RolePlay.Core.Localization;
using RolePlay.Core.Scoring;

namespace RolePlay.Core.Engine;

/// <summary>What kind of entry a turn is in a play's log.</summary>
public enum TurnKind
{
    /// <summary>A role said something.</summary>
    Say,

    /// <summary>A role took one of the stage's actions.</summary>
    Act,

    /// <summary>The instructor injected a scenario event.</summary>
    Event,

    /// <summary>Time passed and a timed transition fired.</summary>
    Clock,
}

/// <summary>One entry of a play's log, as accepted, scored and applied by the engine.</summary>
/// <param name="Seq">1-based position in the play's log.</param>
/// <param name="Role">Who took the turn; <c>instructor</c> for events, <c>clock</c> for timed transitions.</param>
/// <param name="AtMs">Milliseconds since the play started, by the server's clock.</param>
/// <param name="Stage">The stage the turn was taken in.</param>
/// <param name="LatencyMs">For staff turns, time since the customer's last turn (or since the stage opened).</param>
/// <param name="Score">The verdicts, for staff turns.</param>
/// <param name="MoodAfter">The customer's mood after the turn.</param>
/// <param name="StageAfter">The stage after the turn (an outcome id when the turn ended the play).</param>
public sealed record Turn(
    int Seq,
    TurnKind Kind,
    string Role,
    string? Text,
    string? ActionId,
    string? EventId,
    long AtMs,
    string Stage,
    bool IsBot,
    long? LatencyMs,
    TurnScore? Score,
    int MoodAfter,
    string StageAfter)
{
    /// <summary>The role name events are logged under.</summary>
    public const string InstructorRole = "instructor";

    /// <summary>The role name timed transitions are logged under.</summary>
    public const string ClockRole = "clock";
}

/// <summary>A turn as stored in a log, enough to replay it: what was done, by whom, when.</summary>
public sealed record TurnRecord(TurnKind Kind, string Role, string? Text, string? ActionId, string? EventId, long AtMs, bool IsBot)
{
    /// <summary>The record of an accepted turn.</summary>
    public static TurnRecord From(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new TurnRecord(turn.Kind, turn.Role, turn.Text, turn.ActionId, turn.EventId, turn.AtMs, turn.IsBot);
    }
}

/// <summary>Thrown when a turn breaks the rules of the play; the text tells the player, in either language, what to do instead.</summary>
public sealed class PlayRuleException : Exception
{
    /// <summary>Creates the exception; <see cref="Exception.Message"/> is the English text, so logs and the CLI read as before.</summary>
    public PlayRuleException(LocalizedText text)
        : base((text ?? throw new ArgumentNullException(nameof(text))).English)
    {
        Text = text;
    }

    /// <summary>The refusal in English and Chinese.</summary>
    public LocalizedText Text { get; }
}
