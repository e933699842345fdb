using RolePlay.Core.Localization;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;

namespace RolePlay.Core.Tests.Scenarios;

/// <summary>The names the UI shows for principles and mood bands come from the rubric and the scenario, in both UI languages.</summary>
public class DisplayNameTests
{
    private static readonly string Mini = File.ReadAllText(TestPaths.Fixture("mini.yaml"));

    private static readonly string MiniRubric = File.ReadAllText(TestPaths.Fixture("principles.yaml"));

    [Fact]
    public void A_band_names_itself_in_each_language_or_once_for_both_and_shows_its_id_without_a_name()
    {
        var text = Mini.Replace("{ id: angry, max: 30 }", "{ id: angry, max: 30, name: { zh: 气坏了, en: fuming } }")
            .Replace("{ id: calm, max: 100 }", "{ id: calm, max: 100, name: settled }");

        var bands = Load(text).Mood.Bands;

        Assert.Equal(new LocalizedText("fuming", "气坏了"), bands[0].Name);
        Assert.Equal(new LocalizedText("settled", "settled"), bands[1].Name);
        Assert.Equal(new LocalizedText("angry", "angry"), Load(Mini).Mood.BandOf(10).Name);
    }

    [Fact]
    public void A_band_name_given_in_one_language_only_is_an_error_at_the_name()
    {
        var text = Mini.Replace("{ id: angry, max: 30 }", "{ id: angry, max: 30, name: { zh: 气坏了 } }");

        var error = Assert.Single(ScenarioLoader.Load(text, "x.yaml").Errors);

        Assert.Contains("missing required field 'en'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_scenario_names_its_bands_in_both_languages()
    {
        foreach (var scenario in ScenarioLoader.LoadFolder(TestPaths.Scenarios))
        {
            foreach (var band in scenario.Mood.Bands)
            {
                Assert.Matches(@"^[a-z ]+$", band.Name.English);
                Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", band.Name.Chinese);
            }
        }
    }

    [Fact]
    public void A_cue_feedback_mapping_keeps_each_language_in_its_place()
    {
        var text = Mini.Replace("    patterns: ['\\breplace', 'new one']\n", "    patterns: ['\\breplace', 'new one']\n    feedback: { zh: 换新的，好。, en: \"A replacement, good.\" }\n");

        var cue = Load(text).Cues.Single(c => c.Id == "replace");

        Assert.Equal(new LocalizedText("A replacement, good.", "换新的，好。"), cue.Feedback);
    }

    [Fact]
    public void The_shipped_rubric_names_each_principle_in_full_and_short_in_both_languages()
    {
        var first = Rubric.Default.Principles[0];

        Assert.Equal(Principles.CustomerFirst, first.Id);
        Assert.Equal(new LocalizedText("The customer is always right", "顾客永远是对的"), first.Name);
        Assert.Equal(new LocalizedText("Customer first", "顾客至上"), first.ShortName);
        Assert.All(Rubric.Default.Principles, p => Assert.True(p.ShortName.English.Length < p.Name.English.Length || p.ShortName == p.Name));
    }

    [Fact]
    public void A_rubric_may_rename_a_principle_and_without_a_short_label_its_name_is_used()
    {
        var rubric = Rubric.Load(MiniRubric.Replace("name: { zh: 顾客永远是对的, en: The customer is always right }", "name: { zh: 顾客第一, en: Customer comes first }"), "principles.yaml");

        var first = rubric.Principles[0];
        Assert.Equal(new LocalizedText("Customer comes first", "顾客第一"), first.Name);
        Assert.Equal(first.Name, first.ShortName);
    }

    [Fact]
    public void A_shared_call_example_keeps_each_language_in_its_place()
    {
        var call = SharedCalls.Default.Find("call-manager")!;

        Assert.Equal(new LocalizedText("Let me get my manager.", "我去请店长过来"), call.Example);
    }

    private static Scenario Load(string text)
    {
        var result = ScenarioLoader.Load(text, "x.yaml");
        Assert.Empty(result.Errors);
        return result.Scenario!;
    }
}
