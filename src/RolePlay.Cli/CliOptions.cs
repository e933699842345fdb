namespace RolePlay.Cli;

/// <summary>Thrown for a command line that cannot be understood; printed with the usage text.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>A verb's arguments: <c>--name value</c> options, <c>--flag</c> switches and plain positional values.</summary>
public sealed class CliOptions
{
    private static readonly HashSet<string> Switches = ["--json", "--validate", "--strict"];
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <summary>The values given without an option name.</summary>
    public List<string> Positional { get; } = [];

    /// <summary>Parses arguments after the verb.</summary>
    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.Positional.Add(arg);
            }
            else if (Switches.Contains(arg))
            {
                options._flags.Add(arg);
            }
            else if (i + 1 < args.Count)
            {
                options._values[arg] = args[++i];
            }
            else
            {
                throw new CliUsageException($"option {arg} needs a value");
            }
        }

        return options;
    }

    /// <summary>True when the switch was given.</summary>
    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>The option's value, or null.</summary>
    public string? Get(string name) => _values.GetValueOrDefault(name);

    /// <summary>The option's value; a usage error when missing.</summary>
    public string Require(string name) => Get(name) ?? throw new CliUsageException($"missing required option {name}");

    /// <summary>Fails on any option the verb does not know, so a typo is not silently ignored.</summary>
    public void Allow(params string[] names)
    {
        foreach (var name in _values.Keys.Concat(_flags).Where(n => !names.Contains(n)))
        {
            throw new CliUsageException($"unknown option {name}");
        }
    }
}
