using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Scoring.Learned;

/// <summary>What a feature is made of; part of its hash, so two kinds never share a weight.</summary>
public enum FeatureKind : byte
{
    /// <summary>Characters 1–4 long (digits folded to 0), for Chinese without word segmentation and for English spelling.</summary>
    CharGram = 1,

    /// <summary>One Latin word.</summary>
    Word = 2,

    /// <summary>Two Latin words in a row.</summary>
    WordPair = 3,

    /// <summary>A word or a Chinese character pair that stands inside a negation's scope (不…, not…).</summary>
    Negated = 4,

    /// <summary>A cue of the shared rubric that matched (named by cue id, the polarity it counted with, and whether a negation flipped it).</summary>
    Cue = 5,


    /// <summary>The rubric's own verdict on a principle.</summary>
    RubricVerdict = 7,

    /// <summary>Always present: the line's script (Chinese or Latin) and a length bucket.</summary>
    Shape = 8,

    /// <summary>A word or a Chinese character pair after a "but" (但是, 不过, but, though): what a polite opening turns to.</summary>
    AfterBut = 9,
}

/// <summary>One feature occurrence in a line: its hash, and the characters of the original text it came from (−1 when none).</summary>
public readonly record struct FeatureHit(ulong Hash, FeatureKind Kind, int Start, int Length);

/// <summary>
/// Turns a staff line into the features the learned scorer weighs: character n-grams of the normalised text,
/// Latin words and word pairs, words in a negation's scope, and what the rubric's cues found. Training
/// (<c>roleplay train</c>) and scoring use this one featurizer, so they cannot drift apart.
/// </summary>
public sealed class LineFeaturizer
{
    /// <summary>The longest character n-gram.</summary>
    public const int MaxGram = 4;

    private static readonly char[] ClauseBreaks = ['，', '。', '！', '？', '；', '：', ',', '.', '!', '?', ';', ':', '\n', '、', '—'];
    private readonly RubricScorer _rubric;
    private readonly NegationRules _negationRules;
    private readonly Negation _negation;

    /// <summary>Creates a featurizer whose cue features come from <paramref name="rubric"/>.</summary>
    public LineFeaturizer(Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        _rubric = new RubricScorer(rubric);
        _negationRules = rubric.Negation;
        _negation = new Negation(rubric.Negation);
    }

    /// <summary>
    /// Adds every feature of <paramref name="request"/>'s text to <paramref name="hits"/> and returns the shared
    /// rubric's own score of the line, whose cue hits and verdicts are features too. The scenario's cues are not:
    /// the model reads language the same way in every scenario, so editing a scenario never invalidates it (a
    /// scenario's cues act through <see cref="LearnedScorer"/> instead).
    /// </summary>
    public TurnScore Featurize(ScoringRequest request, List<FeatureHit> hits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(hits);
        var folded = Fold(request.Text);
        AddCharGrams(folded, hits);
        var scope = NegationScope(folded);
        AddWords(folded, scope, hits);
        AddNegatedPairs(folded, scope, hits);
        AddAfterBut(folded, hits);
        AddShape(folded, hits);

        // Timing is not a property of the words: the scorer adds it after the model has spoken.
        var rubricScore = _rubric.Score(request with { LatencyMs = null, Scenario = null });
        AddRubric(rubricScore, hits);
        return rubricScore;
    }

