using System.Globalization;
using System.Text.RegularExpressions;
using RolePlay.Core.Yaml;

namespace RolePlay.Core.Scenarios;

/// <summary>
/// What a scenario's own cues may cost the scorer. Every staff line is matched against every cue pattern while its
/// group waits, and compiling a pattern takes memory, so a shared scenario file gets a budget, checked before a pattern
/// is compiled: a bounded number of patterns, each bounded in length, in alternations (<c>|</c>) and in counted
/// repetition (<c>{n,m}</c>), and bounded totals. Each pattern over budget is an error at its own line and column.
/// The shipped scenarios use well under a fifth of it.
/// </summary>
public sealed partial class CueBudget
{
    /// <summary>Patterns a scenario may have.</summary>
    public const int MaxPatterns = 200;

    /// <summary>Characters one pattern may have.</summary>
    public const int MaxPatternLength = 300;

    /// <summary>Alternations (<c>|</c>) one pattern may have.</summary>
    public const int MaxAlternativesPerPattern = 40;

    /// <summary>The largest count a repetition (<c>{n}</c>, <c>{n,m}</c>) may have.</summary>
    public const int MaxRepetition = 100;

    /// <summary>Characters all of a scenario's patterns may have together.</summary>
    public const int MaxTotalLength = 20_000;

    /// <summary>Alternations (<c>|</c>) all of a scenario's patterns may have together.</summary>
    public const int MaxTotalAlternatives = 1_000;

    private int _patterns;
    private int _length;
    private int _alternatives;
    private bool _exhausted;

    /// <summary>Takes <paramref name="pattern"/> out of the budget; false (with an error at the pattern) when it does not fit.</summary>
    internal bool Admit(YamlScalar pattern, Diagnostics diag)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(diag);
        if (_exhausted)
        {
            return false; // said once, at the first pattern over the total
        }

        var source = pattern.Value.Trim();
        var alternatives = Alternatives(source);
        var fits = true;
        if (source.Length > MaxPatternLength)
        {
            fits = Refuse(pattern, diag, $"cue pattern is {source.Length} characters long; a pattern may have at most {MaxPatternLength}: split it into several patterns");
        }

        if (alternatives > MaxAlternativesPerPattern)
        {
            fits = Refuse(pattern, diag, $"cue pattern has {alternatives} alternations ('|'); a pattern may have at most {MaxAlternativesPerPattern}: split it into several patterns");
        }

        foreach (Match m in Repetition().Matches(source))
        {
            var count = m.Groups.Cast<Group>().Skip(1).Where(g => g.Success && g.Length > 0)
                .Select(g => g.Value.Length > 6 ? int.MaxValue : int.Parse(g.Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
            if (count > MaxRepetition)
            {
                fits = Refuse(pattern, diag, $"cue pattern repeats {m.Value}; a repetition may count at most {MaxRepetition}");
                break;
            }
        }

        _patterns++;
        _length += source.Length;
        _alternatives += alternatives;
        if (_patterns > MaxPatterns || _length > MaxTotalLength || _alternatives > MaxTotalAlternatives)
        {
            _exhausted = true;
            return Refuse(pattern, diag,
                $"the scenario's cues are over budget from here on: at most {MaxPatterns} patterns, {MaxTotalLength:N0} characters and {MaxTotalAlternatives:N0} alternations ('|') in all (so far {_patterns}, {_length:N0} and {_alternatives:N0})");
        }

        return fits;
    }

    private static bool Refuse(YamlScalar pattern, Diagnostics diag, string message)
    {
        diag.Add(pattern.Mark, message);
        return false;
    }

    private static int Alternatives(string source)
    {
        var count = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\\')
            {
                i++; // an escaped character is literal
            }
            else if (source[i] == '|')
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex(@"(?<!\\)\{(\d+)(?:,(\d*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Repetition();
}
