using RolePlay.Core.Engine;
using RolePlay.Core.Scenarios;

namespace RolePlay.Cli.Commands;

/// <summary><c>graph PATH [--format mermaid|dot]</c>: the scenario's stage graph, drawn by Stateless.</summary>
internal static class GraphCommand
{
    public static int Run(CliOptions options, TextWriter stdout, TextWriter stderr)
    {
        options.Allow("--format");
        if (options.Positional.Count != 1)
        {
            throw new CliUsageException("graph needs exactly one scenario file");
        }

        var format = options.Get("--format") ?? "mermaid";
        if (format is not ("mermaid" or "dot"))
        {
            throw new CliUsageException($"--format must be mermaid or dot, not '{format}'");
        }

        var result = ScenarioLoader.LoadFile(options.Positional[0]);
        foreach (var error in result.Errors)
        {
            stderr.WriteLine(error);
        }

        if (result.Scenario is null)
        {
            return 1;
        }

        var machine = new StageMachine(result.Scenario);
        stdout.WriteLine(format == "dot" ? machine.ToDot() : machine.ToMermaid());
        return 0;
    }
}
