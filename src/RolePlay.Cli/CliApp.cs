using System.CommandLine;
using System.CommandLine.Help;
using RolePlay.Cli.Commands;

namespace RolePlay.Cli;

/// <summary>The <c>roleplay</c> command line: its verbs, parsed by System.CommandLine.</summary>
public static class CliApp
{
    /// <summary>
    /// Runs the verb in <paramref name="args"/>; returns the process exit code: the verb's own (0 done, 1 the input
    /// or the server failed it), or 2 when the command line itself is wrong.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Root().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The framework's error report (what is wrong, near-miss names, the verb's help) goes to stderr so stdout
            // stays clean for JSON; the exit code stays 2, the usage-error code scripts already test for.
            await parsed.InvokeAsync(new InvocationConfiguration { Output = stderr, Error = stderr });
            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // A failure the verb does not report itself (the server refusing a session, an unreadable model) ends the
            // process with its stack trace, as before, rather than being folded into exit code 1.
            EnableDefaultExceptionHandler = false,
            // Ctrl+C ends the process at once, as before; no verb has cleanup worth waiting for.
            ProcessTerminationTimeout = null,
        });
    }

    /// <summary>
    /// The verbs under a plain command named <c>roleplay</c>: a <see cref="RootCommand"/> takes its name from the host
    /// executable (<c>testhost</c> under xunit) and adds <c>--version</c> and directives the tool never had.
    /// </summary>
    private static Command Root()
    {
        var root = new Command("roleplay", "Check, draw, replay and score RolePlay scenarios; train and measure the scorer; load a server.")
        {
            new HelpOption(),
            new ValidateCommand(),
            new GraphCommand(),
            new ScoreCommand(),
            new ReplayCommand(),
            new TrainCommand(),
            new EvaluateCommand(),
            new ExportRatingsCommand(),
            new LoadCommand(),
        };

        // "roleplay help [verb]" has always printed the usage; it stays, out of the listing, beside --help.
        var verb = new Argument<string?>("verb") { Arity = ArgumentArity.ZeroOrOne };
        var help = new Command("help") { Hidden = true, Arguments = { verb } };
        help.SetAction(result => Root().Parse([.. result.GetValue(verb) is { } name ? [name] : Array.Empty<string>(), "--help"]).Invoke(result.InvocationConfiguration));
        root.Subcommands.Add(help);
        return root;
    }
}