    /// <summary>The text as features see it: normalised script and width, lower case, digits as 0; the same length as the input.</summary>
    public static string Fold(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return string.Create(normalized.Length, normalized, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= 'A' and <= 'Z' => (char)(c + 32),
                    >= '0' and <= '9' => '0',
                    '\t' or '\r' or '\n' => ' ',
                    _ => c,
                };
            }
        });
    }

    private static void AddCharGrams(string text, List<FeatureHit> hits)
    {
        for (var start = 0; start < text.Length; start++)
        {
            if (text[start] == ' ' || char.IsLowSurrogate(text[start]))
            {
                continue;
            }

            for (var n = 1; n <= MaxGram && start + n <= text.Length; n++)
            {
                var last = text[start + n - 1];
                if (n > 1 && last == ' ' && text[start + n - 2] == ' ')
                {
                    break;
                }

                var span = text.AsSpan(start, n);
                hits.Add(new FeatureHit(FeatureHash.Of(FeatureKind.CharGram, span), FeatureKind.CharGram, start, n));
            }
        }
    }

    private static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or '0' or '\'';

    private static void AddWords(string text, bool[] scope, List<FeatureHit> hits)
    {
        int previousStart = -1, previousEnd = -1;
        for (var i = 0; NextWord(text, ref i, out var start);)
        {
            var word = text.AsSpan(start, i - start);
            hits.Add(new FeatureHit(FeatureHash.Of(FeatureKind.Word, word), FeatureKind.Word, start, word.Length));
            if (scope[start])
            {
                hits.Add(new FeatureHit(FeatureHash.Of(FeatureKind.Negated, word), FeatureKind.Negated, start, word.Length));
            }

            if (previousStart >= 0 && OnlySpacesBetween(text, previousEnd, start))
            {
                var pair = text.AsSpan(previousStart, i - previousStart);
                hits.Add(new FeatureHit(FeatureHash.Of(FeatureKind.WordPair, pair), FeatureKind.WordPair, previousStart, pair.Length));
            }

            (previousStart, previousEnd) = (start, i);
        }
    }

    private static bool OnlySpacesBetween(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static void AddNegatedPairs(string text, bool[] scope, List<FeatureHit> hits)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (scope[i] && TextNormalizer.HasCjk(text.AsSpan(i, 1)))
            {
                var pair = text.AsSpan(i, 2);
                hits.Add(new FeatureHit(FeatureHash.Of(FeatureKind.Negated, pair), FeatureKind.Negated, i, 2));
            }
        }
    }

    private static readonly string[] ButWords = ["但是", "但", "可是", "不过", "只不过", "只是", "还是", " but ", " though", " however", " although", " just that "];

    /// <summary>The words after a "but", to the end of the sentence: "sorry, but you…" is about what comes after.</summary>
    private static void AddAfterBut(string text, List<FeatureHit> hits)
    {
        var from = -1;
        foreach (var word in ButWords)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && (from < 0 || at + word.Length < from))
            {
                from = at + word.Length;
            }
        }

        if (from < 0)
        {
            return;
        }

        for (var i = from; i + 1 < text.Length && text[i] is not ('。' or '！' or '？' or '!' or '?' or '.'); i++)
        {
            if (text[i] == ' ' || text[i + 1] == ' ')
            {
                continue;
            }

            var pair = text.AsSpan(i, 2);
            hits.Add(new FeatureHit(FeatureHash.Of(FeatureKind.AfterBut, pair), FeatureKind.AfterBut, i, 2));
        }
    }

    private static void AddShape(string text, List<FeatureHit> hits)
    {
        var chinese = TextNormalizer.HasCjk(text);
        var bucket = text.Length switch { < 6 => "xs", < 20 => "s", < 50 => "m", < 100 => "l", _ => "xl" };
        var name = (chinese ? "zh-" : "en-") + bucket;
        hits.Add(new FeatureHit(FeatureHash.Of(FeatureKind.Shape, name), FeatureKind.Shape, -1, 0));
    }

    /// <summary>Marks the characters a negation word governs: up to the rubric's window, never past a clause break.</summary>
    private bool[] NegationScope(string text)
    {
        var scope = new bool[text.Length + 1];
        foreach (var negator in _negationRules.Chinese)
        {
            for (var at = text.IndexOf(negator, StringComparison.Ordinal); at >= 0; at = text.IndexOf(negator, at + 1, StringComparison.Ordinal))
            {
                if (!_negation.InsideException(text, at, negator.Length))
                {
                    Mark(text, scope, at + negator.Length, _negationRules.ChineseWindow);
                }
            }
        }

        if (text.AsSpan().IndexOfAnyInRange('a', 'z') >= 0)
        {
            MarkEnglish(text, scope);
        }

        return scope;
    }

    private static void Mark(string text, bool[] scope, int from, int window)
    {
        for (var i = from; i < text.Length && i < from + window && Array.IndexOf(ClauseBreaks, text[i]) < 0; i++)
        {
            scope[i] = true;
        }
    }

    private void MarkEnglish(string text, bool[] scope)
    {
        for (var i = 0; NextWord(text, ref i, out var start);)
        {
            if (_negation.IsEnglishNegator(text.AsSpan(start, i - start)))
            {
                MarkWords(text, scope, i, _negationRules.EnglishWindow);
            }
        }
    }

    /// <summary>Moves <paramref name="i"/> past the next Latin word; false when there is none.</summary>
    private static bool NextWord(string text, ref int i, out int start)
    {
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        start = i;
        while (i < text.Length && IsWordChar(text[i]))
        {
            i++;
        }

        return i > start;
    }

    private static void MarkWords(string text, bool[] scope, int from, int words)
    {
        var i = from;
        for (var w = 0; w < words && i < text.Length; w++)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                if (Array.IndexOf(ClauseBreaks, text[i]) >= 0)
                {
                    return;
                }

                i++;
            }

            while (i < text.Length && IsWordChar(text[i]))
            {
                scope[i++] = true;
            }
        }
    }

    private void AddRubric(TurnScore score, List<FeatureHit> hits)
    {
        foreach (var verdict in score.Verdicts)
        {
            if (verdict.Verdict != 0)
            {
                var name = $"{verdict.Principle}:{verdict.Verdict}";
                hits.Add(new FeatureHit(FeatureHash.Of(FeatureKind.RubricVerdict, name), FeatureKind.RubricVerdict, -1, 0));
            }

            foreach (var evidence in verdict.Evidence)
            {
                if (evidence.Source == Evidence.TimingSource)
                {
                    continue;
                }

                var name = $"{evidence.Source}:{evidence.Polarity}{(evidence.Negated ? ":negated" : "")}";
                hits.Add(new FeatureHit(FeatureHash.Of(FeatureKind.Cue, name), FeatureKind.Cue, evidence.Start, evidence.Length));
            }
        }
    }
}
