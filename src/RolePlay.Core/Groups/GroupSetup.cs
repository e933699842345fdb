using RolePlay.Core.Engine;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;

namespace RolePlay.Core.Groups;

/// <summary>What a group plays and never changes: the scenario, its scorer and the group's seed (which picks bot lines).</summary>
public sealed record GroupSetup(Scenario Scenario, IScorer Scorer, int Seed);

/// <summary>The session's settings as they reach one group: where the session is in its life, whether bots play empty seats, whether students see verdicts live.</summary>
public sealed record GroupSettings(GroupPhase Phase, bool Bots, bool LiveFeedback);

/// <summary>Where the session a group belongs to is in its life.</summary>
public enum GroupPhase
{
    /// <summary>Students are joining; no turns yet.</summary>
    Lobby,

    /// <summary>Play is open.</summary>
    Running,

    /// <summary>The instructor paused play.</summary>
    Paused,

    /// <summary>The instructor ended the session; nothing leaves this phase.</summary>
    Ended,
}

/// <summary>
/// A group's log as stored: when its play opened (turn times count from then) and every accepted turn in seq order.
/// Replaying it into a fresh <see cref="GroupState"/> gives the same scene back.
/// </summary>
public sealed record GroupLog(DateTime? StartedUtc, IReadOnlyList<TurnRecord> Turns)
{
    /// <summary>The log of a group that has not started.</summary>
    public static GroupLog Empty { get; } = new(null, []);
}

/// <summary>A point in a group's log-backed state (how many turns, when the clock started) to roll back to when the log refuses what came after.</summary>
public readonly record struct GroupCheckpoint(int Turns, DateTime? StartedUtc);
