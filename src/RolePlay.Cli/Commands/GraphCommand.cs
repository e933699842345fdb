using System.CommandLine;
using RolePlay.Core.Engine;
using RolePlay.Core.Scenarios;

namespace RolePlay.Cli.Commands;

/// <summary>How <c>graph</c> draws; the first is the default.</summary>
internal enum GraphFormat
{
    Mermaid,
    Dot,
}

/// <summary><c>graph PATH [--format mermaid|dot]</c>: the scenario's stage graph, drawn by Stateless.</summary>
internal sealed class GraphCommand : Command
{
    private readonly Argument<string> _path = new("PATH") { Description = "The scenario file" };
    private readonly Option<GraphFormat> _format = CliOptions.Choice<GraphFormat>("--format", "Mermaid, or dot for Graphviz");

    public GraphCommand()
        : base("graph", "Print the stage graph")
    {
        Arguments.Add(_path);
        Options.Add(_format);
        SetAction(result => Run(result.GetRequiredValue(_path), result.GetValue(_format), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
    }

    private static int Run(string path, GraphFormat format, TextWriter stdout, TextWriter stderr)
    {
        var result = ScenarioLoader.LoadFile(path);
        foreach (var error in result.Errors)
        {
            stderr.WriteLine(error);
        }

        if (result.Scenario is null)
        {
            return 1;
        }

        var machine = new StageMachine(result.Scenario);
        stdout.WriteLine(format == GraphFormat.Dot ? machine.ToDot() : machine.ToMermaid());
        return 0;
    }
}
