using RolePlay.Core.Engine;
using RolePlay.Core.Localization;
using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Groups;

/// <summary>
/// What a command caused in a group, in the order it happened. A refused command causes one <see cref="Refused"/> and
/// nothing else; a command that changed nothing causes no event at all.
/// </summary>
public abstract record GroupEvent
{
    private GroupEvent()
    {
    }

    /// <summary>
    /// A turn was accepted with its seq. <paramref name="Expecting"/> says whose move is next (null once the scene is
    /// over); <paramref name="VerdictsForStudents"/> says whether students see its verdicts (watchers always do).
    /// </summary>
    public sealed record TurnAccepted(Turn Turn, Side? Expecting, bool VerdictsForStudents) : GroupEvent;

    /// <summary>Who is in the scene changed: the group entered a stage, or a role came into this one.</summary>
    public sealed record SceneChanged(Scene Scene) : GroupEvent;

    /// <summary>The customer's mood changed.</summary>
    public sealed record MoodChanged(int Mood, string Band) : GroupEvent;

    /// <summary>The scene reached an outcome (or the session ended it).</summary>
    public sealed record Ended(Outcome Outcome) : GroupEvent;

    /// <summary>
    /// Seats changed: <paramref name="Changed"/> seats to add or replace, <paramref name="Removed"/> seats gone from
    /// the group, and the roles bots play now. <paramref name="ObserversOnly"/> when only observers' seats changed,
    /// which students never list.
    /// </summary>
    public sealed record RosterChanged(IReadOnlyList<Seat> Changed, IReadOnlyList<Seat> Removed, IReadOnlyList<string> BotRoles, bool ObserversOnly) : GroupEvent;

    /// <summary>Play opened: turn times count from <paramref name="StartedUtc"/>. Stored with the log, so times survive a restart.</summary>
    public sealed record ClockStarted(DateTime StartedUtc) : GroupEvent;

    /// <summary>The command was refused and changed nothing; <paramref name="Rule"/> is the play rule it broke, in both languages.</summary>
    public sealed record Refused(RefusalReason Reason, LocalizedText? Rule = null) : GroupEvent;
}

/// <summary>Why a group refused a command.</summary>
public enum RefusalReason
{
    /// <summary>The session has not started.</summary>
    NotStarted,

    /// <summary>The instructor paused the session.</summary>
    Paused,

    /// <summary>The session has ended.</summary>
    SessionEnded,

    /// <summary>The turn breaks a rule of the play (see <see cref="GroupEvent.Refused.Rule"/>).</summary>
    PlayRule,
}

/// <summary>The scene as it stands: the stage, the roles in it, and for each role not in it why it waits and what brings it in.</summary>
public sealed record Scene(Stage Stage, IReadOnlyList<string> Present, IReadOnlyList<RoleWaiting> Waiting);
