using System.CommandLine;
using System.Text.Json;
using RolePlay.Core.Scoring;
using RolePlay.Core.Transcripts;

namespace RolePlay.Cli.Commands;

/// <summary><c>score --scenario PATH --in FILE.jsonl [--scorer learned|rubric] [--model FILE]</c>: one JSON line of verdicts and evidence per staff line.</summary>
internal sealed class ScoreCommand : Command
{
    private readonly Option<string> _scenario = ScenarioFiles.ScenarioOption();
    private readonly Option<string> _input = new("--in")
    {
        Description = "Staff lines to score, one JSON object a line: {\"id\", \"role\", \"text\", \"stage\", \"latencyMs\"}",
        HelpName = "FILE.jsonl",
        Required = true,
    };

    private readonly Option<ScorerKind> _scorer = ScenarioFiles.ScorerOption();
    private readonly Option<string> _model = ScenarioFiles.ModelOption("scorer/model.bin beside the scenario, else the built-in one");

    public ScoreCommand()
        : base("score", "Score staff lines; one JSON line out per line in")
    {
        Options.Add(_scenario);
        Options.Add(_input);
        Options.Add(_scorer);
        Options.Add(_model);
        SetAction(Run);
    }

    private int Run(ParseResult result)
    {
        var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        var input = result.GetRequiredValue(_input);
        var scenarioPath = result.GetRequiredValue(_scenario);
        var (scenario, rubric) = ScenarioFiles.Load(scenarioPath, stderr);
        if (scenario is null || rubric is null)
        {
            return 1;
        }

        var scorer = ScenarioFiles.Scorer(result.GetValue(_scorer), result.GetValue(_model), scenarioPath, rubric);
        var lines = JsonLines.Read<ScoreLine>(input, stderr, out var failed);
        foreach (var (lineNumber, line) in lines)
        {
            var problem = line switch
            {
                { Text: null or "" } => "\"text\" is required",
                { Role: null or "" } => "\"role\" is required",
                _ when scenario.FindRole(line.Role) is null => $"unknown role '{line.Role}'; this scenario has {string.Join(", ", scenario.Roles.Select(r => r.Id))}",
                _ when scenario.FindRole(line.Role)!.IsCustomer => "customer lines are not scored; give a staff role",
                _ when line.Stage is not null && scenario.FindStage(line.Stage) is null => $"unknown stage '{line.Stage}'",
                _ => null,
            };
            if (problem is not null)
            {
                stderr.WriteLine($"{input}:{lineNumber}:1: {problem}");
                failed = true;
                continue;
            }

            var score = scorer.Score(new ScoringRequest(line.Text!, line.Role!, line.Stage, line.LatencyMs, scenario));
            var output = new ScoreOutput(
                line.Id,
                TranscriptTurn.VerdictMap(score),
                TranscriptTurn.EvidenceMap(score),
                score.Verdicts.ToDictionary(v => v.Principle, v => v.Feedback, StringComparer.Ordinal));
            stdout.WriteLine(JsonSerializer.Serialize(output, TranscriptJson.Compact));
        }

        return failed ? 1 : 0;
    }

    private sealed record ScoreLine(string? Id, string? Role, string? Text, string? Stage, long? LatencyMs);

    private sealed record ScoreOutput(
        string? Id,
        IReadOnlyDictionary<string, int> Verdicts,
        IReadOnlyDictionary<string, IReadOnlyList<EvidenceItem>> Evidence,
        IReadOnlyDictionary<string, string> Feedback);
}
