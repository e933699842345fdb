using System.Buffers;

namespace RolePlay.Core.Scoring.Learned;

/// <summary>
/// Finds the student's own words behind a learned verdict: every feature's push towards the verdict (its weight
/// for the verdict minus its weight for "not engaged") is spread over the characters it came from, and the
/// strongest stretches become the evidence, named after a rubric cue where one matched there.
/// </summary>
internal static class EvidenceFinder
{
    private const int MaxSpans = 2;
    private const float Share = 0.35f;

    public static List<Evidence> Find(string text, List<FeatureHit> hits, ScorerModel model, int principleColumn, int verdict, IReadOnlyList<Evidence> cueEvidence)
    {
        var scores = ArrayPool<float>.Shared.Rent(text.Length);
        try
        {
            Array.Clear(scores, 0, text.Length);
            var classColumn = principleColumn * 3 + (verdict > 0 ? 2 : 0);
            var neutralColumn = principleColumn * 3 + 1;
            foreach (var hit in hits)
            {
                if (hit.Start < 0 || hit.Length == 0)
                {
                    continue;
                }

                var row = model.RowOf(hit.Hash);
                if (row < 0)
                {
                    continue;
                }

                var push = model.Weights[row * model.Width + classColumn] - model.Weights[row * model.Width + neutralColumn];
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
        var max = 0f;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var found = new List<(int Start, int Length, float Total)>();
        if (max > 0)
        {
            var threshold = max * Share;
            for (var i = 0; i < scores.Length;)
            {
                if (scores[i] < threshold)
                {
                    i++;
                    continue;
                }

                var start = i;
                var total = 0f;
                // A one-character dip (a particle, a space) does not split a phrase.
                while (i < scores.Length && (scores[i] >= threshold || (i + 1 < scores.Length && scores[i + 1] >= threshold && IsGlue(text[i]))))
                {
                    total += scores[i];
                    i++;
                }

                var (s, l) = Trim(text, start, i - start);
                if (l > 0)
                {
                    found.Add((s, l, total));
                }
            }
        }

        found.Sort((a, b) => b.Total.CompareTo(a.Total));
        var evidence = new List<Evidence>(Math.Min(MaxSpans, found.Count));
        foreach (var (start, length, _) in found.Take(MaxSpans).OrderBy(f => f.Start))
        {
            var cue = cueEvidence.FirstOrDefault(e => e.Polarity == verdict && e.Start >= 0 && e.Start < start + length && start < e.Start + e.Length);
            evidence.Add(new Evidence(text.Substring(start, length), start, length, cue?.Source ?? "model", verdict, cue?.Negated ?? false));
        }

        return evidence;
    }

    private static bool IsGlue(char c) => !char.IsPunctuation(c) || c == '\'';

    /// <summary>Drops spaces and punctuation at the ends and widens a cut Latin word to the whole word.</summary>
    private static (int Start, int Length) Trim(string text, int start, int length)
    {
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
