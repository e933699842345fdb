using System.Text;
using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Tests.Scenarios;

/// <summary>A shared scenario's cues may only cost the scorer so much: over budget is a file:line:col error, found before compiling.</summary>
public sealed class CueBudgetTests
{
    private static readonly string Mini = File.ReadAllText(TestPaths.Fixture("mini.yaml"));

    private static string WithCues(string cues) =>
        Mini.Replace("cues:\n", "cues:\n" + cues, StringComparison.Ordinal);

    [Fact]
    public void A_pattern_too_long_too_branchy_or_repeating_too_much_is_an_error_at_its_line_and_column()
    {
        var branchy = string.Join("|", Enumerable.Range(0, 42).Select(i => "word" + i));
        var yaml = WithCues(
            "  - id: long\n    patterns: ['" + new string('a', 301) + "']\n" +
            "  - id: branchy\n    patterns: ['" + branchy + "']\n" +
            "  - id: counted\n    patterns: ['(ab|cd){1000}']\n");

        var result = ScenarioLoader.Load(yaml, "heavy.yaml");

        Assert.Null(result.Scenario);
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        var lines = yaml.Split('\n');
        Assert.Contains(errors, e => e.StartsWith($"heavy.yaml:{Line(lines, "id: long") + 1}:", StringComparison.Ordinal) && e.Contains("301 characters", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"heavy.yaml:{Line(lines, "id: branchy") + 1}:", StringComparison.Ordinal) && e.Contains("41 alternations", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"heavy.yaml:{Line(lines, "id: counted") + 1}:", StringComparison.Ordinal) && e.Contains("{1000}", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Matches(@"^heavy\.yaml:\d+:\d+: ", e));
    }

    [Fact]
    public void Too_many_patterns_are_refused_once_at_the_first_over_the_budget()
    {
        var cues = new StringBuilder();
        for (var i = 0; i < 1500; i++)
        {
            // Five alternations each: the 201st pattern is over both the pattern count and the alternations in all.
            cues.Append("  - id: c").Append(i).Append("\n    patterns: ['(alpha").Append(i).Append("|beta|gamma|delta) (one|two|three)']\n");
        }

        var yaml = WithCues(cues.ToString());
        var result = ScenarioLoader.Load(yaml, "crowded.yaml");

        Assert.Null(result.Scenario);
        var error = Assert.Single(result.Errors).ToString();
        var line = Line(yaml.Split('\n'), $"id: c{CueBudget.MaxPatterns}\n".TrimEnd('\n') + "") + 1;
        Assert.StartsWith($"crowded.yaml:{line}:", error, StringComparison.Ordinal);
        Assert.Contains("over budget", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_scenario_is_well_within_the_budget()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Scenarios, "*.yaml").Where(f => !f.EndsWith("principles.yaml", StringComparison.Ordinal)))
        {
            var result = ScenarioLoader.LoadFile(file);
            Assert.True(result.Scenario is not null, string.Join("\n", result.Errors));
        }
    }

    private static int Line(string[] lines, string text) => Array.FindIndex(lines, l => l.EndsWith(text, StringComparison.Ordinal)) + 1;
}
