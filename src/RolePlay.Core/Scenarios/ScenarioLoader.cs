using System.Text;
using RolePlay.Core.Yaml;

namespace RolePlay.Core.Scenarios;

/// <summary>The result of loading a scenario file: the scenario when valid, and every problem found.</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, IReadOnlyList<ScenarioError> Errors)
{
    /// <summary>True when the file loaded with no problem.</summary>
    public bool IsValid => Scenario is not null && Errors.Count == 0;
}

/// <summary>Loads scenario YAML files, reporting every problem as <c>file:line:col: message</c>.</summary>
public static class ScenarioLoader
{
    /// <summary>Loads and validates the file at <paramref name="path"/>.</summary>
    public static ScenarioLoadResult LoadFile(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Failed(path, "file not found");
            }

            if (info.Length > YamlLimits.Default.MaxBytes)
            {
                return Failed(path, $"file is too large ({info.Length:N0} bytes; a scenario may be at most {YamlLimits.Default.MaxBytes:N0})");
            }

            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            return Failed(path, "file is not UTF-8 text (is it binary?)");
        }
        catch (IOException ex)
        {
            return Failed(path, "cannot read file: " + ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Failed(path, "cannot read file: " + ex.Message);
        }

        return Load(text, path);
    }

    /// <summary>Loads and validates scenario text; <paramref name="fileName"/> names it in errors.</summary>
    public static ScenarioLoadResult Load(string text, string fileName)
    {
        var diag = new Diagnostics(fileName);
        YamlNode root;
        try
        {
            root = SafeYamlReader.Read(text);
        }
        catch (YamlReadException ex)
        {
            diag.Add(ex.Mark, ex.Message);
            return new ScenarioLoadResult(null, diag.Errors);
        }

        var scenario = new ScenarioReader(diag, fileName).Read(root);
        if (scenario is not null && !diag.HasErrors)
        {
            ScenarioChecks.Run(scenario, diag);
        }

        return diag.HasErrors ? new ScenarioLoadResult(null, diag.Sorted()) : new ScenarioLoadResult(scenario, []);
    }

    /// <summary>Loads every <c>*.yaml</c> scenario in a folder (skipping the rubric); throws when any is invalid.</summary>
    public static IReadOnlyList<Scenario> LoadFolder(string folder)
    {
        var scenarios = new List<Scenario>();
        var errors = new List<ScenarioError>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == Scoring.Rubric.FileName)
            {
                continue;
            }

            var result = LoadFile(file);
            errors.AddRange(result.Errors);
            if (result.Scenario is { } scenario && scenarios.FirstOrDefault(s => s.Id == scenario.Id) is { } twin)
            {
                // Sessions and the library name scenarios by id, so an id may be used once per library.
                errors.Add(new ScenarioError(file, new SourceMark(1, 1), $"scenario id '{scenario.Id}' is already used by {twin.SourcePath}; give each file its own id (e.g. '{scenario.Id}-{scenario.Locale[..2]}')"));
            }
            else if (result.Scenario is not null)
            {
                scenarios.Add(result.Scenario);
            }
        }

        return errors.Count > 0 ? throw new ScenarioLoadException(errors) : scenarios;
    }

    private static ScenarioLoadResult Failed(string path, string message) =>
        new(null, [new ScenarioError(path, new SourceMark(1, 1), message)]);
}
