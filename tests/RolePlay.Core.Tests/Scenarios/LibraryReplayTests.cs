using System.Text.Json;
using RolePlay.Core.Tests.Cli;

namespace RolePlay.Core.Tests.Scenarios;

/// <summary>
/// Every library scenario <c>scenarios/NAME.LANG.yaml</c> with scripts <c>Scripts/NAME-good.LANG.jsonl</c> and
/// <c>Scripts/NAME-poor.LANG.jsonl</c>: the good handling resolves, the poor one ends in a failure with violations flagged.
/// </summary>
public class LibraryReplayTests
{
    public static TheoryData<string, string> Scripted()
    {
        var data = new TheoryData<string, string>();
        foreach (var good in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "tests", "RolePlay.Core.Tests", "Scripts"), "*-good.*.jsonl").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(good);
            var (baseName, lang) = (name[..name.IndexOf("-good.", StringComparison.Ordinal)], name.Split('.')[^2]);
            if (File.Exists(TestPaths.Scenario($"{baseName}.{lang}.yaml")))
            {
                data.Add(baseName, lang);
            }
        }

        return data;
    }

    [Fact]
    public void The_library_has_scripted_scenarios_beyond_the_egg_tart()
    {
        Assert.NotEmpty(Scripted());
    }

    [Theory]
    [MemberData(nameof(Scripted))]
    public void Good_handling_resolves_without_violating_customer_first(string scenario, string lang)
    {
        var doc = Replay(scenario, lang, "good");

        Assert.Equal("resolved", doc.GetProperty("outcome").GetProperty("id").GetString());
        Assert.All(StaffVerdicts(doc), v => Assert.NotEqual(-1, v.GetProperty("customer-first").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Scripted))]
    public void Poor_handling_ends_in_a_failure_with_the_violations_flagged(string scenario, string lang)
    {
        var doc = Replay(scenario, lang, "poor");

        Assert.False(doc.GetProperty("outcome").GetProperty("success").GetBoolean());
        Assert.NotEqual("unresolved", doc.GetProperty("outcome").GetProperty("id").GetString());
        Assert.Contains(StaffVerdicts(doc), v => v.EnumerateObject().Any(p => p.Value.GetInt32() == -1));
    }

    private static JsonElement Replay(string scenario, string lang, string kind)
    {
        var (code, output, err) = CliRunner.Run(
            "replay", "--scenario", TestPaths.Scenario($"{scenario}.{lang}.yaml"),
            "--script", TestPaths.Script($"{scenario}-{kind}.{lang}.jsonl"), "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.Clone();
    }

    private static IEnumerable<JsonElement> StaffVerdicts(JsonElement doc) =>
        doc.GetProperty("turns").EnumerateArray().Where(t => t.TryGetProperty("verdicts", out _)).Select(t => t.GetProperty("verdicts"));
}
