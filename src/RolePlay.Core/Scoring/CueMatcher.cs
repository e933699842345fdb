using System.Text.RegularExpressions;
using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Scoring;

/// <summary>
/// A cue's patterns joined into one non-backtracking regex per script: Chinese patterns run only on lines
/// with Chinese characters, English ones only on lines with Latin letters. One scan per cue and script
/// instead of one per pattern keeps scoring fast.
/// </summary>
public sealed class CueMatcher
{
    private CueMatcher(Regex? chinese, Regex? latin, Regex? other)
    {
        Chinese = chinese;
        Latin = latin;
        Other = other;
    }

    /// <summary>Patterns with Chinese characters.</summary>
    public Regex? Chinese { get; }

    /// <summary>Patterns with Latin letters and no Chinese.</summary>
    public Regex? Latin { get; }

    /// <summary>Patterns of neither (punctuation runs).</summary>
    public Regex? Other { get; }

    /// <summary>Builds the matcher for a cue's patterns.</summary>
    public static CueMatcher Create(IReadOnlyList<CuePattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var chinese = patterns.Where(p => TextNormalizer.HasCjk(p.Regex.ToString())).ToList();
        var latin = patterns.Except(chinese).Where(p => p.Regex.ToString().Any(char.IsAsciiLetter)).ToList();
        var other = patterns.Except(chinese).Except(latin).ToList();
        return new CueMatcher(Join(chinese), Join(latin), Join(other));
    }

    private static Regex? Join(List<CuePattern> patterns) => patterns.Count switch
    {
        0 => null,
        1 => patterns[0].Regex,
        _ => new Regex(string.Join("|", patterns.Select(p => "(?:" + p.Regex + ")")), CueReader.PatternOptions),
    };
}
