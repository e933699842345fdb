using RolePlay.Core.Engine;
using RolePlay.Core.Localization;
using RolePlay.Core.Transcripts;

namespace RolePlay.Contracts;

/// <summary>What a student sends to take a seat.</summary>
/// <param name="Name">1 to 40 characters (text elements), at least one of them visible.</param>
/// <param name="Role">A scenario role id, or <see cref="RoleIds.Observer"/>.</param>
/// <param name="GroupId">The group to sit in; without it the first group with that seat free is chosen.</param>
public sealed record JoinRequest(string JoinCode, string Name, string Role, string? GroupId);

/// <summary>What a student gets back on joining or rejoining: the token to rejoin with, the seat, and the whole scene.</summary>
/// <param name="ParticipantToken">128 random bits bound to the seat: the only way back into it (<c>Rejoin</c>).</param>
public sealed record JoinResult(string ParticipantToken, string GroupId, string Role, GroupSnapshot Snapshot);

/// <summary>Everything a client needs to draw a group's scene.</summary>
/// <param name="Expecting">Whose move it is (guidance, not a lock).</param>
/// <param name="RolesToMove">The roles that may move now: the customer, or every present staff role.</param>
/// <param name="Turns">The whole log so far: keep the highest <c>seq</c> seen and add only turns above it.</param>
/// <param name="Briefing">The viewer's role briefing; its private <c>notes</c> go to that role's own player only.</param>
/// <param name="Events">The scenario's injectable events, for the instructor only.</param>
/// <param name="SeatId">The viewer's own seat (null for the instructor).</param>
/// <param name="Principles">The rubric's principles, naming what verdicts show in both UI languages; a client shows the id of anything not named.</param>
/// <param name="MoodBands">The scenario's mood bands, naming what the mood meter shows.</param>
public sealed record GroupSnapshot(
    string SessionId,
    string GroupId,
    string GroupName,
    string ScenarioId,
    string ScenarioTitle,
    string Locale,
    SessionState SessionState,
    bool LiveFeedback,
    StageInfo Stage,
    MoodInfo Mood,
    Side Expecting,
    IReadOnlyList<string> RolesToMove,
    IReadOnlyList<RoleInfo> Roles,
    IReadOnlyList<TurnMessage> Turns,
    IReadOnlyList<SeatInfo> Roster,
    EndedMessage? Ended,
    RoleBriefing? Briefing,
    IReadOnlyList<EventInfo> Events,
    string? SeatId,
    IReadOnlyList<PrincipleInfo>? Principles = null,
    IReadOnlyList<MoodBandInfo>? MoodBands = null);

/// <summary>A principle as the server's rubric (<c>principles.yaml</c>) names it: in full, and short for chips and chart axes.</summary>
public sealed record PrincipleInfo(string Id, LocalizedText Name, LocalizedText ShortName);

/// <summary>A mood band of the scenario and what the mood meter calls it.</summary>
public sealed record MoodBandInfo(string Id, LocalizedText Name);

/// <summary>A role as the scene shows it, with the actions it may take in the current stage.</summary>
public sealed record RoleInfo(string Id, string Name, bool IsCustomer, bool IsBot, IReadOnlyList<ActionInfo> Actions);

/// <summary>An action button.</summary>
public sealed record ActionInfo(string Id, string Label);

/// <summary>A role's briefing and, for the role's own player only, its private notes (Markdown).</summary>
public sealed record RoleBriefing(string Role, string Briefing, string? Notes);

/// <summary>
/// The Stage event: the group entered a stage, or a role came into the scene. <c>Actions</c> maps each role id to the actions
/// it may take there; <c>Present</c> lists the roles in the scene now; <c>Waiting</c> tells each seated-able role that is not
/// in the scene yet why it waits, what brings it in and whether it may step in.
/// </summary>
public sealed record StageInfo(
    string GroupId,
    string Id,
    string Title,
    string Narration,
    IReadOnlyDictionary<string, IReadOnlyList<ActionInfo>> Actions,
    IReadOnlyList<string>? Present = null,
    IReadOnlyList<WaitingInfo>? Waiting = null);

/// <summary>A role not in the scene yet: why it waits and what brings it in (in the scenario's language), and whether its player may step in.</summary>
public sealed record WaitingInfo(string Role, string Why, IReadOnlyList<string> WaysIn, bool CanStepIn);

/// <summary>The Mood event: the customer's mood changed.</summary>
/// <param name="Value">0 (furious) to 100 (delighted).</param>
/// <param name="Band">The scenario's mood band the value falls in (bots choose their lines by band).</param>
public sealed record MoodInfo(string GroupId, int Value, string Band);

/// <summary>Who sits where in a group.</summary>
/// <param name="SeatId">A public name for the seat, derived from its token; not a credential.</param>
/// <param name="Role">A scenario role id, or <see cref="RoleIds.Observer"/>.</param>
public sealed record SeatInfo(string SeatId, string Role, string Name, bool Connected);

