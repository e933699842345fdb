using System.CommandLine;
using System.Text.Json;
using RolePlay.Core.Engine;
using RolePlay.Core.Localization;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Transcripts;

namespace RolePlay.Cli.Commands;

/// <summary>
/// <c>replay --scenario PATH --script FILE.jsonl [--json] [--strict] [--seed N] [--scorer learned|rubric] [--model FILE]</c>:
/// plays a script through the engine (no bots) and prints the transcript. A line the engine refuses is skipped with a
/// warning naming the line and the rule, and lines after the end are reported as not played; both are listed in
/// <c>refused</c>. <c>--strict</c> stops at the first.
/// </summary>
internal sealed class ReplayCommand : Command
{
    private readonly Option<string> _scenario = ScenarioFiles.ScenarioOption();
    private readonly Option<string> _script = new("--script")
    {
        Description = "The dialogue, one JSON object a line: {\"role\", \"text\" or \"action\", \"delayMs\"}",
        HelpName = "FILE.jsonl",
        Required = true,
    };

    private readonly Option<bool> _json = new("--json") { Description = "Print the transcript as JSON" };
    private readonly Option<bool> _strict = new("--strict") { Description = "Stop at the first refused line (exit 1) instead of skipping it" };
    private readonly Option<int> _seed = CliOptions.WholeNumber("--seed", 0, "The play's seed (it picks bot lines), recorded in the transcript");
    private readonly Option<ScorerKind> _scorer = ScenarioFiles.ScorerOption();
    private readonly Option<string> _model = ScenarioFiles.ModelOption("scorer/model.bin beside the scenario, else the built-in one");

    public ReplayCommand()
        : base("replay", "Play a scripted dialogue through the engine; refused lines are warned about and skipped (--strict stops at the first)")
    {
        Options.Add(_scenario);
        Options.Add(_script);
        Options.Add(_json);
        Options.Add(_strict);
        Options.Add(_seed);
        Options.Add(_scorer);
        Options.Add(_model);
        SetAction(Run);
    }

    private int Run(ParseResult result)
    {
        var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        var scriptPath = result.GetRequiredValue(_script);
        var scenarioPath = result.GetRequiredValue(_scenario);
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

        var play = new Play(scenario, ScenarioFiles.Scorer(result.GetValue(_scorer), result.GetValue(_model), scenarioPath, rubric), result.GetValue(_seed));
        var strict = result.GetValue(_strict);
        var refused = new List<RefusedLine>();
        long clock = 0;
        foreach (var (lineNumber, line) in script)
        {
            clock += Math.Max(0, line.DelayMs ?? 0);
            var role = line.Role ?? string.Empty;
            try
            {
                if (play.IsOver)
                {
                    // Not a mistake in the line itself: the scene ended earlier than the script expected.
                    var reason = $"not played: the scene already ended ({play.Outcome!.Id})";
                    refused.Add(new RefusedLine(lineNumber, role, reason));
                    stderr.WriteLine($"{scriptPath}:{lineNumber}:1: {(strict ? "error" : "warning")}: {role}: {reason}");
                    if (strict)
                    {
                        return 1;
                    }

                    continue;
                }

                _ = (line.Text, line.Action) switch
                {
                    (not null, null) => play.Say(role, line.Text, clock),
                    (null, not null) => play.Act(role, line.Action, clock),
                    _ => throw new PlayRuleException(new LocalizedText(
                        "each line needs exactly one of \"text\" or \"action\"",
                        "每一行必须有且只有 \"text\" 或 \"action\" 其中之一")),
                };
            }
            catch (PlayRuleException ex)
            {
                if (strict)
                {
                    stderr.WriteLine($"{scriptPath}:{lineNumber}:1: {ex.Message}");
                    return 1;
                }

                refused.Add(new RefusedLine(lineNumber, role, ex.Message));
                stderr.WriteLine($"{scriptPath}:{lineNumber}:1: warning: {role} refused, skipped: {ex.Message}");
            }
        }

        play.Finish();
        var doc = TranscriptDocument.From(play) with { Refused = refused };
        if (result.GetValue(_json))
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
            stdout.WriteLine($"{turn.Seq,3} {turn.Stage,-18} {who}: {(turn.Kind == TurnKind.Act ? "[" + turn.Action + "] " : string.Empty)}{turn.Text}{marks}{(turn.Kind != TurnKind.Join && turn.Joined is { Count: > 0 } joined ? $"  (brings in {string.Join(", ", joined)})" : string.Empty)}");
        }

        stdout.WriteLine();
        stdout.WriteLine($"outcome: {doc.Outcome.Id} ({(doc.Outcome.Success ? "success" : "not a success")})");
        stdout.WriteLine($"stages:  {string.Join(" -> ", doc.StagePath)}");
        stdout.WriteLine($"mood:    {doc.FinalMood}");
        stdout.WriteLine($"totals:  {string.Join(", ", doc.Totals.Select(t => $"{t.Key} {t.Value:+0;-0;0}"))}");
        foreach (var r in doc.Refused ?? [])
        {
            stdout.WriteLine($"refused: line {r.Line} ({r.Role}): {r.Reason}");
        }
    }

    private sealed record ScriptLine(string? Role, string? Text, string? Action, long? DelayMs);
}
