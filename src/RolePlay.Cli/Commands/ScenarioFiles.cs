using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Cli.Commands;

/// <summary>Loads the scenario a verb names, printing its problems when it is invalid.</summary>
internal static class ScenarioFiles
{
    /// <summary>
    /// The scorer a verb uses: the learned one (the model in <c>scorer/</c> beside the scenario, else the built-in
    /// one) unless <c>--scorer rubric</c> asks for the cue rubric alone, e.g. to compare the two.
    /// </summary>
    public static IScorer Scorer(CliOptions options, string scenarioPath, Rubric rubric) => (options.Get("--scorer") ?? "learned") switch
    {
        "learned" => new LearnedScorer(
            options.Get("--model") is { } model ? ScorerModel.Load(model) : ScorerModel.ForScenariosFolder(Path.GetDirectoryName(Path.GetFullPath(scenarioPath))!),
            rubric),
        "rubric" => new RubricScorer(rubric),
        var other => throw new CliUsageException($"--scorer must be learned or rubric, not '{other}'"),
    };

    public static (Scenario? Scenario, Rubric? Rubric) Load(string path, TextWriter stderr)
    {
        var result = ScenarioLoader.LoadFile(path);
        foreach (var error in result.Errors)
        {
            stderr.WriteLine(error);
        }

        if (result.Scenario is null)
        {
            return (null, null);
        }

        try
        {
            return (result.Scenario, Rubric.ForScenarioFile(path));
        }
        catch (ScenarioLoadException ex)
        {
            foreach (var error in ex.Errors)
            {
                stderr.WriteLine(error);
            }

            return (null, null);
        }
    }
}