/// <summary>A scenario event the instructor can inject.</summary>
public sealed record EventInfo(string Id, string Label);

/// <summary>The Moved event, to a participant the instructor moved: call <c>Rejoin</c> with the same token for the new seat's scene.</summary>
public sealed record MovedMessage(string GroupId, string Role);

/// <summary>
/// The Roster event: what changed in a group's seats, not the whole roster (that comes in the snapshot). <c>Seats</c>
/// are seats taken or changed since (joined, moved in, connected, disconnected), to add or replace by <c>SeatId</c>;
/// <c>Removed</c> are the ids of seats that left the group; <c>BotRoles</c> are the roles bots play now. Observers'
/// seats go to the instructor only: students never list them.
/// </summary>
public sealed record RosterMessage(string GroupId, IReadOnlyList<SeatInfo> Seats, IReadOnlyList<string> Removed, IReadOnlyList<string> BotRoles);

/// <summary>
/// The Turn event, and the answer to <c>Say</c> and <c>Act</c>: one accepted turn of a group, in <c>seq</c> order, sent
/// after it is stored. It is the group's <see cref="TranscriptTurn"/> (see <see cref="From"/>) without
/// <c>stageAfter</c>; staff turns carry verdicts, evidence and feedback when the viewer is shown them.
/// </summary>
/// <param name="Role">The role that moved; <c>instructor</c> for an event, <c>clock</c> for a timed transition.</param>
/// <param name="Text">The line; for an action its label, for an event its narration, for a join a line of narration.</param>
/// <param name="Action">The action id, for an <c>act</c> turn.</param>
/// <param name="Event">The event id, or for a join why the role came in: <c>step-in</c> or <c>instructor</c>.</param>
/// <param name="Stage">The stage the turn was taken in.</param>
/// <param name="LatencyMs">For a staff reply, the time since the customer's first unanswered line.</param>
/// <param name="Mood">The customer's mood after the turn, 0 to 100.</param>
/// <param name="Verdicts">Principle id → −1, 0 or 1, for staff turns when shown.</param>
/// <param name="Evidence">Principle id → the words (or action) its verdict rests on, with where they are in <c>text</c>.</param>
/// <param name="Feedback">Principle id → one sentence on the verdict, in the scenario's language.</param>
/// <param name="Expecting">Whose move is next (live events only; null once the scene is over).</param>
/// <param name="Joined">The roles the turn brought into the scene (called in words or by an action).</param>
public sealed record TurnMessage(
    string GroupId,
    int Seq,
    TurnKind Kind,
    string Role,
    string? Text,
    string? Action,
    string? Event,
    string Stage,
    long AtMs,
    long? LatencyMs,
    bool Bot,
    int Mood,
    IReadOnlyDictionary<string, int>? Verdicts,
    IReadOnlyDictionary<string, IReadOnlyList<EvidenceItem>>? Evidence,
    IReadOnlyDictionary<string, string>? Feedback,
    Side? Expecting,
    IReadOnlyList<string>? Joined = null)
{
    /// <summary>
    /// The one mapping from a transcript turn to a hub message, so the two shapes cannot drift apart field by field.
    /// Without <paramref name="withFeedback"/> the verdicts, evidence and feedback are left out (students while live
    /// feedback is off).
    /// </summary>
    public static TurnMessage From(string groupId, TranscriptTurn turn, bool withFeedback, Side? expecting = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new TurnMessage(
            groupId, turn.Seq, turn.Kind, turn.Role, turn.Text, turn.Action, turn.Event, turn.Stage, turn.AtMs, turn.LatencyMs, turn.Bot, turn.Mood,
            withFeedback ? turn.Verdicts : null,
            withFeedback ? turn.Evidence : null,
            withFeedback ? turn.Feedback : null,
            expecting,
            turn.Joined);
    }
}

/// <summary>The Ended event: the group's scene reached an outcome.</summary>
public sealed record EndedMessage(string GroupId, string OutcomeId, bool Success, string Title, string Debrief, IReadOnlyList<string> Questions);

/// <summary>The SessionState event, to a session's watchers and groups: its state and whether students see verdicts live.</summary>
public sealed record SessionStateMessage(string SessionId, SessionState State, bool LiveFeedback);

/// <summary>The customer player's satisfaction at the end: item id (see <see cref="SatisfactionItems"/>) → 1 (poor) to 5 (excellent).</summary>
public sealed record SatisfactionRating(IReadOnlyDictionary<string, int> Items, string? Comment);

/// <summary>The satisfaction items, after the customer-satisfaction scale of the training material.</summary>
public static class SatisfactionItems
{
    /// <summary>Item ids in display order: friendliness, timeliness, human touch, problem solved, would come back.</summary>
    public static IReadOnlyList<string> Ids { get; } = ["friendly", "timely", "human-touch", "resolved", "return"];
}
