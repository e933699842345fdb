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
        var line = new Line(text);
        var chinese = request.Scenario?.IsChinese ?? line.HasCjk;
        var verdicts = new PrincipleVerdict[_rubric.Principles.Count];
        List<string>? matchedCues = null;
        var cueMood = 0;

        for (var i = 0; i < verdicts.Length; i++)
        {
            var principle = _rubric.Principles[i];
            var tally = new Tally();
            foreach (var cue in principle.Cues)
            {
                Match(cue, line, ref tally);
            }

            if (request.Scenario is { } scenario)
            {
                foreach (var cue in scenario.Cues)
                {
                    if (cue.Principle == principle.Id && AppliesIn(cue, request.Stage) && Match(cue, line, ref tally))
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
                    if (Match(cue, line, ref tally))
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
    private bool Match(Cue cue, in Line line, ref Tally tally)
    {
        // Scripts in order; a line's first un-negated match wins, else its first negated one.
        var found = new Found();
        var matcher = cue.Matcher;
        if (line.HasCjk)
        {
            Scan(matcher.Chinese, cue, line, ref found);
        }

        if (line.HasLatin && !found.Decided)
        {
            Scan(matcher.Latin, cue, line, ref found);
        }

        if (!found.Decided)
        {
            Scan(matcher.Other, cue, line, ref found);
        }

        var (start, length, negated) = (found.Start, found.Length, found.Negated);
        if (start < 0 || (negated && cue.Negation == NegationMode.Cancel))
        {
            return false;
        }

        var polarity = negated ? -cue.Polarity : cue.Polarity;

        // A flipped cue keeps its evidence, but its feedback was written for the other polarity.
        tally.Add(new Evidence(line.Original.Substring(start, length), start, length, cue.Id, polarity, negated), negated ? null : cue, cue.Weight * polarity);
        return !negated;
    }

    private void Scan(System.Text.RegularExpressions.Regex? regex, Cue cue, in Line line, ref Found found)
    {
        if (regex is null)
        {
            return;
        }

        foreach (var m in regex.EnumerateMatches(line.Normalized))
        {
            var isNegated = cue.Negation != NegationMode.Ignore && _negation.IsNegated(line.Normalized, m.Index);
            if (found.Start < 0 || (found.Negated && !isNegated))
            {
                found = new Found { Start = m.Index, Length = m.Length, Negated = isNegated };
            }

            if (!found.Negated)
            {
                return;
            }
        }
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

    /// <summary>The match a cue settled on so far.</summary>
    private struct Found
    {
        public Found()
        {
        }

        public int Start { get; set; } = -1;

        public int Length { get; set; }

        public bool Negated { get; set; }

        public readonly bool Decided => Start >= 0 && !Negated;
    }

    /// <summary>A line prepared once for every cue: normalised, and which scripts it holds.</summary>
    private readonly struct Line
    {
        public Line(string original)
        {
            Original = original;
            Normalized = TextNormalizer.Normalize(original);
            HasCjk = TextNormalizer.HasCjk(Normalized);
            HasLatin = Normalized.AsSpan().IndexOfAnyInRange('a', 'z') >= 0 || Normalized.AsSpan().IndexOfAnyInRange('A', 'Z') >= 0;
        }

        public string Original { get; }

        public string Normalized { get; }

        public bool HasCjk { get; }

        public bool HasLatin { get; }
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
            var feedback = (cue?.Feedback ?? fallback).In(chinese);
            return new PrincipleVerdict(principle.Id, verdict, _evidence ?? (IReadOnlyList<Evidence>)[], feedback);
        }
    }
}
