using System.Text.Json;
using RolePlay.Core.Scoring;
using RolePlay.Core.Tests.Cli;

namespace RolePlay.Core.Tests.EggTart;

/// <summary>The canonical case: the seed's own dialogue fails and flags its three insults; a good handling resolves.</summary>
public class EggTartReplayTests
{
    public static TheoryData<string> Languages => new() { "zh", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Seed_dialogue_ends_unresolved_and_flags_each_insult_as_violating_customer_first(string lang)
    {
        var doc = Replay(lang, "seed");

        Assert.False(doc.GetProperty("outcome").GetProperty("success").GetBoolean());
        Assert.Equal("head-office-complaint", doc.GetProperty("outcome").GetProperty("id").GetString());
        var violations = StaffTurns(doc)
            .Where(t => t.GetProperty("verdicts").GetProperty(Principles.CustomerFirst).GetInt32() == -1)
            .Select(t => (Role: t.GetProperty("role").GetString(), Text: t.GetProperty("text").GetString()!))
            .ToList();
        string[] expected = lang == "zh"
            ? ["要么赔偿", "没有钱就别来", "动机"]
            : ["pay for them", "money", "motives"];
        Assert.Contains(violations, v => v.Role == "clerk" && v.Text.Contains(expected[0], StringComparison.OrdinalIgnoreCase));
        Assert.Contains(violations, v => v.Role == "supervisor" && v.Text.Contains(expected[1], StringComparison.OrdinalIgnoreCase));
        Assert.Contains(violations, v => v.Role == "manager" && v.Text.Contains(expected[2], StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Good_dialogue_ends_resolved_with_no_customer_first_violation(string lang)
    {
        var doc = Replay(lang, "good");

        Assert.Equal("resolved", doc.GetProperty("outcome").GetProperty("id").GetString());
        Assert.True(doc.GetProperty("outcome").GetProperty("success").GetBoolean());
        Assert.All(StaffTurns(doc), t => Assert.NotEqual(-1, t.GetProperty("verdicts").GetProperty(Principles.CustomerFirst).GetInt32()));
        Assert.True(doc.GetProperty("totals").GetProperty(Principles.OffScene).GetInt32() > 0, "a good handling takes the customer away from the counter");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Two_replays_of_the_same_script_are_identical(string lang)
    {
        var first = RunReplay(lang, "seed");
        var second = RunReplay(lang, "seed");

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("bakery-egg-tart.zh.yaml")]
    [InlineData("bakery-egg-tart.en.yaml")]
    public void Shipped_scenario_validates_cleanly(string file)
    {
        var (code, _, err) = CliRunner.Run("validate", TestPaths.Scenario(file));

        Assert.True(code == 0, err);
    }

    private static JsonElement Replay(string lang, string script)
    {
        using var doc = JsonDocument.Parse(RunReplay(lang, script));
        return doc.RootElement.Clone();
    }

    private static string RunReplay(string lang, string script)
    {
        var (code, output, err) = CliRunner.Run(
            "replay",
            "--scenario", TestPaths.Scenario($"bakery-egg-tart.{lang}.yaml"),
            "--script", TestPaths.Script($"egg-tart-{script}.{lang}.jsonl"),
            "--json");
        Assert.True(code == 0, err);
        return output;
    }

    private static IEnumerable<JsonElement> StaffTurns(JsonElement doc) =>
        doc.GetProperty("turns").EnumerateArray().Where(t => t.TryGetProperty("verdicts", out _));
}
