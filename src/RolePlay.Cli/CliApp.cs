using RolePlay.Cli.Commands;

namespace RolePlay.Cli;

/// <summary>The <c>roleplay</c> command line: dispatches a verb to its command.</summary>
public static class CliApp
{
    private const string Usage = """
        usage: roleplay <verb> [options]

          validate PATH...                                  check scenario (or rubric) files; errors as file:line:col: message
          graph PATH [--format mermaid|dot]                 print the stage graph
          score --scenario PATH --in FILE.jsonl [--scorer learned|rubric] [--model FILE]
                                                            score staff lines; one JSON line out per line in
          replay --scenario PATH --script FILE.jsonl [--json] [--strict] [--seed N] [--scorer learned|rubric] [--model FILE]
                                                            play a scripted dialogue through the engine; refused lines are
                                                            warned about and skipped (--strict stops at the first)
          train --corpus DIR --out FILE [--scenarios DIR]   train the learned scorer on the corpus's training split
          evaluate --corpus DIR [--model FILE] [--scorer learned|rubric] [--split heldout|train|all] [--json]
                                                            agreement of a scorer with the corpus labels
          export-ratings --url URL --key KEY --corpus DIR   add lines people judged in real classes to the corpus (DIR/class/)
          load --url URL --key KEY --groups N --duration SECONDS [--rate LINES_PER_SECOND_PER_GROUP] [--json]
                                                            load a server with real SignalR clients, beside its baseline hub
        """;

    /// <summary>Runs the verb in <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stderr.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = CliOptions.Parse(args[1..]);
            if (args[0] == "load")
            {
                return await LoadCommand.RunAsync(options, stdout, stderr).ConfigureAwait(false);
            }

            if (args[0] == "export-ratings")
            {
                return await ExportRatingsCommand.RunAsync(options, stdout, stderr).ConfigureAwait(false);
            }

            var code = args[0] switch
            {
                "validate" => ValidateCommand.Run(options, stdout, stderr),
                "graph" => GraphCommand.Run(options, stdout, stderr),
                "score" => ScoreCommand.Run(options, stdout, stderr),
                "replay" => ReplayCommand.Run(options, stdout, stderr),
                "train" => TrainCommand.Run(options, stdout, stderr),
                "evaluate" => EvaluateCommand.Run(options, stdout),
                _ => throw new CliUsageException($"unknown verb '{args[0]}'"),
            };
            return code;
        }
        catch (CliUsageException ex)
        {
            stderr.WriteLine($"roleplay: {ex.Message}");
            stderr.WriteLine(Usage);
            return 2;
        }
    }
}
