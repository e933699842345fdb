using System.Text.Json;
using RolePlay.Core.Tests.Cli;

namespace RolePlay.Core.Tests.Scenarios;

/// <summary>
/// The two languages of a scenario teach the same lesson: for every scenario, a good and a poor dialogue written in
/// parallel in Chinese and English (<c>Scripts/NAME-good.LANG.jsonl</c>, <c>Scripts/NAME-poor.LANG.jsonl</c>; the egg
/// tart's poor one is the seed's own dialogue) walk the same stage path to the same outcome.
/// </summary>
public class LanguageParityTests
{
    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var zh in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "scenarios"), "*.zh.yaml").Order(StringComparer.Ordinal))
        {
            var scenario = Path.GetFileName(zh)[..^".zh.yaml".Length];
            data.Add(scenario, "good");
            data.Add(scenario, scenario == "bakery-egg-tart" ? "seed" : "poor");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Chinese_and_english_dialogues_take_the_same_stage_path_to_the_same_outcome(string scenario, string kind)
    {
        var zh = Replay(scenario, kind, "zh");
        var en = Replay(scenario, kind, "en");

        Assert.Equal(Lines(scenario, kind, "zh").Length, Lines(scenario, kind, "en").Length);
        Assert.Equal(StagePath(zh), StagePath(en));
        Assert.Equal(zh.GetProperty("outcome").GetProperty("id").GetString(), en.GetProperty("outcome").GetProperty("id").GetString());
        Assert.Equal(Refused(zh), Refused(en));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void The_seeds_alternating_dialogue_staff_first_plays_every_line(string lang)
    {
        var roles = Lines("bakery-egg-tart", "seed", lang).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("role").GetString()).ToList();
        Assert.All(roles.Select((r, i) => (r, i)), x => Assert.Equal(x.i % 2 == 1, x.r == "customer"));

        var doc = Replay("bakery-egg-tart", "seed", lang);

        Assert.Empty(Refused(doc));
        Assert.Equal(roles.Count, doc.GetProperty("turns").GetArrayLength());
        Assert.Equal("head-office-complaint", doc.GetProperty("outcome").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void In_the_good_egg_tart_dialogue_the_supervisor_calls_the_manager_in(string lang)
    {
        var doc = Replay("bakery-egg-tart", "good", lang);

        var call = doc.GetProperty("turns").EnumerateArray().Single(t => t.TryGetProperty("joined", out var j) && j.EnumerateArray().Any(r => r.GetString() == "manager"));
        Assert.Equal("supervisor", call.GetProperty("role").GetString());
        Assert.Equal("counter", call.GetProperty("stage").GetString());
        Assert.Empty(Refused(doc));
    }

    private static string Script(string scenario, string kind, string lang) =>
        TestPaths.Script($"{(scenario == "bakery-egg-tart" ? "egg-tart" : scenario)}-{kind}.{lang}.jsonl");

    private static string[] Lines(string scenario, string kind, string lang) =>
        [.. File.ReadAllLines(Script(scenario, kind, lang)).Where(l => l.Trim().Length > 0)];

    private static JsonElement Replay(string scenario, string kind, string lang)
    {
        var (code, output, err) = CliRunner.Run(
            "replay", "--scenario", TestPaths.Scenario($"{scenario}.{lang}.yaml"), "--script", Script(scenario, kind, lang), "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.Clone();
    }

    private static List<string?> StagePath(JsonElement doc) => [.. doc.GetProperty("stagePath").EnumerateArray().Select(s => s.GetString())];

    private static List<int> Refused(JsonElement doc) => [.. doc.GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("line").GetInt32())];
}
