using System.Text.Json;
using System.Text.RegularExpressions;

namespace RolePlay.Core.Tests.Cli;

public class CliTests
{
    private static readonly string Mini = TestPaths.Fixture("mini.yaml");

    [Fact]
    public void Validate_exits_zero_for_a_valid_file()
    {
        var (code, _, err) = CliRunner.Run("validate", Mini);

        Assert.Equal(0, code);
        Assert.Empty(err);
    }

    [Fact]
    public void Validate_prints_file_line_col_errors_and_exits_one()
    {
        var broken = CliRunner.TempFile(File.ReadAllText(Mini).Replace("opens: customer", "opens: nobody"), ".yaml");
        try
        {
            var (code, _, err) = CliRunner.Run("validate", Mini, broken);

            Assert.Equal(1, code);
            Assert.Matches($@"^{Regex.Escape(broken)}:\d+:\d+: opens must be 'customer' or 'staff', not 'nobody'", err);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Unknown_verb_and_missing_options_are_usage_errors()
    {
        Assert.Equal(2, CliRunner.Run("frobnicate").Code);
        Assert.Equal(2, CliRunner.Run("replay", "--scenario", Mini).Code);
        Assert.Equal(2, CliRunner.Run("graph", Mini, "--format", "png").Code);
    }

    [Theory]
    [InlineData("mermaid", "stateDiagram-v2")]
    [InlineData("dot", "digraph")]
    public void Graph_draws_every_stage_and_outcome(string format, string header)
    {
        var (code, output, _) = CliRunner.Run("graph", Mini, "--format", format);

        Assert.Equal(0, code);
        Assert.Contains(header, output);
        Assert.Contains("office", output);
        Assert.Contains("walked-out", output);
        Assert.Contains("says manager-please", output);
    }

    [Fact]
    public void Score_prints_one_json_line_per_input_line_in_the_contract_shape()
    {
        var input = CliRunner.TempFile("""
            {"id":"a","role":"clerk","text":"We will replace it today.","stage":"office"}
            {"id":"b","role":"clerk","text":"You are lying.","latencyMs":90000}
            """);
        try
        {
            var (code, output, err) = CliRunner.Run("score", "--scenario", Mini, "--in", input);

            Assert.True(code == 0, err);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            using var first = JsonDocument.Parse(lines[0]);
            Assert.Equal("a", first.RootElement.GetProperty("id").GetString());
            var verdicts = first.RootElement.GetProperty("verdicts");
            Assert.Equal(["customer-first", "prompt-sincere", "off-scene", "affirm", "resolve"], verdicts.EnumerateObject().Select(p => p.Name));
            Assert.True(first.RootElement.TryGetProperty("evidence", out _));
            using var second = JsonDocument.Parse(lines[1]);
            Assert.Equal(-1, second.RootElement.GetProperty("verdicts").GetProperty("customer-first").GetInt32());
            Assert.Equal(-1, second.RootElement.GetProperty("verdicts").GetProperty("prompt-sincere").GetInt32());
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void Score_reports_bad_lines_with_their_line_number_and_goes_on()
    {
        var input = CliRunner.TempFile("""
            {"id":"a","role":"customer","text":"Hi"}
            not json
            {"id":"c","role":"clerk","text":"Sorry!"}
            """);
        try
        {
            var (code, output, err) = CliRunner.Run("score", "--scenario", Mini, "--in", input);

            Assert.Equal(1, code);
            Assert.Contains($"{input}:1:1: customer lines are not scored", err);
            Assert.Contains($"{input}:2:", err);
            Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void Replay_json_reports_outcome_stage_path_turns_and_totals()
    {
        var script = CliRunner.TempFile("""
            {"role":"customer","text":"My kettle leaks."}
            {"role":"clerk","action":"call-manager","delayMs":3000}
            {"role":"manager","text":"I'm sorry. We'll replace it right now.","delayMs":2000}
            """);
        try
        {
            var (code, output, err) = CliRunner.Run("replay", "--scenario", Mini, "--script", script, "--json");

            Assert.True(code == 0, err);
            using var doc = JsonDocument.Parse(output);
            var root = doc.RootElement;
            Assert.Equal("resolved", root.GetProperty("outcome").GetProperty("id").GetString());
            Assert.True(root.GetProperty("outcome").GetProperty("success").GetBoolean());
            Assert.Equal(["desk", "office"], root.GetProperty("stagePath").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(3, root.GetProperty("turns").GetArrayLength());
            Assert.Equal(1, root.GetProperty("turns")[2].GetProperty("verdicts").GetProperty("resolve").GetInt32());
            Assert.True(root.TryGetProperty("finalMood", out _));
            Assert.True(root.GetProperty("totals").GetProperty("resolve").GetInt32() >= 1);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void Replay_of_a_script_that_stops_early_reports_the_unfinished_outcome()
    {
        var script = CliRunner.TempFile("""{"role":"customer","text":"My kettle leaks."}""");
        try
        {
            var (code, output, _) = CliRunner.Run("replay", "--scenario", Mini, "--script", script, "--json");

            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal("unresolved", doc.RootElement.GetProperty("outcome").GetProperty("id").GetString());
            Assert.False(doc.RootElement.GetProperty("outcome").GetProperty("success").GetBoolean());
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void Replay_with_strict_stops_at_the_first_refused_line_with_its_line_number()
    {
        var script = CliRunner.TempFile("""
            {"role":"customer","text":"My kettle leaks."}
            {"role":"manager","text":"Hello?"}
            {"role":"clerk","text":"Sorry about that."}
            """);
        try
        {
            var (code, _, err) = CliRunner.Run("replay", "--scenario", Mini, "--script", script, "--strict");

            Assert.Equal(1, code);
            Assert.Contains($"{script}:2:1: Manager is not in the scene", err);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void Replay_goes_on_past_a_refused_line_and_lists_it_and_the_lines_after_the_end_as_refused()
    {
        var script = CliRunner.TempFile("""
            {"role":"customer","text":"My kettle leaks."}
            {"role":"manager","text":"Hello?"}
            {"role":"clerk","action":"call-manager"}
            {"role":"manager","text":"I'm sorry. We'll replace it right now."}
            {"role":"customer","text":"Thank you."}
            """);
        try
        {
            var (code, output, err) = CliRunner.Run("replay", "--scenario", Mini, "--script", script, "--json");

            Assert.True(code == 0, err);
            Assert.Contains($"{script}:2:1: warning: manager refused, skipped: Manager is not in the scene", err);
            using var doc = JsonDocument.Parse(output);
            var root = doc.RootElement;
            Assert.Equal("resolved", root.GetProperty("outcome").GetProperty("id").GetString());
            Assert.Equal(3, root.GetProperty("turns").GetArrayLength());
            var refused = root.GetProperty("refused").EnumerateArray()
                .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("role").GetString(), r.GetProperty("reason").GetString()!))
                .ToList();
            Assert.Equal([2, 5], refused.Select(r => r.Item1));
            Assert.Equal(["manager", "customer"], refused.Select(r => r.Item2));
            Assert.Contains("not in the scene", refused[0].Item3);
            Assert.Contains("already ended (resolved)", refused[1].Item3);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void Replay_json_has_an_empty_refused_list_when_every_line_was_played()
    {
        var script = CliRunner.TempFile("""
            {"role":"customer","text":"My kettle leaks."}
            {"role":"clerk","text":"I'm sorry it leaks."}
            """);
        try
        {
            var (code, output, err) = CliRunner.Run("replay", "--scenario", Mini, "--script", script, "--json");

            Assert.True(code == 0, err);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal(0, doc.RootElement.GetProperty("refused").GetArrayLength());
        }
        finally
        {
            File.Delete(script);
        }
    }
}
