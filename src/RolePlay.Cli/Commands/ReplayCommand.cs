using System.Globalization;
using System.Text.Json;
using RolePlay.Core.Engine;
using RolePlay.Core.Localization;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Transcripts;

namespace RolePlay.Cli.Commands;

/// <summary><c>replay --scenario PATH --script FILE.jsonl [--json]</c>: plays a script through the engine (no bots) and prints the transcript.</summary>
internal static class ReplayCommand
{
    public static int Run(CliOptions options, TextWriter stdout, TextWriter stderr)
    {
        options.Allow("--scenario", "--script", "--json", "--seed", "--scorer", "--model");
        var scriptPath = options.Require("--script");
        var seedText = options.Get("--seed") ?? "0";
        if (!int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            throw new CliUsageException($"--seed must be a whole number, not '{seedText}'");
        }

        var scenarioPath = options.Require("--scenario");
        var (scenario, rubric) = ScenarioFiles.Load(scenarioPath, stderr);
        if (scenario is null || rubric is null)
        {
            return 1;
        }

        var script = JsonLines.Read<ScriptLine>(scriptPath, stderr, out var failed);
        if (failed)
        {
            return 1;
        }

        var play = new Play(scenario, ScenarioFiles.Scorer(options, scenarioPath, rubric), seed);
        long clock = 0;
        foreach (var (lineNumber, line) in script)
        {
            clock += Math.Max(0, line.DelayMs ?? 0);
            try
            {
                if (play.IsOver)
                {
                    throw new PlayRuleException(new LocalizedText(
                        $"the scene already ended ({play.Outcome!.Id}); remove the lines after it",
                        $"情景已经结束（{play.Outcome!.Id}），请删掉之后的台词"));
                }

                _ = (line.Text, line.Action) switch
                {
                    (not null, null) => play.Say(line.Role ?? string.Empty, line.Text, clock),
                    (null, not null) => play.Act(line.Role ?? string.Empty, line.Action, clock),
                    _ => throw new PlayRuleException(new LocalizedText(
                        "each line needs exactly one of \"text\" or \"action\"",
                        "每一行必须有且只有 \"text\" 或 \"action\" 其中之一")),
                };
            }
            catch (PlayRuleException ex)
            {
                stderr.WriteLine($"{scriptPath}:{lineNumber}:1: {ex.Message}");
                return 1;
            }
        }

        play.Finish();
        var doc = TranscriptDocument.From(play);
        if (options.Has("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(doc, TranscriptJson.Indented));
        }
        else
        {
            WriteText(doc, scenario, stdout);
        }

        return 0;
    }

    private static void WriteText(TranscriptDocument doc, Scenario scenario, TextWriter stdout)
    {
        foreach (var turn in doc.Turns)
        {
            var who = scenario.FindRole(turn.Role)?.Name ?? turn.Role;
            var marks = turn.Verdicts is null ? string.Empty
                : "  [" + string.Join(" ", turn.Verdicts.Where(v => v.Value != 0).Select(v => (v.Value > 0 ? "+" : "-") + v.Key)) + "]";
            stdout.WriteLine($"{turn.Seq,3} {turn.Stage,-18} {who}: {(turn.Kind == "act" ? "[" + turn.Action + "] " : string.Empty)}{turn.Text}{marks}");
        }

        stdout.WriteLine();
        stdout.WriteLine($"outcome: {doc.Outcome.Id} ({(doc.Outcome.Success ? "success" : "not a success")})");
        stdout.WriteLine($"stages:  {string.Join(" -> ", doc.StagePath)}");
        stdout.WriteLine($"mood:    {doc.FinalMood}");
        stdout.WriteLine($"totals:  {string.Join(", ", doc.Totals.Select(t => $"{t.Key} {t.Value:+0;-0;0}"))}");
    }

    private sealed record ScriptLine(string? Role, string? Text, string? Action, long? DelayMs);
}
