using System.Buffers;
using System.Numerics.Tensors;

namespace RolePlay.Core.Scoring.Learned;

/// <summary>
/// Finds the student's own words behind a learned verdict: every feature's push towards the verdict (its weight
/// for the verdict minus its weight for "not engaged", plus what it added through the hidden units that fired)
/// is spread over the characters it came from, and the strongest stretches become the evidence, named after a
/// rubric cue where one matched there. With the fired units known the model is linear in its features, so the
/// pushes add up exactly to the verdict's lead (less the biases).
/// </summary>
internal static class EvidenceFinder
{
    private const int MaxSpans = 2;
    private const int MaxEvidence = 40;

    public static List<Evidence> Find(
        string text, List<FeatureHit> hits, ReadOnlySpan<int> rows, ScorerModel model, ReadOnlySpan<float> units, int principleColumn, int verdict, IReadOnlyList<Evidence> cueEvidence)
    {
        var scores = ArrayPool<float>.Shared.Rent(text.Length);
        try
        {
            Array.Clear(scores, 0, text.Length);
            var classColumn = principleColumn * 3 + (verdict > 0 ? 2 : 0);
            var neutralColumn = principleColumn * 3 + 1;

            // What one unit of input to each fired hidden unit is worth to the verdict over "not engaged".
            Span<float> unitPush = stackalloc float[units.Length];
            Span<float> inputs = stackalloc float[units.Length];
            for (var u = 0; u < units.Length; u++)
            {
                unitPush[u] = units[u] > 0
                    ? model.Hidden!.OutputWeights[u * model.Width + classColumn] - model.Hidden.OutputWeights[u * model.Width + neutralColumn]
                    : 0;
            }

            for (var h = 0; h < hits.Count; h++)
            {
                var (hit, row) = (hits[h], rows[h]);
                if (hit.Start < 0 || hit.Length == 0 || row < 0)
                {
                    continue;
                }

                var push = model.Weights[row * model.Width + classColumn] - model.Weights[row * model.Width + neutralColumn];
                if (model.Hidden is { } hidden)
                {
                    TensorPrimitives.ConvertToSingle(hidden.InputWeights.AsSpan(row * units.Length, units.Length), inputs);
                    push += TensorPrimitives.Dot(inputs, unitPush);
                }

                if (push <= 0)
                {
                    continue;
                }

                var each = push / hit.Length;
                for (var i = hit.Start; i < hit.Start + hit.Length && i < text.Length; i++)
                {
                    scores[i] += each;
                }
            }

            return Spans(text, scores.AsSpan(0, text.Length), verdict, cueEvidence);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    private static List<Evidence> Spans(string text, ReadOnlySpan<float> scores, int verdict, IReadOnlyList<Evidence> cueEvidence)
    {
        // A student learns from a phrase, not from scattered n-grams: the evidence is the clause (or, in a long
        // clause, the stretch of it) that pushed hardest towards the verdict, and a second one when it pushed
        // at least half as hard.
        var found = new List<(int Start, int Length, float Total)>();
        var clauseStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsClauseBreak(text[i]))
            {
                continue;
            }

            var (s, l) = Strongest(scores, clauseStart, i - clauseStart);
            (s, l) = Trim(text, s, l);
            var total = 0f;
            for (var k = s; k < s + l; k++)
            {
                total += scores[k];
            }

            if (l > 0 && total > 0)
            {
                found.Add((s, l, total));
            }

            clauseStart = i + 1;
        }

        found.Sort((a, b) => b.Total.CompareTo(a.Total));
        var kept = found.Take(MaxSpans).Where(f => f.Total >= found[0].Total * 0.5f).OrderBy(f => f.Start).ToList();
        var evidence = new List<Evidence>(kept.Count);
        foreach (var (start, length, _) in kept)
        {
            var cue = cueEvidence.FirstOrDefault(e => e.Polarity == verdict && e.Start >= 0 && e.Start < start + length && start < e.Start + e.Length);
            evidence.Add(new Evidence(text.Substring(start, length), start, length, cue?.Source ?? "model", verdict, cue?.Negated ?? false));
        }

        return evidence;
    }

    /// <summary>Within a clause longer than <see cref="MaxEvidence"/> characters, the window of that length that pushed hardest.</summary>
    private static (int Start, int Length) Strongest(ReadOnlySpan<float> scores, int start, int length)
    {
        if (length <= MaxEvidence)
        {
            return (start, length);
        }

        var window = 0f;
        for (var k = start; k < start + MaxEvidence; k++)
        {
            window += scores[k];
        }

        var (bestStart, best) = (start, window);
        for (var k = start + MaxEvidence; k < start + length; k++)
        {
            window += scores[k] - scores[k - MaxEvidence];
            if (window > best)
            {
                (bestStart, best) = (k - MaxEvidence + 1, window);
            }
        }

        return (bestStart, MaxEvidence);
    }

    private static bool IsClauseBreak(char c) => c is '，' or '。' or '！' or '？' or '；' or '：' or '、' or ',' or '.' or '!' or '?' or ';' or ':' or '\n' or '—' or '…';

    /// <summary>Drops spaces and punctuation at the ends and widens a cut Latin word to the whole word.</summary>
    private static (int Start, int Length) Trim(string text, int start, int length)
    {
        if (length <= 0)
        {
            return (start, 0);
        }

        var end = start + length;
        while (start > 0 && char.IsAsciiLetterOrDigit(text[start]) && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '\''))
        {
            start--;
        }

        while (end < text.Length && char.IsAsciiLetterOrDigit(text[end - 1]) && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '\''))
        {
            end++;
        }

        while (start < end && (char.IsWhiteSpace(text[start]) || char.IsPunctuation(text[start]) || char.IsSymbol(text[start])))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || char.IsPunctuation(text[end - 1]) || char.IsSymbol(text[end - 1])))
        {
            end--;
        }

        // Never cut an emoji (or any character outside the BMP) in half.
        if (start < end && char.IsLowSurrogate(text[start]))
        {
            start++;
        }

        if (end > start && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }
}
