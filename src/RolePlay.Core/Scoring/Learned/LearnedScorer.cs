using System.Numerics.Tensors;

namespace RolePlay.Core.Scoring.Learned;

/// <summary>
/// Scores staff turns with a model learned from the labelled corpus (<c>scenarios/corpus</c>): character n-grams,
/// words, negation scope and the rubric's cue hits are weighed per principle, and the verdict with the highest
/// score wins. Evidence is the stretch of the student's own words that pushed hardest towards the verdict;
/// the scenario's cues still decide scene-specific triggers and mood, as with <see cref="RubricScorer"/>.
/// </summary>
public sealed class LearnedScorer : IScorer
{
    [ThreadStatic]
    private static List<FeatureHit>? t_hits;

    [ThreadStatic]
    private static int[]? t_rows;

    private readonly ScorerModel _model;
    private readonly Rubric _rubric;
    private readonly LineFeaturizer _featurizer;
    private readonly RubricScorer _scene;
    private readonly int[] _principleColumns;

    /// <summary>Creates a scorer from a trained model and the rubric its cue features came from.</summary>
    public LearnedScorer(ScorerModel model, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rubric);
        _model = model;
        _rubric = rubric;
        _featurizer = new LineFeaturizer(rubric);

        // The scenario's own cues alone: they trigger transitions, move the mood and, with a deciding weight, decide.
        _scene = new RubricScorer(rubric with { Principles = rubric.Principles.Select(p => p with { Cues = [] }).ToList() });
        _principleColumns = rubric.Principles.Select(p => IndexOf(model.Principles, p.Id)).ToArray();
    }

    /// <inheritdoc />
    public TurnScore Score(ScoringRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hits = t_hits ??= new List<FeatureHit>(256);
        hits.Clear();
        var rubricScore = _featurizer.Featurize(request, hits);
        var sceneScore = request.Scenario is null ? null : _scene.Score(request with { LatencyMs = null });
        var chinese = request.Scenario?.IsChinese ?? TextNormalizer.HasCjk(request.Text);

        Span<float> logits = stackalloc float[_model.Width];
        Span<float> units = stackalloc float[_model.Hidden?.Size ?? 0];
        // Each hit's weight row, looked up once for the scores and reused by the evidence of every verdict.
        var rows = (t_rows is { } buffer && buffer.Length >= hits.Count ? buffer : t_rows = new int[Math.Max(hits.Count, 256)]).AsSpan(0, hits.Count);
        for (var h = 0; h < hits.Count; h++)
        {
            rows[h] = _model.RowOf(hits[h].Hash);
        }

        Logits(rows, logits, units);

        var verdicts = new PrincipleVerdict[_rubric.Principles.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            var principle = _rubric.Principles[i];
            var column = _principleColumns[i];
            var verdict = column < 0 ? 0 : ScorerModel.Classes[ArgMax(logits.Slice(column * 3, 3))];
            List<Evidence>? evidence = null;
            var authored = sceneScore is null ? null : AuthoredVerdict(request.Scenario, principle.Id, sceneScore.Verdicts[i].Evidence);
            if (authored is { } cue)
            {
                verdict = cue.Polarity;
                evidence = [cue];
            }
            else if (verdict != 0)
            {
                evidence = EvidenceFinder.Find(request.Text, hits, rows, _model, units, column, verdict, CueEvidence(rubricScore.Verdicts[i], sceneScore?.Verdicts[i]));
            }

            if (principle.Id == Principles.PromptSincere && request.LatencyMs is { } latency)
            {
                verdict = ApplyTiming(latency, verdict, chinese, ref evidence);
            }

            var feedback = authored is { } decided && FindCue(request.Scenario, decided.Source)?.Feedback is { } own && decided.Polarity == verdict
                ? own.In(chinese)
                : Feedback(principle, verdict, rubricScore.Verdicts[i], chinese);
            verdicts[i] = new PrincipleVerdict(principle.Id, verdict, evidence ?? (IReadOnlyList<Evidence>)[], feedback);
        }

        return new TurnScore(verdicts, sceneScore?.MatchedCues ?? [], sceneScore?.CueMood ?? 0);
    }

    /// <summary>Every principle's and class's score, and the hidden units' outputs (zero for a unit that stayed off).</summary>
    private void Logits(ReadOnlySpan<int> rows, Span<float> logits, Span<float> units)
    {
        _model.Biases.CopyTo(logits);
        var weights = _model.Weights;
        var hidden = _model.Hidden;
        hidden?.Biases.CopyTo(units);
        Span<float> inputs = stackalloc float[units.Length];
        foreach (var row in rows)
        {
            if (row < 0)
            {
                continue;
            }

            TensorPrimitives.Add(logits, weights.AsSpan(row * logits.Length, logits.Length), logits);
            if (hidden is not null)
            {
                TensorPrimitives.ConvertToSingle(hidden.InputWeights.AsSpan(row * units.Length, units.Length), inputs);
                TensorPrimitives.Add(units, inputs, units);
            }
        }

        if (hidden is null)
        {
            return;
        }

        for (var u = 0; u < units.Length; u++)
        {
            if (units[u] <= 0)
            {
                units[u] = 0;
                continue;
            }

            var outputs = hidden.OutputWeights.AsSpan(u * logits.Length, logits.Length);
            for (var k = 0; k < logits.Length; k++)
            {
                logits[k] += outputs[k] * units[u];
            }
        }
    }

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        // Ties go to "not engaged": a verdict must be earned.
        var best = 1;
        for (var k = 0; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>
    /// A long silence violates "timely" whatever the words (a sincere line after a minute is at best not engaged);
    /// a quick reply does not make words sincere, so it changes nothing on its own.
    /// </summary>
    private int ApplyTiming(long latencyMs, int verdict, bool chinese, ref List<Evidence>? evidence)
    {
        var timing = _rubric.Timing;
        if (latencyMs < timing.SlowMs || timing.SlowWeight <= 0)
        {
            return verdict;
        }

        var seconds = (latencyMs / 1000.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        (evidence ??= []).Add(new Evidence(chinese ? $"隔了 {seconds} 秒才回复" : $"replied only after {seconds} s", -1, 0, Evidence.TimingSource, -1, false));
        return verdict > 0 ? 0 : -1;
    }

    /// <summary>
    /// A scenario's own cue for a principle with a deciding weight (1 or more) is the author's word for this scene
    /// ("没有钱就别来" is an insult here, whatever the model learned elsewhere): when such cues matched and agree,
    /// they decide the principle, with their words as evidence. Cues that disagree leave it to the model.
    /// </summary>
    private static IReadOnlyList<Evidence> CueEvidence(PrincipleVerdict rubric, PrincipleVerdict? scene) =>
        scene is null || scene.Evidence.Count == 0 ? rubric.Evidence : [.. rubric.Evidence, .. scene.Evidence];

    private static Evidence? AuthoredVerdict(Scenarios.Scenario? scenario, string principle, IReadOnlyList<Evidence> cueEvidence)
    {
        if (scenario is null)
        {
            return null;
        }

        Evidence? decided = null;
        foreach (var evidence in cueEvidence)
        {
            if (evidence.Negated || FindCue(scenario, evidence.Source) is not { } cue || cue.Principle != principle || cue.Weight < 1)
            {
                continue;
            }

            if (decided is not null && decided.Polarity != evidence.Polarity)
            {
                return null;
            }

            decided ??= evidence;
        }

        return decided;
    }

    private static Scenarios.Cue? FindCue(Scenarios.Scenario? scenario, string id)
    {
        if (scenario is null)
        {
            return null;
        }

        foreach (var cue in scenario.Cues)
        {
            if (cue.Id == id)
            {
                return cue;
            }
        }

        return null;
    }

    private static string Feedback(PrincipleRubric principle, int verdict, PrincipleVerdict rubricVerdict, bool chinese)
    {
        // When the rubric reached the same verdict, its cue's feedback is the most specific line there is.
        if (verdict != 0 && rubricVerdict.Verdict == verdict)
        {
            return rubricVerdict.Feedback;
        }

        return (verdict switch { 1 => principle.Upheld, -1 => principle.Violated, _ => principle.NotEngaged }).In(chinese);
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        return -1;
    }
}
