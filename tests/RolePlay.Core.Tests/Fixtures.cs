using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;

namespace RolePlay.Core.Tests;

/// <summary>The small scenario and rubric the engine tests run on, independent of the shipped library.</summary>
internal static class Fixtures
{
    private static readonly Lazy<Scenario> MiniScenario = new(() =>
        ScenarioLoader.LoadFile(TestPaths.Fixture("mini.yaml")).Scenario ?? throw new InvalidOperationException("mini.yaml is invalid"));

    private static readonly Lazy<Rubric> MiniRubricLazy = new(() =>
        Rubric.Load(File.ReadAllText(TestPaths.Fixture("principles.yaml")), "principles.yaml"));

    public static Scenario Mini => MiniScenario.Value;

    public static Rubric MiniRubric => MiniRubricLazy.Value;

    public static RubricScorer MiniScorer => new(MiniRubric);
}
