using System.Text.Json;
using RolePlay.Cli.Training;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Corpus;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Cli.Commands;

/// <summary>
/// <c>evaluate --corpus DIR [--model FILE] [--scorer learned|rubric] [--split heldout|train|all] [--json]</c>:
/// how a scorer agrees with the corpus labels, per script and principle, with the labellers' own agreement beside it.
/// </summary>
internal static class EvaluateCommand
{
    public static int Run(CliOptions options, TextWriter stdout)
    {
        options.Allow("--corpus", "--model", "--scorer", "--split", "--scenarios", "--json");
        var workspace = CorpusWorkspace.Load(options.Require("--corpus"), options.Get("--scenarios"));
        CorpusSplit? split = (options.Get("--split") ?? "heldout") switch
        {
            "heldout" => CorpusSplit.HeldOut,
            "train" => CorpusSplit.Train,
            "all" => null,
            var other => throw new CliUsageException($"--split must be heldout, train or all, not '{other}'"),
        };
        IScorer scorer = (options.Get("--scorer") ?? "learned") switch
        {
            "learned" => new LearnedScorer(options.Get("--model") is { } path ? ScorerModel.Load(path) : ScorerModel.Default, workspace.Rubric),
            "rubric" => new RubricScorer(workspace.Rubric),
            var other => throw new CliUsageException($"--scorer must be learned or rubric, not '{other}'"),
        };

        var lines = workspace.Corpus.Lines.Where(l => split is null || l.Split == split).ToList();
        var evaluation = Evaluation.Of(scorer, lines, workspace.ScenarioOf);
        if (options.Has("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(ScoringReport.Figures(evaluation)));
            return 0;
        }

        var labellers = workspace.Corpus.BetweenLabellers(split);
        stdout.WriteLine(ScoringReport.Markdown($"{options.Get("--scorer") ?? "learned"} scorer, {options.Get("--split") ?? "heldout"} split ({lines.Count} lines)", evaluation, labellers));
        stdout.WriteLine($"Labellers: agreement {labellers.Sum(a => a.Observed * a.Total) / Math.Max(1, labellers.Sum(a => a.Total)):0.000} over {labellers[0].Total} doubly labelled lines; {workspace.Corpus.Unsettled.Count} disagreements not yet settled.");
        return 0;
    }
}
