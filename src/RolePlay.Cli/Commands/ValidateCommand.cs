using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;

namespace RolePlay.Cli.Commands;

/// <summary><c>validate PATH...</c>: exit 0 when every file is valid, else <c>file:line:col: message</c> lines on stderr and exit 1.</summary>
internal static class ValidateCommand
{
    public static int Run(CliOptions options, TextWriter stdout, TextWriter stderr)
    {
        options.Allow();
        if (options.Positional.Count == 0)
        {
            throw new CliUsageException("validate needs at least one file");
        }

        var failed = 0;
        foreach (var path in options.Positional)
        {
            var errors = Path.GetFileName(path) == Rubric.FileName ? ValidateRubric(path) : ScenarioLoader.LoadFile(path).Errors;
            foreach (var error in errors)
            {
                stderr.WriteLine(error);
            }

            if (errors.Count > 0)
            {
                failed++;
            }
            else
            {
                stdout.WriteLine($"{path}: ok");
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static IReadOnlyList<ScenarioError> ValidateRubric(string path)
    {
        try
        {
            Rubric.Load(File.ReadAllText(path), path);
            return [];
        }
        catch (ScenarioLoadException ex)
        {
            return ex.Errors;
        }
        catch (IOException ex)
        {
            return [new ScenarioError(path, new Core.Yaml.SourceMark(1, 1), "cannot read file: " + ex.Message)];
        }
    }
}
