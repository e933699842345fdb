using System.CommandLine;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;

namespace RolePlay.Cli.Commands;

/// <summary><c>validate PATH...</c>: exit 0 when every file is valid, else <c>file:line:col: message</c> lines on stderr and exit 1.</summary>
internal sealed class ValidateCommand : Command
{
    private readonly Argument<string[]> _paths = new("PATH")
    {
        Description = "Scenario files, or a rubric file (" + Rubric.FileName + ")",
        Arity = ArgumentArity.OneOrMore,
    };

    public ValidateCommand()
        : base("validate", "Check scenario (or rubric) files; errors as file:line:col: message")
    {
        // The parser hands a word it does not know to the first argument that takes it, so "validate a.yaml --strict"
        // would go looking for a file named --strict; validate takes no options, and such a word is a usage error.
        _paths.Validators.Add(result =>
        {
            foreach (var option in result.Tokens.Select(t => t.Value).Where(v => v.StartsWith("--", StringComparison.Ordinal)))
            {
                result.AddError($"unknown option {option}");
            }
        });
        Arguments.Add(_paths);
        SetAction(result => Run(result.GetRequiredValue(_paths), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
    }

    private static int Run(string[] paths, TextWriter stdout, TextWriter stderr)
    {
        var failed = 0;
        foreach (var path in paths)
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
