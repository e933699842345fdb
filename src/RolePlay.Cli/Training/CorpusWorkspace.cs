using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Corpus;

namespace RolePlay.Cli.Training;

/// <summary>A corpus together with the scenarios and rubric its lines are scored in.</summary>
internal sealed class CorpusWorkspace
{
    private readonly Dictionary<string, Scenario> _scenarios;

    private CorpusWorkspace(LabelledCorpus corpus, Rubric rubric, Dictionary<string, Scenario> scenarios)
    {
        Corpus = corpus;
        Rubric = rubric;
        _scenarios = scenarios;
    }

    public LabelledCorpus Corpus { get; }

    public Rubric Rubric { get; }

    public IEnumerable<CorpusLine> Lines(CorpusSplit split) => Corpus.Lines.Where(l => l.Split == split);

    /// <summary>The scenario a line was written for (its cues add features), or null when the library lacks it.</summary>
    public Scenario? ScenarioOf(CorpusLine line) => _scenarios.GetValueOrDefault(line.ScenarioFileId);

    /// <summary>Loads a corpus folder; its scenarios and rubric come from <paramref name="scenariosFolder"/> (default: the corpus folder's parent).</summary>
    public static CorpusWorkspace Load(string corpusFolder, string? scenariosFolder)
    {
        if (!Directory.Exists(corpusFolder))
        {
            throw new CliUsageException($"no corpus folder at {corpusFolder}");
        }

        var folder = scenariosFolder ?? Path.GetDirectoryName(Path.GetFullPath(corpusFolder).TrimEnd(Path.DirectorySeparatorChar))!;
        var rubricPath = Path.Combine(folder, Rubric.FileName);
        var rubric = File.Exists(rubricPath) ? Rubric.Load(File.ReadAllText(rubricPath), rubricPath) : Rubric.Default;
        var scenarios = ScenarioLoader.LoadFolder(folder).ToDictionary(s => s.Id, StringComparer.Ordinal);
        return new CorpusWorkspace(CorpusReader.Read(corpusFolder), rubric, scenarios);
    }
}
