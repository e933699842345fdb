using RolePlay.Core.Engine;
using RolePlay.Core.Scoring;

namespace RolePlay.Core.Transcripts;

/// <summary>A scored transcript as the CLI's <c>replay --json</c> and the server's transcript API return it.</summary>
/// <param name="Refused">For a replay: the script lines the engine did not play (empty when every line was played); null elsewhere.</param>
public sealed record TranscriptDocument(
    string ScenarioId,
    string ScenarioTitle,
    OutcomeSummary Outcome,
    IReadOnlyList<string> StagePath,
    int FinalMood,
    IReadOnlyList<TranscriptTurn> Turns,
    IReadOnlyDictionary<string, int> Totals,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> TotalsByRole,
    IReadOnlyList<RefusedLine>? Refused = null)
{
    /// <summary>Builds the document of a play; a play without an outcome reports the scenario's outcome for an unfinished play.</summary>
    public static TranscriptDocument From(Play play)
    {
        ArgumentNullException.ThrowIfNull(play);
        var scenario = play.Scenario;
        var outcome = play.Outcome ?? scenario.FindOutcome(scenario.UnfinishedOutcome)!;
        var turns = play.Turns.Select(TranscriptTurn.From).ToList();
        var byRole = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var group in play.Turns.Where(t => t.Score is not null).GroupBy(t => t.Role))
        {
            byRole[group.Key] = Sum(group);
        }

        return new TranscriptDocument(
            scenario.Id,
            scenario.Title,
            new OutcomeSummary(outcome.Id, outcome.Success, outcome.Title),
            play.StagePath,
            play.Mood,
            turns,
            Sum(play.Turns),
            byRole);
    }

    private static Dictionary<string, int> Sum(IEnumerable<Turn> turns)
    {
        var totals = Principles.Ids.ToDictionary(p => p, _ => 0, StringComparer.Ordinal);
        foreach (var turn in turns)
        {
            if (turn.Score is null)
            {
                continue;
            }

            foreach (var v in turn.Score.Verdicts)
            {
                totals[v.Principle] += v.Verdict;
            }
        }

        return totals;
    }
}

/// <summary>A script line a replay did not play: its 1-based line number in the script, its role, and the rule that refused it.</summary>
public sealed record RefusedLine(int Line, string Role, string Reason);

/// <summary>How a play ended.</summary>
public sealed record OutcomeSummary(string Id, bool Success, string Title);

/// <summary>One turn of a transcript; staff turns carry verdicts, evidence and feedback per principle; <c>Joined</c> lists the roles the turn brought into the scene.</summary>
public sealed record TranscriptTurn(
    int Seq,
    TurnKind Kind,
    string Role,
    string? Text,
    string? Action,
    string? Event,
    string Stage,
    string StageAfter,
    long AtMs,
    long? LatencyMs,
    bool Bot,
    int Mood,
    IReadOnlyDictionary<string, int>? Verdicts,
    IReadOnlyDictionary<string, IReadOnlyList<EvidenceItem>>? Evidence,
    IReadOnlyDictionary<string, string>? Feedback,
    IReadOnlyList<string>? Joined = null)
{
    /// <summary>The transcript form of an engine turn.</summary>
    public static TranscriptTurn From(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var score = turn.Score;
        return new TranscriptTurn(
            turn.Seq,
            turn.Kind,
            turn.Role,
            turn.Text,
            turn.ActionId,
            turn.EventId,
            turn.Stage,
            turn.StageAfter,
            turn.AtMs,
            turn.LatencyMs,
            turn.IsBot,
            turn.MoodAfter,
            score is null ? null : VerdictMap(score),
            score is null ? null : EvidenceMap(score),
            score?.Verdicts.ToDictionary(v => v.Principle, v => v.Feedback, StringComparer.Ordinal),
            turn.Joined);
    }

    /// <summary>Principle id → verdict, in the canonical order.</summary>
    public static IReadOnlyDictionary<string, int> VerdictMap(TurnScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.Verdicts.ToDictionary(v => v.Principle, v => v.Verdict, StringComparer.Ordinal);
    }

    /// <summary>Principle id → the evidence behind its verdict.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EvidenceItem>> EvidenceMap(TurnScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.Verdicts.ToDictionary(
            v => v.Principle,
            v => (IReadOnlyList<EvidenceItem>)[.. v.Evidence.Select(EvidenceItem.From)],
            StringComparer.Ordinal);
    }
}

/// <summary>Evidence as written to JSON: the words, where they are, which cue, and which way they counted.</summary>
public sealed record EvidenceItem(string Text, int Start, int Length, string Cue, int Polarity, bool Negated)
{
    /// <summary>The JSON form of scorer evidence.</summary>
    public static EvidenceItem From(Evidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EvidenceItem(e.Text, e.Start, e.Length, e.Source, e.Polarity, e.Negated);
    }
}
