using System.Text.RegularExpressions;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Yaml;

namespace RolePlay.Core.Scoring;

/// <summary>Reads a cue (rubric-level or scenario-level) and compiles its patterns safely.</summary>
internal static class CueReader
{
    /// <summary>Every pattern runs on the non-backtracking engine: an author's pattern can never hang the scorer.</summary>
    internal const RegexOptions PatternOptions = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The fields of a scenario's own cue.</summary>
    public static readonly IReadOnlyList<string> ScenarioFields = ["id", "principle", "verdict", "weight", "patterns", "feedback", "negation", "stages", "mood"];

    /// <summary>The fields of a cue of the shared rubric: it scores the principle it is listed under, everywhere.</summary>
    public static readonly IReadOnlyList<string> RubricFields = ["id", "verdict", "weight", "patterns", "feedback", "negation"];

    public static Cue? Read(YamlNode node, Diagnostics diag, string where, bool scenarioLevel, CueBudget? budget = null)
    {
        var f = FieldReader.For(node, diag, where, scenarioLevel ? ScenarioFields : RubricFields);
        if (f is null)
        {
            return null;
        }

        var id = f.Text("id", required: true);
        var principle = scenarioLevel ? f.String("principle") : null;
        if (principle is not null && Principles.IndexOf(principle) < 0)
        {
            diag.Add(f.MarkOf("principle"), $"unknown principle '{principle}'; known: {string.Join(", ", Principles.Ids)}");
        }

        var verdictText = f.String("verdict", required: !scenarioLevel || principle is not null);
        var polarity = verdictText switch
        {
            null => 0,
            "upheld" => 1,
            "violated" => -1,
            _ => Bad(f, diag, "verdict", $"verdict must be 'upheld' or 'violated', not '{verdictText}'"),
        };

        var negationText = f.String("negation");
        var negation = negationText switch
        {
            null or "cancel" => NegationMode.Cancel,
            "flip" => NegationMode.Flip,
            "ignore" => NegationMode.Ignore,
            _ => (NegationMode)Bad(f, diag, "negation", $"negation must be 'cancel', 'flip' or 'ignore', not '{negationText}'"),
        };

        var patterns = new List<CuePattern>();
        foreach (var p in f.Strings("patterns", required: true))
        {
            var compiled = budget is null || budget.Admit(p, diag) ? Compile(p, diag) : null; // checked before compiling
            if (compiled is not null)
            {
                patterns.Add(compiled);
            }
        }

        return new Cue(
            id,
            principle,
            polarity,
            f.Double("weight", 0.1, 10) ?? 1.0,
            patterns,
            f.Bilingual("feedback"),
            negation,
            [.. f.Strings("stages").Select(s => s.Value)],
            scenarioLevel ? f.Int("mood", -100, 100) ?? 0 : 0,
            f.Mark);
    }

    private static CuePattern? Compile(YamlScalar pattern, Diagnostics diag)
    {
        var source = pattern.Value.Trim();
        if (source.Length == 0)
        {
            diag.Add(pattern.Mark, "a cue pattern must not be empty");
            return null;
        }

        try
        {
            // Patterns are matched against normalised text (simplified script, half-width, lower case), so they are normalised too.
            var regex = new Regex(TextNormalizer.Normalize(source), PatternOptions);
            if (regex.IsMatch(string.Empty))
            {
                diag.Add(pattern.Mark, $"cue pattern '{source}' matches empty text, so it would match every line");
                return null;
            }

            return new CuePattern(source, regex);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // NonBacktracking refuses look-arounds, back-references and atomic groups: say so plainly.
            diag.Add(pattern.Mark, $"cue pattern '{source}' is not a usable regular expression: {ex.Message}");
            return null;
        }
    }

    private static int Bad(FieldReader f, Diagnostics diag, string key, string message)
    {
        diag.Add(f.MarkOf(key), message);
        return 0;
    }
}
