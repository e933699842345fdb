using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;

namespace RolePlay.Core.Engine;

/// <summary>What a transition's condition is checked against: the move just made and where the scene stands.</summary>
/// <param name="Role">Who moved (null for the clock).</param>
/// <param name="ActionId">The action taken, if the move was one.</param>
/// <param name="EventId">The event injected, if the move was one.</param>
/// <param name="Score">The verdicts and matched cues of a scored staff line.</param>
/// <param name="Mood">The customer's mood after the move.</param>
/// <param name="TurnsInStage">Turns taken since the stage was entered.</param>
/// <param name="MsInStage">Time since the stage was entered.</param>
internal readonly record struct SceneMoment(string? Role, string? ActionId, string? EventId, TurnScore? Score, int Mood, int TurnsInStage, long MsInStage);

/// <summary>
/// When a stage's transitions fire: a transition fires when every part of its condition holds, and of a stage's
/// transitions the first (in the author's order) that holds wins, so authors put the most specific first.
/// </summary>
internal static class TransitionRules
{
    /// <summary>The first of the stage's transitions whose condition holds now, or null.</summary>
    public static Transition? FirstThatHolds(Stage stage, Scenario scenario, SceneMoment now) =>
        stage.Transitions.FirstOrDefault(t => Holds(t.When, scenario, now));

    /// <summary>The first transition that waits only on time in the stage (and mood) and whose time has come, or null.</summary>
    public static Transition? FirstTimedThatHolds(Stage stage, Scenario scenario, SceneMoment now) =>
        stage.Transitions.FirstOrDefault(t => t.When.SecondsInStage is not null && IsTimeOnly(t.When) && Holds(t.When, scenario, now));

    private static bool Holds(TransitionCondition when, Scenario scenario, SceneMoment now)
    {
        if (when.Event is not null && when.Event != now.EventId)
        {
            return false;
        }

        if (when.Action is not null && when.Action != now.ActionId)
        {
            return false;
        }

        if (when.Role is not null && (now.Role is null || (when.Role == TransitionCondition.AnyStaff ? scenario.FindRole(now.Role)?.IsCustomer != false : when.Role != now.Role)))
        {
            return false;
        }

        if (when.Cue is not null && now.Score?.MatchedCues.Contains(when.Cue) != true)
        {
            return false;
        }

        if ((when.Upheld is not null && now.Score?.VerdictOf(when.Upheld) != 1) || (when.Violated is not null && now.Score?.VerdictOf(when.Violated) != -1))
        {
            return false;
        }

        return (when.MoodAtLeast is null || now.Mood >= when.MoodAtLeast)
            && (when.MoodAtMost is null || now.Mood <= when.MoodAtMost)
            && (when.TurnsInStage is null || now.TurnsInStage >= when.TurnsInStage)
            && (when.SecondsInStage is null || now.MsInStage >= when.SecondsInStage * 1000L);
    }

    private static bool IsTimeOnly(TransitionCondition w) =>
        w.Event is null && w.Action is null && w.Role is null && w.Cue is null && w.Upheld is null && w.Violated is null;
}
