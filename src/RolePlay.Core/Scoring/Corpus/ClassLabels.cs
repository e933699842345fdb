namespace RolePlay.Core.Scoring.Corpus;

/// <summary>
/// Turns what people in a real class said about a staff turn — the instructor's overrides and observers' ratings —
/// into corpus verdicts, so the next training learns from real classes.
/// </summary>
public static class ClassLabels
{
    /// <summary>
    /// The people's verdicts on each principle (in <see cref="Principles.Ids"/> order), or null when nobody judged the
    /// turn. An instructor's override decides its principle; otherwise the observers' majority does (a tie, or no
    /// observer on that principle, keeps the engine's verdict, which the people saw and let stand).
    /// </summary>
    public static int[]? Decide(
        IReadOnlyDictionary<string, int> engine,
        IReadOnlyDictionary<string, int> overrides,
        IReadOnlyList<IReadOnlyDictionary<string, int>> ratings)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(ratings);
        if (overrides.Count == 0 && ratings.Count == 0)
        {
            return null;
        }

        var verdicts = new int[Principles.Ids.Count];
        for (var p = 0; p < verdicts.Length; p++)
        {
            var id = Principles.Ids[p];
            var engineVerdict = Math.Sign(engine.GetValueOrDefault(id));
            if (overrides.TryGetValue(id, out var decided))
            {
                verdicts[p] = Math.Sign(decided);
                continue;
            }

            var votes = ratings.Where(r => r.ContainsKey(id)).GroupBy(r => Math.Sign(r[id])).Select(g => (Verdict: g.Key, Count: g.Count())).OrderByDescending(v => v.Count).ToList();
            verdicts[p] = votes.Count == 0 || (votes.Count > 1 && votes[0].Count == votes[1].Count) ? engineVerdict : votes[0].Verdict;
        }

        return verdicts;
    }

    /// <summary>The corpus script of a line: <c>en</c> in an English scenario, else <c>zh-Hant</c> when it holds traditional characters, else <c>zh-Hans</c>.</summary>
    public static string ScriptOf(string text, bool chineseScenario)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!chineseScenario)
        {
            return "en";
        }

        foreach (var c in text)
        {
            if (ChineseScript.ToSimplified(c) != c)
            {
                return "zh-Hant";
            }
        }

        return "zh-Hans";
    }

    /// <summary>The corpus's scenario id for a scenario file's id: the language suffix dropped (<c>bakery-egg-tart-zh</c> → <c>bakery-egg-tart</c>).</summary>
    public static string ScenarioOf(string scenarioId)
    {
        ArgumentNullException.ThrowIfNull(scenarioId);
        return scenarioId.EndsWith("-zh", StringComparison.Ordinal) || scenarioId.EndsWith("-en", StringComparison.Ordinal) ? scenarioId[..^3] : scenarioId;
    }
}
