using System.Reflection;
using RolePlay.Core.Localization;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Yaml;

namespace RolePlay.Core.Scoring;

/// <summary>The shared scoring rubric (<c>scenarios/principles.yaml</c>): cues per principle, negation words and reply timing.</summary>
public sealed record Rubric(IReadOnlyList<PrincipleRubric> Principles, NegationRules Negation, TimingRules Timing)
{
    /// <summary>The rubric's file name beside the scenarios.</summary>
    public const string FileName = "principles.yaml";

    private static readonly Lazy<Rubric> BuiltIn = new(LoadBuiltIn);

    /// <summary>The rubric shipped inside RolePlay.Core (a copy of <c>scenarios/principles.yaml</c>).</summary>
    public static Rubric Default => BuiltIn.Value;

    /// <summary>The rubric for a scenario file: <c>principles.yaml</c> beside it when present, else the built-in one.</summary>
    public static Rubric ForScenarioFile(string scenarioPath)
    {
        var sibling = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenarioPath)) ?? ".", FileName);
        return File.Exists(sibling) ? Load(File.ReadAllText(sibling), sibling) : Default;
    }

    /// <summary>Parses rubric text; throws <see cref="ScenarioLoadException"/> listing every problem.</summary>
    public static Rubric Load(string text, string fileName)
    {
        var diag = new Diagnostics(fileName);
        Rubric? rubric = null;
        try
        {
            rubric = RubricReader.Read(SafeYamlReader.Read(text), diag);
        }
        catch (YamlReadException ex)
        {
            diag.Add(ex.Mark, ex.Message);
        }

        return diag.HasErrors || rubric is null ? throw new ScenarioLoadException(diag.Sorted()) : rubric;
    }

    private static Rubric LoadBuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("RolePlay.Core.principles.yaml")
            ?? throw new InvalidOperationException("the built-in rubric is missing from RolePlay.Core");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd(), FileName);
    }
}

/// <summary>One principle's names, its cues and its default feedback lines.</summary>
/// <param name="Name">What the UI calls the principle (顾客永远是对的, "The customer is always right").</param>
/// <param name="ShortName">A label short enough for a chip or a chart axis (顾客至上, "Customer first").</param>
public sealed record PrincipleRubric(
    string Id, LocalizedText Name, LocalizedText ShortName, LocalizedText Upheld, LocalizedText Violated, LocalizedText NotEngaged, IReadOnlyList<Cue> Cues);

/// <summary>Words that negate a cue when they stand just before it, within a clause.</summary>
/// <param name="ChineseExceptions">Words that contain a negation character but negate nothing (非常, 不好意思).</param>
/// <param name="ChineseWindow">How many characters before a cue are searched for a Chinese negator.</param>
/// <param name="EnglishWindow">How many words before a cue are searched for an English negator.</param>
public sealed record NegationRules(IReadOnlyList<string> Chinese, IReadOnlyList<string> ChineseExceptions, IReadOnlyList<string> English, int ChineseWindow, int EnglishWindow);

/// <summary>How reply latency counts for <c>prompt-sincere</c>.</summary>
/// <param name="FastMs">A reply within this many milliseconds adds <paramref name="FastWeight"/>.</param>
/// <param name="SlowMs">A reply after this many milliseconds subtracts <paramref name="SlowWeight"/>.</param>
public sealed record TimingRules(int FastMs, double FastWeight, int SlowMs, double SlowWeight);
