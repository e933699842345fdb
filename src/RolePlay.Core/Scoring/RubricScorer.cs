using System.Globalization;
using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Scoring;

/// <summary>
/// Scores staff turns with the cues of a <see cref="Rubric"/> plus the scenario's own cues: every cue that
/// matches adds its weight for or against its principle; a total of 1 or more upholds, −1 or less violates.
/// </summary>
public sealed class RubricScorer : IScorer
{
    private const double Threshold = 1.0;
    private readonly Rubric _rubric;
    private readonly Negation _negation;

    /// <summary>Creates a scorer over <paramref name="rubric"/>.</summary>
    public RubricScorer(Rubric rubric)
    {
        _rubric = rubric;
        _negation = new Negation(rubric.Negation);
    }

    /// <inheritdoc />
    public TurnScore Score(ScoringRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text;
        var normalized = TextNormalizer.Normalize(text);
        var chinese = request.Scenario?.IsChinese ?? TextNormalizer.HasCjk(text);
        var verdicts = new PrincipleVerdict[_rubric.Principles.Count];
        List<string>? matchedCues = null;
        var cueMood = 0;

        for (var i = 0; i < verdicts.Length; i++)
        {
            var principle = _rubric.Principles[i];
            var tally = new Tally();
            foreach (var cue in principle.Cues)
            {
                Match(cue, text, normalized, ref tally);
            }

            if (request.Scenario is { } scenario)
            {
                foreach (var cue in scenario.Cues)
                {
                    if (cue.Principle == principle.Id && AppliesIn(cue, request.Stage) && Match(cue, text, normalized, ref tally))
                    {
                        (matchedCues ??= []).Add(cue.Id);
                        cueMood += cue.Mood;
                    }
                }
            }

            if (principle.Id == Principles.PromptSincere && request.LatencyMs is { } latency)
            {
                AddTiming(latency, chinese, ref tally);
            }

            verdicts[i] = tally.Decide(principle, chinese);
        }

        if (request.Scenario is { } s)
        {
            // Cues with no principle only drive the scene; they still need matching.
            foreach (var cue in s.Cues)
            {
                if (cue.Principle is null && AppliesIn(cue, request.Stage))
                {
                    var tally = new Tally();
                    if (Match(cue, text, normalized, ref tally))
                    {
                        (matchedCues ??= []).Add(cue.Id);
                        cueMood += cue.Mood;
                    }
                }
            }
        }

        return new TurnScore(verdicts, matchedCues ?? (IReadOnlyList<string>)[], cueMood);
    }

    private static bool AppliesIn(Cue cue, string? stage) => cue.Stages.Count == 0 || stage is null || cue.Stages.Contains(stage);

    /// <summary>Adds the cue to the tally when one of its patterns matches; returns whether it counted for its own polarity.</summary>
    private bool Match(Cue cue, string text, string normalized, ref Tally tally)
    {
        foreach (var pattern in cue.Patterns)
        {
            int start = -1, length = 0;
            var negated = false;
            foreach (var m in pattern.Regex.EnumerateMatches(normalized))
            {
                var isNegated = cue.Negation != NegationMode.Ignore && _negation.IsNegated(normalized, m.Index);
                if (start < 0 || (negated && !isNegated))
                {
                    (start, length, negated) = (m.Index, m.Length, isNegated);
                }

                if (!negated)
                {
                    break;
                }
            }

            if (start < 0)
            {
                continue;
            }

            if (negated && cue.Negation == NegationMode.Cancel)
            {
                return false;
            }

            var polarity = negated ? -cue.Polarity : cue.Polarity;
            // A flipped cue keeps its evidence, but its feedback was written for the other polarity.
            tally.Add(new Evidence(text.Substring(start, length), start, length, cue.Id, polarity, negated), negated ? null : cue, cue.Weight * polarity);
            return !negated;
        }

        return false;
    }

    private void AddTiming(long latencyMs, bool chinese, ref Tally tally)
    {
        var timing = _rubric.Timing;
        var seconds = (latencyMs / 1000.0).ToString("0.#", CultureInfo.InvariantCulture);
        if (latencyMs <= timing.FastMs && timing.FastWeight > 0)
        {
            tally.Add(new Evidence(chinese ? $"{seconds} 秒内回复" : $"replied within {seconds} s", -1, 0, Evidence.TimingSource, 1, false), null, timing.FastWeight);
        }
        else if (latencyMs >= timing.SlowMs && timing.SlowWeight > 0)
        {
            tally.Add(new Evidence(chinese ? $"隔了 {seconds} 秒才回复" : $"replied only after {seconds} s", -1, 0, Evidence.TimingSource, -1, false), null, -timing.SlowWeight);
        }
    }

    /// <summary>The running total for one principle and the evidence behind it.</summary>
    private struct Tally
    {
        private List<Evidence>? _evidence;
        private double _score;
        private Cue? _strongestFor;
        private Cue? _strongestAgainst;

        public void Add(Evidence evidence, Cue? cue, double weight)
        {
            (_evidence ??= []).Add(evidence);
            _score += weight;
            if (cue?.Feedback is null)
            {
                return;
            }

            if (weight > 0 && (_strongestFor is null || cue.Weight > _strongestFor.Weight))
            {
                _strongestFor = cue;
            }
            else if (weight < 0 && (_strongestAgainst is null || cue.Weight > _strongestAgainst.Weight))
            {
                _strongestAgainst = cue;
            }
        }

        public readonly PrincipleVerdict Decide(PrincipleRubric principle, bool chinese)
        {
            var verdict = _score >= Threshold ? 1 : _score <= -Threshold ? -1 : 0;
            var cue = verdict switch { 1 => _strongestFor, -1 => _strongestAgainst, _ => null };
            var fallback = verdict switch { 1 => principle.Upheld, -1 => principle.Violated, _ => principle.NotEngaged };
            var feedback = (cue?.Feedback ?? fallback).For(chinese);
            return new PrincipleVerdict(principle.Id, verdict, _evidence ?? (IReadOnlyList<Evidence>)[], feedback);
        }
    }
}
