using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace RolePlay.Cli;

/// <summary>
/// Typed options whose bad values are parse errors in the tool's own words ("--groups must be a whole number from
/// 1 to 2000, not 'abc'") rather than the framework's "cannot parse ... as System.Int32": a parse error exits 2 and
/// names the option and what it takes.
/// </summary>
internal static class CliOptions
{
    /// <summary>
    /// A closed choice, spelled on the command line as the enum's member names in lower case (<c>HeldOut</c> is
    /// <c>heldout</c>). When the option is absent its value is the enum's first member, so each such enum lists its
    /// default first. Help names the default in the description: the framework's own <c>[default: HeldOut]</c> would
    /// show a spelling the option does not take.
    /// </summary>
    public static Option<T> Choice<T>(string name, string description)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = values.Select(Name).ToArray();
        var option = new Option<T>(name)
        {
            Description = $"{description} (default {names[0]})",
            HelpName = string.Join('|', names),
            CustomParser = result => Array.IndexOf(names, result.Tokens[0].Value) is var i and >= 0
                ? values[i]
                : Fail<T>(result, $"{name} must be {string.Join(", ", names[..^1])} or {names[^1]}, not '{result.Tokens[0].Value}'"),
        };
        option.CompletionSources.Add(names);
        return option;
    }

    /// <summary>How a <see cref="Choice{T}"/> value is spelled on the command line and in reports.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static Option<int> WholeNumber(string name, int fallback, string description, int min = int.MinValue, int max = int.MaxValue, string helpName = "N") =>
        Number(name, fallback, description, min, max, helpName, NumberStyles.Integer, "a whole number");

    /// <summary>A number of <paramref name="min"/> or more, read the same in every culture; <paramref name="fallback"/> when absent.</summary>
    public static Option<T> Number<T>(string name, T fallback, string description, T min)
        where T : struct, INumber<T>, IMinMaxValue<T> =>
        Number(name, fallback, description, min, T.MaxValue, "N", NumberStyles.Float, "a number");

    /// <summary>A required absolute http(s) address, such as the server's.</summary>
    public static Option<Uri> Url(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "URL",
        Required = true,
        CustomParser = result => Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Fail<Uri>(result, $"{name} must be an http or https address such as http://localhost:5000, not '{result.Tokens[0].Value}'"),
    };

    /// <summary>One or more absolute http(s) addresses, each after its own <paramref name="name"/>.</summary>
    public static Option<Uri[]> Urls(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "URL",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
        CustomParser = result => result.Tokens.Select(token => Uri.TryCreate(token.Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Fail<Uri>(result, $"{name} must be an http or https address such as http://localhost:5000, not '{token.Value}'")).ToArray(),
    };

    private static Option<T> Number<T>(string name, T fallback, string description, T min, T max, string helpName, NumberStyles styles, string kind)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        var range = (min == T.MinValue, max == T.MaxValue) switch
        {
            (true, true) => string.Empty,
            (false, true) => $" of {min} or more",
            (true, false) => $" of {max} or less",
            (false, false) => $" from {min} to {max}",
        };
        return new Option<T>(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => fallback,
            CustomParser = result => T.TryParse(result.Tokens[0].Value, styles, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : Fail<T>(result, $"{name} must be {kind}{range}, not '{result.Tokens[0].Value}'"),
        };
    }

    /// <summary>Reports <paramref name="message"/> as the parse error of a custom parser's value.</summary>
    public static T Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
