using RolePlay.Core.Localization;
using RolePlay.Core.Transcripts;

namespace RolePlay.Contracts;

/// <summary>What a student sends to take a seat.</summary>
public sealed record JoinRequest(string JoinCode, string Name, string Role, string? GroupId);

/// <summary>What a student gets back on joining or rejoining: the token to rejoin with, the seat, and the whole scene.</summary>
public sealed record JoinResult(string ParticipantToken, string GroupId, string Role, GroupSnapshot Snapshot);

/// <summary>
/// Everything a client needs to draw a group's scene; <c>Events</c> (injectable scenario events) are filled for the instructor only,
/// <c>SeatId</c> for a seated viewer only. <c>Principles</c> (the rubric's) and <c>MoodBands</c> (the scenario's) name what
/// verdicts and the mood meter show, in both UI languages; a client shows the id of anything they do not name.
/// </summary>
public sealed record GroupSnapshot(
    string SessionId,
    string GroupId,
    string GroupName,
    string ScenarioId,
    string ScenarioTitle,
    string Locale,
    string SessionState,
    bool LiveFeedback,
    StageInfo Stage,
    MoodInfo Mood,
    string Expecting,
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
public sealed record MoodInfo(string GroupId, int Value, string Band);

/// <summary>Who sits where in a group; <c>SeatId</c> names the seat publicly (it is not the participant token).</summary>
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

/// <summary>The Turn event: one accepted turn, in seq order; staff turns carry verdicts when feedback is shown; <c>expecting</c> says whose move is next (live events only); <c>joined</c> lists the roles the turn brought into the scene.</summary>
public sealed record TurnMessage(
    string GroupId,
    int Seq,
    string Kind,
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
    string? Expecting,
    IReadOnlyList<string>? Joined = null);

/// <summary>The Ended event: the group's scene reached an outcome.</summary>
public sealed record EndedMessage(string GroupId, string OutcomeId, bool Success, string Title, string Debrief, IReadOnlyList<string> Questions);

/// <summary>The SessionState event, to a session's watchers and groups: its state and whether students see verdicts live.</summary>
public sealed record SessionStateMessage(string SessionId, string State, bool LiveFeedback);

/// <summary>The customer player's satisfaction at the end: item id (see <see cref="SatisfactionItems"/>) → 1 (poor) to 5 (excellent).</summary>
public sealed record SatisfactionRating(IReadOnlyDictionary<string, int> Items, string? Comment);

/// <summary>The satisfaction items, after the customer-satisfaction scale of the training material.</summary>
public static class SatisfactionItems
{
    /// <summary>Item ids in display order: friendliness, timeliness, human touch, problem solved, would come back.</summary>
    public static IReadOnlyList<string> Ids { get; } = ["friendly", "timely", "human-touch", "resolved", "return"];
}
