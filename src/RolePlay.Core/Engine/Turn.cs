using System.Text.Json.Serialization;
using RolePlay.Core.Localization;
using RolePlay.Core.Scoring;

namespace RolePlay.Core.Engine;

/// <summary>
/// What kind of entry a turn is in a play's log. Transcripts, replay files and hub messages name it in lower case
/// (<c>say</c>, <c>act</c>, …); the database stores the number, so the order never changes.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TurnKind>))]
public enum TurnKind
{
    /// <summary>A role said something.</summary>
    [JsonStringEnumMemberName("say")]
    Say,

    /// <summary>A role took one of the stage's actions.</summary>
    [JsonStringEnumMemberName("act")]
    Act,

    /// <summary>The instructor injected a scenario event.</summary>
    [JsonStringEnumMemberName("event")]
    Event,

    /// <summary>Time passed and a timed transition fired.</summary>
    [JsonStringEnumMemberName("clock")]
    Clock,

    /// <summary>A role came into the scene unasked: its player stepped in, or the instructor brought it in.</summary>
    [JsonStringEnumMemberName("join")]
    Join,
}

/// <summary>Why a <see cref="TurnKind.Join"/> turn brought a role in (stored in the turn's event field).</summary>
public static class JoinReasons
{
    /// <summary>The role's player stepped in (the scenario allows it with <c>stepIn: true</c>).</summary>
    public const string StepIn = "step-in";

    /// <summary>The instructor brought the role in from the dashboard.</summary>
    public const string Instructor = "instructor";
}

/// <summary>What a role that is not in the scene yet is shown: why it waits, what brings it in, and whether it may step in.</summary>
/// <param name="Why">Markdown in the scenario's language.</param>
/// <param name="WaysIn">Each way the role comes in, in the scenario's language.</param>
public sealed record RoleWaiting(string Role, string Why, IReadOnlyList<string> WaysIn, bool CanStepIn);

/// <summary>One entry of a play's log, as accepted, scored and applied by the engine.</summary>
/// <param name="Seq">1-based position in the play's log.</param>
/// <param name="Role">Who took the turn; <c>instructor</c> for events, <c>clock</c> for timed transitions.</param>
/// <param name="AtMs">Milliseconds since the play started, by the server's clock.</param>
/// <param name="Stage">The stage the turn was taken in.</param>
/// <param name="LatencyMs">For staff turns, time since the customer's last turn (or since the stage opened).</param>
/// <param name="Score">The verdicts, for staff turns.</param>
/// <param name="MoodAfter">The customer's mood after the turn.</param>
/// <param name="StageAfter">The stage after the turn (an outcome id when the turn ended the play).</param>
/// <param name="Joined">Roles this turn brought into the scene (called in words or by an action, stepping in, or by the instructor); null when none.</param>
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
    string StageAfter,
    IReadOnlyList<string>? Joined = null)
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
