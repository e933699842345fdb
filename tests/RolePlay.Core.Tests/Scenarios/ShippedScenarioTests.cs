using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;

namespace RolePlay.Core.Tests.Scenarios;

/// <summary>Every file shipped under scenarios/ loads, and the rubric defines all five principles.</summary>
public class ShippedScenarioTests
{
    [Fact]
    public void Every_shipped_scenario_loads_without_errors()
    {
        var scenarios = ScenarioLoader.LoadFolder(TestPaths.Scenarios);

        Assert.NotEmpty(scenarios);
        Assert.All(scenarios, s => Assert.NotNull(s.FindOutcome(Scenario.ResolvedOutcomeId)));
    }

    [Fact]
    public void Built_in_rubric_defines_the_five_principles_with_cues()
    {
        var rubric = Rubric.Default;

        Assert.Equal(Principles.Ids, rubric.Principles.Select(p => p.Id));
        Assert.All(rubric.Principles, p => Assert.True(p.Cues.Count >= 5, $"{p.Id} has only {p.Cues.Count} cues"));
    }

    [Fact]
    public void Every_chinese_scenario_has_an_english_twin_with_the_same_stage_role_and_outcome_ids()
    {
        var scenarios = ScenarioLoader.LoadFolder(TestPaths.Scenarios);

        foreach (var zh in scenarios.Where(s => s.IsChinese))
        {
            var baseId = zh.Id.EndsWith("-zh", StringComparison.Ordinal) ? zh.Id[..^3] : zh.Id;
            var en = Assert.Single(scenarios, s => s.Id == baseId + "-en");
            Assert.Equal(zh.Stages.Select(s => s.Id), en.Stages.Select(s => s.Id));
            Assert.Equal(zh.Roles.Select(r => r.Id), en.Roles.Select(r => r.Id));
            Assert.Equal(zh.Outcomes.Select(o => o.Id), en.Outcomes.Select(o => o.Id));
        }
    }
}
