using RolePlay.Core.Transcripts;

namespace RolePlay.Server.Hubs;

/// <summary>What a student sends to take a seat.</summary>
public sealed record JoinRequest(string JoinCode, string Name, string Role, string? GroupId);

/// <summary>What a student gets back on joining or rejoining: the token to rejoin with, the seat, and the whole scene.</summary>
public sealed record JoinResult(string ParticipantToken, string GroupId, string Role, GroupSnapshot Snapshot);

/// <summary>Everything a client needs to draw a group's scene.</summary>
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
    RoleBriefing? Briefing);

/// <summary>A role as the scene shows it, with the actions it may take in the current stage.</summary>
public sealed record RoleInfo(string Id, string Name, bool IsCustomer, bool IsBot, IReadOnlyList<ActionInfo> Actions);

/// <summary>An action button.</summary>
public sealed record ActionInfo(string Id, string Label);

/// <summary>A role's briefing and, for the role's own player only, its private notes (Markdown).</summary>
public sealed record RoleBriefing(string Role, string Briefing, string? Notes);

/// <summary>The Stage event: the group entered a stage.</summary>
public sealed record StageInfo(string GroupId, string Id, string Title, string Narration);

/// <summary>The Mood event: the customer's mood changed.</summary>
public sealed record MoodInfo(string GroupId, int Value, string Band);

/// <summary>Who sits where in a group.</summary>
public sealed record SeatInfo(string Role, string Name, bool Connected);

/// <summary>The Roster event.</summary>
public sealed record RosterMessage(string GroupId, IReadOnlyList<SeatInfo> Seats, IReadOnlyList<string> BotRoles);

/// <summary>The Turn event: one accepted turn, in seq order; staff turns carry verdicts when feedback is shown; <c>expecting</c> says whose move is next (live events only).</summary>
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
    string? Expecting);

/// <summary>The Ended event: the group's scene reached an outcome.</summary>
public sealed record EndedMessage(string GroupId, string OutcomeId, bool Success, string Title, string Debrief, IReadOnlyList<string> Questions);

/// <summary>The SessionState event, to a session's watchers and groups.</summary>
public sealed record SessionStateMessage(string SessionId, string State);
