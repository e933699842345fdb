using System.CommandLine;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Corpus;

namespace RolePlay.Cli.Training;

/// <summary>A corpus together with the scenarios and rubric its lines are scored in.</summary>
internal sealed class CorpusWorkspace
{
    private readonly Dictionary<string, Scenario> _scenarios;

    private CorpusWorkspace(LabelledCorpus corpus, Rubric rubric, Dictionary<string, Scenario> scenarios, string scenariosFolder)
    {
        ScenariosFolder = scenariosFolder;
        Corpus = corpus;
        Rubric = rubric;
        _scenarios = scenarios;
    }

    public LabelledCorpus Corpus { get; }

    public Rubric Rubric { get; }

    /// <summary>The scenarios folder: its <c>principles.yaml</c>, scenarios and <c>scorer/model.bin</c> go with the corpus.</summary>
    public string ScenariosFolder { get; }

    public IEnumerable<CorpusLine> Lines(CorpusSplit split) => Corpus.Lines.Where(l => l.Split == split);

    /// <summary>The scenario a line was written for (its cues add features), or null when the library lacks it.</summary>
    public Scenario? ScenarioOf(CorpusLine line) => _scenarios.GetValueOrDefault(line.ScenarioFileId);

    /// <summary><c>--corpus DIR</c>: an existing corpus folder, checked while parsing so a typo is a usage error.</summary>
    public static Option<string> CorpusOption()
    {
        var option = new Option<string>("--corpus")
        {
            Description = "The labelled corpus folder (scenarios/corpus)",
            HelpName = "DIR",
            Required = true,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValue(option) is { } folder && !Directory.Exists(folder))
            {
                result.AddError($"no corpus folder at {folder}");
            }
        });
        return option;
    }

    /// <summary><c>--scenarios DIR</c>: where the corpus's scenarios and rubric are, when not beside it.</summary>
    public static Option<string> ScenariosOption() => new("--scenarios")
    {
        Description = "The scenarios folder the corpus lines were written for (default the corpus folder's parent)",
        HelpName = "DIR",
    };

    /// <summary>Loads a corpus folder; its scenarios and rubric come from <paramref name="scenariosFolder"/> (default: the corpus folder's parent).</summary>
    public static CorpusWorkspace Load(string corpusFolder, string? scenariosFolder)
    {
        var folder = scenariosFolder ?? Path.GetDirectoryName(Path.GetFullPath(corpusFolder).TrimEnd(Path.DirectorySeparatorChar))!;
        var rubricPath = Path.Combine(folder, Rubric.FileName);
        var rubric = File.Exists(rubricPath) ? Rubric.Load(File.ReadAllText(rubricPath), rubricPath) : Rubric.Default;
        var scenarios = ScenarioLoader.LoadFolder(folder).ToDictionary(s => s.Id, StringComparer.Ordinal);
        return new CorpusWorkspace(CorpusReader.Read(corpusFolder), rubric, scenarios, folder);
    }
}
