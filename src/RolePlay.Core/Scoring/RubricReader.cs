using RolePlay.Core.Localization;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Yaml;

namespace RolePlay.Core.Scoring;

/// <summary>Reads <c>principles.yaml</c> into a <see cref="Rubric"/>.</summary>
internal static class RubricReader
{
    public static Rubric? Read(YamlNode root, Diagnostics diag)
    {
        var doc = FieldReader.For(root, diag, "the rubric", "principles", "negation", "timing", "calls"); // calls: read by Scenarios.SharedCalls
        if (doc is null)
        {
            return null;
        }

        var principles = new List<PrincipleRubric>();
        foreach (var node in doc.List("principles", required: true))
        {
            var p = ReadPrinciple(node, diag);
            if (p is not null)
            {
                principles.Add(p);
            }
        }

        var missing = Principles.Ids.Where(id => principles.All(p => p.Id != id)).ToList();
        if (missing.Count > 0)
        {
            diag.Add(doc.MarkOf("principles"), $"the rubric must define all five principles; missing: {string.Join(", ", missing)}");
        }

        // Verdicts are reported in the canonical order whatever order the file uses.
        principles.Sort((a, b) => Principles.IndexOf(a.Id).CompareTo(Principles.IndexOf(b.Id)));

        var neg = FieldReader.For(doc.Mapping("negation", required: true), diag, "negation", "zh", "zhExceptions", "en", "zhWindow", "enWindow");
        var time = FieldReader.For(doc.Mapping("timing", required: true), diag, "timing", "fastMs", "fastWeight", "slowMs", "slowWeight");
        if (neg is null || time is null)
        {
            return null;
        }

        var negation = new NegationRules(
            [.. neg.Strings("zh", required: true).Select(s => TextNormalizer.Normalize(s.Value))],
            [.. neg.Strings("zhExceptions").Select(s => TextNormalizer.Normalize(s.Value))],
            [.. neg.Strings("en", required: true).Select(s => s.Value.ToLowerInvariant())],
            neg.Int("zhWindow", 1, 10) ?? 3,
            neg.Int("enWindow", 1, 10) ?? 3);
        var timing = new TimingRules(
            time.Int("fastMs", 0, 3_600_000, required: true) ?? 15_000,
            time.Double("fastWeight", 0, 10) ?? 0.5,
            time.Int("slowMs", 0, 3_600_000, required: true) ?? 60_000,
            time.Double("slowWeight", 0, 10) ?? 1.5);
        return new Rubric(principles, negation, timing);
    }

    private static PrincipleRubric? ReadPrinciple(YamlNode node, Diagnostics diag)
    {
        var f = FieldReader.For(node, diag, "a principle", "id", "name", "short", "feedback", "cues");
        if (f is null)
        {
            return null;
        }

        var id = f.Text("id", required: true);
        if (Principles.IndexOf(id) < 0)
        {
            diag.Add(f.MarkOf("id"), $"unknown principle '{id}'; the five are {string.Join(", ", Principles.Ids)}");
            return null;
        }

        var feedback = FieldReader.For(f.Mapping("feedback", required: true), diag, $"feedback of '{id}'", "upheld", "violated", "none");
        var cues = new List<Cue>();
        foreach (var cueNode in f.List("cues", required: true))
        {
            var cue = CueReader.Read(cueNode, diag, $"a cue of '{id}'", scenarioLevel: false);
            if (cue is null)
            {
                continue;
            }

            if (cues.Any(c => c.Id == cue.Id))
            {
                diag.Add(cue.Mark, $"duplicate cue id '{cue.Id}' in principle '{id}'");
            }

            cues.Add(cue with { Principle = id });
        }

        var name = Local(f.Node("name"), diag, $"name of '{id}'");
        return new PrincipleRubric(
            id,
            name,
            f.Node("short") is { } shortName ? Local(shortName, diag, $"short of '{id}'") : name, // a rubric that gives no short label shows the name
            Local(feedback?.Node("upheld"), diag, $"feedback.upheld of '{id}'"),
            Local(feedback?.Node("violated"), diag, $"feedback.violated of '{id}'"),
            Local(feedback?.Node("none"), diag, $"feedback.none of '{id}'"),
            cues);
    }

    private static LocalizedText Local(YamlNode? node, Diagnostics diag, string where)
    {
        var t = FieldReader.For(node, diag, where, FieldReader.BilingualFields);
        if (node is null)
        {
            diag.Add(SourceMark.None, $"{where} is missing");
        }

        return t is null ? LocalizedText.Both(string.Empty) : new LocalizedText(t.Text("en", required: true), t.Text("zh", required: true));
    }
}
