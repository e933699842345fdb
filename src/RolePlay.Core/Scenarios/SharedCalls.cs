using System.Reflection;
using System.Text.RegularExpressions;
using RolePlay.Core.Localization;
using RolePlay.Core.Scoring;
using RolePlay.Core.Yaml;

namespace RolePlay.Core.Scenarios;

/// <summary>
/// The shared cues for calling a colleague in (<c>calls:</c> in <c>principles.yaml</c>), e.g. <c>call-supervisor</c> and
/// <c>call-manager</c>. They are not scored: a scenario lists them under a role's <c>calledBy</c>, and a member of staff
/// who says one brings that role into the current stage.
/// </summary>
public sealed class SharedCalls
{
    private static readonly Lazy<SharedCalls> BuiltIn = new(LoadBuiltIn);
    private readonly Negation _negation;

    private SharedCalls(IReadOnlyList<CallCue> cues, NegationRules negation)
    {
        Cues = cues;
        _negation = new Negation(negation);
    }

    /// <summary>The calls of the rubric built into RolePlay.Core (a copy of <c>scenarios/principles.yaml</c>).</summary>
    public static SharedCalls Default => BuiltIn.Value;

    /// <summary>Every shared call cue.</summary>
    public IReadOnlyList<CallCue> Cues { get; }

    /// <summary>The shared call cue with this id, or null.</summary>
    public CallCue? Find(string id) => Cues.FirstOrDefault(c => c.Id == id);

    /// <summary>True when <paramref name="text"/> says the call <paramref name="cue"/>, not negated ("不用叫店长", "no need to get the manager").</summary>
    public bool Says(CallCue cue, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SaysNormalized(cue, TextNormalizer.Normalize(text));
    }

    /// <summary>As <see cref="Says"/>, for text already passed through <see cref="TextNormalizer.Normalize"/>.</summary>
    public bool SaysNormalized(CallCue cue, string normalized)
    {
        ArgumentNullException.ThrowIfNull(cue);
        ArgumentNullException.ThrowIfNull(normalized);
        foreach (var regex in cue.Patterns)
        {
            foreach (Match m in regex.Matches(normalized))
            {
                if (!_negation.IsNegated(normalized, m.Index))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Reads the <c>calls:</c> section of rubric text; a rubric without one has no shared calls.</summary>
    internal static SharedCalls Read(string text, string fileName)
    {
        var diag = new Diagnostics(fileName);
        var root = SafeYamlReader.Read(text) as YamlMapping;
        var cues = new List<CallCue>();
        foreach (var node in (root?.Get("calls") as YamlSequence)?.Items ?? [])
        {
            var f = FieldReader.For(node, diag, "a call", "id", "example", "patterns");
            if (f is null)
            {
                continue;
            }

            var example = FieldReader.For(f.Mapping("example", required: true), diag, "a call's example", "zh", "en");
            var patterns = f.Strings("patterns", required: true)
                .Select(p => new Regex(TextNormalizer.Normalize(p.Value.Trim()), CueReader.PatternOptions))
                .ToList();
            cues.Add(new CallCue(f.Text("id", required: true), new LocalizedText(example?.Text("en") ?? string.Empty, example?.Text("zh") ?? string.Empty), patterns));
        }

        if (diag.HasErrors)
        {
            throw new ScenarioLoadException(diag.Sorted());
        }

        return new SharedCalls(cues, Rubric.Load(text, fileName).Negation);
    }

    private static SharedCalls LoadBuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("RolePlay.Core.principles.yaml")
            ?? throw new InvalidOperationException("the built-in rubric is missing from RolePlay.Core");
        using var reader = new StreamReader(stream);
        return Read(reader.ReadToEnd(), Rubric.FileName);
    }
}

/// <summary>A shared call cue: the words for calling a colleague in, and an example line shown to a waiting player.</summary>
public sealed record CallCue(string Id, LocalizedText Example, IReadOnlyList<Regex> Patterns);
