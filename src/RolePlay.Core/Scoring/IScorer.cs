using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Scoring;

/// <summary>Scores one staff turn against the five principles. The seam where a better scorer can replace <see cref="RubricScorer"/>.</summary>
public interface IScorer
{
    /// <summary>Scores <paramref name="request"/>; never throws for any text.</summary>
    TurnScore Score(ScoringRequest request);
}

/// <summary>What a scorer needs to know about a staff turn.</summary>
/// <param name="Text">What the staff member said.</param>
/// <param name="Role">Who said it.</param>
/// <param name="Stage">The stage it was said in, for stage-specific cues; null when unknown.</param>
/// <param name="LatencyMs">Server time from the customer's last turn to this reply; null when unknown.</param>
/// <param name="Scenario">The scenario whose cues add to the rubric; null for the rubric alone.</param>
public sealed record ScoringRequest(string Text, string Role, string? Stage, long? LatencyMs, Scenario? Scenario);

/// <summary>The words (or the timing) that decided a verdict.</summary>
/// <param name="Text">The words as the student wrote them, or a sentence about the timing.</param>
/// <param name="Start">Where the words start in the turn's text; −1 for timing.</param>
/// <param name="Source">The cue id that matched, or <c>timing</c>.</param>
/// <param name="Polarity">+1 when it counted for the principle, −1 against.</param>
/// <param name="Negated">True when a negation before the words changed how they counted.</param>
public sealed record Evidence(string Text, int Start, int Length, string Source, int Polarity, bool Negated)
{
    /// <summary>The evidence id used for reply timing.</summary>
    public const string TimingSource = "timing";
}

/// <summary>A turn's verdict on one principle, with its evidence and one line of feedback.</summary>
/// <param name="Verdict">+1 upheld, 0 not engaged, −1 violated.</param>
public sealed record PrincipleVerdict(string Principle, int Verdict, IReadOnlyList<Evidence> Evidence, string Feedback);

/// <summary>The verdicts of one staff turn on every principle, and the scenario cues its words matched.</summary>
/// <param name="Verdicts">One per principle, in <see cref="Principles.Ids"/> order.</param>
/// <param name="MatchedCues">Ids of the scenario cues the text matched (after negation), for transitions.</param>
/// <param name="CueMood">The mood change the matched scenario cues carry.</param>
public sealed record TurnScore(IReadOnlyList<PrincipleVerdict> Verdicts, IReadOnlyList<string> MatchedCues, int CueMood)
{
    /// <summary>The verdict (+1, 0, −1) on a principle.</summary>
    public int VerdictOf(string principle)
    {
        foreach (var v in Verdicts)
        {
            if (v.Principle == principle)
            {
                return v.Verdict;
            }
        }

        return 0;
    }
}
