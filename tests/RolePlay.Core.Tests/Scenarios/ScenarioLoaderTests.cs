using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private static readonly string Mini = File.ReadAllText(TestPaths.Fixture("mini.yaml"));

    [Fact]
    public void Valid_file_loads_with_its_stages_roles_and_outcomes()
    {
        var result = ScenarioLoader.Load(Mini, "mini.yaml");

        Assert.Empty(result.Errors);
        var scenario = Assert.IsType<Scenario>(result.Scenario);
        Assert.Equal(["desk", "office"], scenario.Stages.Select(s => s.Id));
        Assert.Equal("customer", scenario.Customer.Id);
        Assert.True(scenario.FindOutcome("resolved")!.Success);
        Assert.Equal("angry", scenario.Mood.BandOf(30).Id);
        Assert.Equal("calm", scenario.Mood.BandOf(31).Id);
    }

    [Fact]
    public void Unknown_field_is_reported_at_its_line_and_column()
    {
        var text = Mini.Replace("    opens: customer\n", "    opens: customer\n    colour: red\n");

        var error = Assert.Single(ScenarioLoader.Load(text, "x.yaml").Errors);

        Assert.Equal(At(text, "colour: red"), (error.Mark.Line, error.Mark.Column));
        Assert.Contains("unknown field 'colour'", error.Message);
        Assert.StartsWith($"x.yaml:{error.Mark.Line}:{error.Mark.Column}: ", error.ToString());
    }

    [Fact]
    public void Transition_to_an_unknown_stage_names_the_stage_and_what_exists()
    {
        var text = Mini.Replace("      - to: office\n        when: { action: call-manager }", "      - to: ofice\n        when: { action: call-manager }");

        var errors = ScenarioLoader.Load(text, "x.yaml").Errors;

        var error = Assert.Single(errors, e => e.Message.Contains("'ofice'"));
        Assert.Equal(At(text, "ofice"), (error.Mark.Line, error.Mark.Column));
        Assert.Contains("desk, office", error.Message);
    }

    [Fact]
    public void Unknown_role_in_present_and_duplicate_ids_are_all_reported_at_once()
    {
        var text = Mini
            .Replace("present: [customer, clerk]", "present: [customer, clark]")
            .Replace("  - id: office\n", "  - id: desk\n");

        var messages = ScenarioLoader.Load(text, "x.yaml").Errors.Select(e => e.Message).ToList();

        Assert.Contains(messages, m => m.Contains("unknown role 'clark'"));
        Assert.Contains(messages, m => m.Contains("duplicate stage id 'desk'"));
    }

    [Fact]
    public void Unreachable_stage_is_reported_at_the_stage()
    {
        var text = Mini.Replace("      - to: office\n        when: { action: call-manager }\n      - to: office\n        when: { cue: manager-please }\n", string.Empty);

        var errors = ScenarioLoader.Load(text, "x.yaml").Errors;

        Assert.Contains(errors, e => e.Message.Contains("stage 'office' is unreachable") && e.Mark.Line == At(text, "- id: office").Line);
        Assert.Contains(errors, e => e.Message.Contains("'resolved'"));
    }

    [Fact]
    public void Stage_reachable_only_through_an_action_is_refused()
    {
        var text = Mini.Replace("      - to: office\n        when: { cue: manager-please }\n", string.Empty);

        var errors = ScenarioLoader.Load(text, "x.yaml").Errors;

        Assert.Contains(errors, e => e.Message.Contains("can be reached only through actions"));
    }

    [Fact]
    public void Missing_bot_lines_for_a_mood_band_are_reported()
    {
        var text = Mini.Replace("    calm: [\"We'll replace it with a new one today.\"]\n", string.Empty);

        var error = Assert.Single(ScenarioLoader.Load(text, "x.yaml").Errors);

        Assert.Contains("role 'manager' in mood band 'calm'", error.Message);
    }

    [Fact]
    public void Only_resolved_may_be_a_success()
    {
        var text = Mini.Replace("    title: Customer walked out\n", "    title: Customer walked out\n    success: true\n");

        Assert.Contains(ScenarioLoader.Load(text, "x.yaml").Errors, e => e.Message.Contains("only the outcome 'resolved' may be a success"));
    }

    [Fact]
    public void Backtracking_only_regex_features_are_refused_with_the_pattern_named()
    {
        var text = Mini.Replace(@"patterns: ['\blying\b']", @"patterns: ['(?=lying)\w+']");

        var error = Assert.Single(ScenarioLoader.Load(text, "x.yaml").Errors);

        Assert.Contains("(?=lying)", error.Message);
        Assert.Equal(At(text, @"'(?=lying)").Line, error.Mark.Line);
    }

    [Fact]
    public void Yaml_syntax_error_points_at_the_broken_line()
    {
        var text = Mini.Replace("title: A returned kettle", "title: [A returned kettle");

        var error = Assert.Single(ScenarioLoader.Load(text, "x.yaml").Errors);

        Assert.StartsWith("YAML syntax", error.Message);
        Assert.InRange(error.Mark.Line, 2, 4);
    }

    [Fact]
    public void Wrong_value_types_say_what_was_expected()
    {
        var text = Mini.Replace("  start: 40", "  start: lots");

        var error = Assert.Single(ScenarioLoader.Load(text, "x.yaml").Errors);

        Assert.Contains("'start' in mood must be a whole number from 0 to 100, not 'lots'", error.Message);
    }

    [Fact]
    public void Missing_file_is_an_error_not_an_exception()
    {
        var error = Assert.Single(ScenarioLoader.LoadFile("/nonexistent/scenario.yaml").Errors);

        Assert.Equal("file not found", error.Message);
    }

    internal static (int Line, int Column) At(string text, string snippet)
    {
        var index = text.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(index >= 0, $"snippet '{snippet}' not in text");
        var lineStart = index == 0 ? -1 : text.LastIndexOf('\n', index - 1);
        return (1 + text[..index].Count(c => c == '\n'), index - lineStart);
    }
}
