using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;

namespace RolePlay.Cli.Commands;

/// <summary>Loads the scenario a verb names, printing its problems when it is invalid.</summary>
internal static class ScenarioFiles
{
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
