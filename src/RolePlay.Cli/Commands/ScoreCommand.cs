using System.Text.Json;
using RolePlay.Core.Scoring;
using RolePlay.Core.Transcripts;

namespace RolePlay.Cli.Commands;

/// <summary><c>score --scenario PATH --in FILE.jsonl</c>: one JSON line of verdicts and evidence per staff line.</summary>
internal static class ScoreCommand
{
    public static int Run(CliOptions options, TextWriter stdout, TextWriter stderr)
    {
        options.Allow("--scenario", "--in", "--scorer", "--model");
        var input = options.Require("--in");
        var scenarioPath = options.Require("--scenario");
        var (scenario, rubric) = ScenarioFiles.Load(scenarioPath, stderr);
        if (scenario is null || rubric is null)
        {
            return 1;
        }

        var scorer = ScenarioFiles.Scorer(options, scenarioPath, rubric);
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
