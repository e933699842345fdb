using System.CommandLine;
using System.Text.Json;
using RolePlay.Cli.Training;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Corpus;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Cli.Commands;

/// <summary>Which corpus lines <c>evaluate</c> measures on; the first is the default.</summary>
internal enum EvaluatedSplit
{
    HeldOut,
    Train,
    All,
}

/// <summary>
/// <c>evaluate --corpus DIR [--model FILE] [--scorer learned|rubric] [--split heldout|train|all] [--scenarios DIR] [--json]</c>:
/// how a scorer agrees with the corpus labels, per script and principle, with the labellers' own agreement beside it.
/// </summary>
internal sealed class EvaluateCommand : Command
{
    private readonly Option<string> _corpus = CorpusWorkspace.CorpusOption();
    private readonly Option<string> _model = ScenarioFiles.ModelOption("the built-in one");
    private readonly Option<ScorerKind> _scorer = ScenarioFiles.ScorerOption();
    private readonly Option<EvaluatedSplit> _split = CliOptions.Choice<EvaluatedSplit>("--split", "Which corpus lines to measure on");
    private readonly Option<string> _scenarios = CorpusWorkspace.ScenariosOption();
    private readonly Option<bool> _json = new("--json") { Description = "Print the figures as JSON" };

    public EvaluateCommand()
        : base("evaluate", "Agreement of a scorer with the corpus labels")
    {
        Options.Add(_corpus);
        Options.Add(_model);
        Options.Add(_scorer);
        Options.Add(_split);
        Options.Add(_scenarios);
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult result)
    {
        var stdout = result.InvocationConfiguration.Output;
        var workspace = CorpusWorkspace.Load(result.GetRequiredValue(_corpus), result.GetValue(_scenarios));
        var splitName = result.GetValue(_split);
        CorpusSplit? split = splitName switch
        {
            EvaluatedSplit.HeldOut => CorpusSplit.HeldOut,
            EvaluatedSplit.Train => CorpusSplit.Train,
            EvaluatedSplit.All or _ => null,
        };
        var scorerName = result.GetValue(_scorer);
        IScorer scorer = scorerName == ScorerKind.Learned
            ? new LearnedScorer(result.GetValue(_model) is { } path ? ScorerModel.Load(path) : ScorerModel.ForScenariosFolder(workspace.ScenariosFolder, typeof(EvaluateCommand).Assembly), workspace.Rubric)
            : new RubricScorer(workspace.Rubric);

        var lines = workspace.Corpus.Lines.Where(l => split is null || l.Split == split).ToList();
        var evaluation = Evaluation.Of(scorer, lines, workspace.ScenarioOf);
        if (result.GetValue(_json))
        {
            stdout.WriteLine(JsonSerializer.Serialize(ScoringReport.Figures(evaluation)));
            return 0;
        }

        var labellers = workspace.Corpus.BetweenLabellers(split);
        stdout.WriteLine(ScoringReport.Markdown($"{CliOptions.Name(scorerName)} scorer, {CliOptions.Name(splitName)} split ({lines.Count} lines)", evaluation, labellers));
        stdout.WriteLine($"Labellers: agreement {labellers.Sum(a => a.Observed * a.Total) / Math.Max(1, labellers.Sum(a => a.Total)):0.000} over {labellers[0].Total} doubly labelled lines; {workspace.Corpus.Unsettled.Count} disagreements not yet settled.");
        return 0;
    }
}
