using System.CommandLine;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Cli.Commands;

/// <summary>Which scorer a verb judges lines with (<c>--scorer learned|rubric</c>); the first is the default.</summary>
internal enum ScorerKind
{
    Learned,
    Rubric,
}

/// <summary>Loads the scenario a verb names, printing its problems when it is invalid, and the options that pick its scorer.</summary>
internal static class ScenarioFiles
{
    /// <summary><c>--scenario PATH</c>, which every verb that plays or scores lines needs.</summary>
    public static Option<string> ScenarioOption() => new("--scenario")
    {
        Description = "The scenario file; its rubric and scorer model are looked up beside it",
        HelpName = "PATH",
        Required = true,
    };

    /// <summary><c>--scorer learned|rubric</c>: the cue rubric alone is there to compare the learned scorer with.</summary>
    public static Option<ScorerKind> ScorerOption() => CliOptions.Choice<ScorerKind>("--scorer", "Which scorer judges the lines");

    /// <summary><c>--model FILE</c>: a model written by <c>roleplay train</c>, in place of the one <paramref name="fallback"/> names.</summary>
    public static Option<string> ModelOption(string fallback) => new("--model")
    {
        Description = $"The learned scorer's model, written by roleplay train (default {fallback})",
        HelpName = "FILE",
    };

    /// <summary>
    /// The scorer a verb uses: the learned one (<paramref name="model"/>, else the model in <c>scorer/</c> beside the
    /// scenario, else the built-in one) unless <see cref="ScorerKind.Rubric"/> asks for the cue rubric alone.
    /// </summary>
    public static IScorer Scorer(ScorerKind kind, string? model, string scenarioPath, Rubric rubric) => kind switch
    {
        ScorerKind.Learned => new LearnedScorer(
            model is not null ? ScorerModel.Load(model) : ScorerModel.ForScenariosFolder(Path.GetDirectoryName(Path.GetFullPath(scenarioPath))!, typeof(ScenarioFiles).Assembly),
            rubric),
        ScorerKind.Rubric => new RubricScorer(rubric),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
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
