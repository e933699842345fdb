using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Scoring.Corpus;

/// <summary>A scorer's agreement with the corpus labels, per script and per principle.</summary>
/// <param name="ByScript">Script → one <see cref="Agreement"/> per principle, in <see cref="Principles.Ids"/> order.</param>
public sealed record Evaluation(IReadOnlyDictionary<string, IReadOnlyList<Agreement>> ByScript)
{
    /// <summary>Every script together, per principle.</summary>
    public IReadOnlyList<Agreement> Overall => Principles.Ids.Select((_, p) =>
    {
        var all = new Agreement();
        foreach (var script in ByScript.Values)
        {
            all.AddAll(script[p]);
        }

        return all;
    }).ToArray();

    /// <summary>All verdicts of a script (all scripts when null) pooled over the principles.</summary>
    public Agreement Pooled(string? script)
    {
        var all = new Agreement();
        foreach (var (name, agreements) in ByScript)
        {
            if (script is null || name == script)
            {
                foreach (var a in agreements)
                {
                    all.AddAll(a);
                }
            }
        }

        return all;
    }

    /// <summary>Scores every line with <paramref name="scorer"/> (its scenario's cues included) and compares with the labels.</summary>
    public static Evaluation Of(IScorer scorer, IEnumerable<CorpusLine> lines, Func<CorpusLine, Scenario?> scenarioOf)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(scenarioOf);
        var byScript = CorpusLine.Scripts.ToDictionary(s => s, _ => Principles.Ids.Select(_ => new Agreement()).ToArray(), StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var score = scorer.Score(new ScoringRequest(line.Text, line.Role, line.Stage, null, scenarioOf(line)));
            var agreements = byScript[line.Script];
            for (var p = 0; p < agreements.Length; p++)
            {
                agreements[p].Add(line.Verdicts[p], score.VerdictOf(Principles.Ids[p]));
            }
        }

        return new Evaluation(byScript.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Agreement>)kv.Value, StringComparer.Ordinal));
    }
}
