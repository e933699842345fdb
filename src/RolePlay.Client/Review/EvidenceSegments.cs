using RolePlay.Core.Transcripts;

namespace RolePlay.Client.Review;

/// <summary>How a piece of a turn's text counted: not evidence, for a principle, against one, or both at once.</summary>
public enum EvidenceMark
{
    /// <summary>Plain text.</summary>
    None,

    /// <summary>Evidence that counted for a principle (<c>mark.ev-up</c>).</summary>
    Up,

    /// <summary>Evidence that counted against a principle (<c>mark.ev-down</c>).</summary>
    Down,

    /// <summary>Words that counted for one principle and against another.</summary>
    Mixed,
}

/// <summary>A run of a turn's text with one highlight; <c>Principles</c> names the principles whose evidence covers it.</summary>
public sealed record TextSegment(string Text, EvidenceMark Mark, IReadOnlyList<string> Principles)
{
    /// <summary>The CSS class of the <c>mark</c> element, or null for plain text.</summary>
    public string? CssClass => Mark switch
    {
        EvidenceMark.Up => "ev-up",
        EvidenceMark.Down => "ev-down",
        EvidenceMark.Mixed => "ev-mixed",
        _ => null,
    };
}

/// <summary>
/// Cuts a turn's text into plain and highlighted runs from the scorer's evidence. Offsets are UTF-16 indices into
/// the text as stored. The evidence's <c>Polarity</c> is already the effective one (the scorer flips a negated cue
/// before writing it), so <c>Negated</c> only explains, it never flips again. Overlapping spans are split at every
/// boundary; spans outside the text, or whose words are not where they claim to be, are moved to the words or dropped.
/// </summary>
public static class EvidenceSegments
{
    /// <summary>The runs of <paramref name="text"/>, in order; concatenated they give the text back unchanged.</summary>
    public static IReadOnlyList<TextSegment> Build(string? text, IReadOnlyDictionary<string, IReadOnlyList<EvidenceItem>>? evidence)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var spans = Spans(text, evidence);
        if (spans.Count == 0)
        {
            return [new TextSegment(text, EvidenceMark.None, [])];
        }

        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var s in spans)
        {
            cuts.Add(s.Start);
            cuts.Add(s.End);
        }

        var segments = new List<TextSegment>();
        var points = cuts.ToArray();
        for (var i = 0; i < points.Length - 1; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            var covering = spans.Where(s => s.Start <= from && s.End >= to).ToList();
            var up = covering.Any(s => s.Polarity > 0);
            var down = covering.Any(s => s.Polarity < 0);
            var mark = (up, down) switch
            {
                (true, true) => EvidenceMark.Mixed,
                (true, false) => EvidenceMark.Up,
                (false, true) => EvidenceMark.Down,
                _ => EvidenceMark.None,
            };
            IReadOnlyList<string> principles = mark == EvidenceMark.None
                ? []
                : [.. covering.Select(s => s.Principle).Distinct(StringComparer.Ordinal)];
            var piece = text[from..to];

            // Neighbours that look the same are one run: fewer elements, and a screen reader reads whole words.
            if (segments.Count > 0 && segments[^1].Mark == mark && segments[^1].Principles.SequenceEqual(principles, StringComparer.Ordinal))
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + piece };
            }
            else
            {
                segments.Add(new TextSegment(piece, mark, principles));
            }
        }

        return segments;
    }

    /// <summary>True when the evidence item points at words in the turn's text (timing and action evidence do not).</summary>
    public static bool IsInText(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Start >= 0 && item.Length > 0;
    }

    private static List<Span> Spans(string text, IReadOnlyDictionary<string, IReadOnlyList<EvidenceItem>>? evidence)
    {
        var spans = new List<Span>();
        if (evidence is null)
        {
            return spans;
        }

        foreach (var (principle, items) in evidence)
        {
            foreach (var item in items ?? [])
            {
                if (item is null || item.Polarity == 0 || !IsInText(item) || Locate(text, item) is not var (start, end))
                {
                    continue;
                }

                spans.Add(new Span(start, end, Math.Sign(item.Polarity), principle));
            }
        }

        return spans;
    }

    /// <summary>Where the item's words are: at its offsets when they hold its words, else the nearest place they occur.</summary>
    private static (int Start, int End)? Locate(string text, EvidenceItem item)
    {
        var start = item.Start;
        var end = (long)item.Start + item.Length;
        var words = item.Text ?? string.Empty;
        var inRange = start < text.Length && end <= text.Length;
        if (inRange && (words.Length == 0 || text.AsSpan(start, item.Length).SequenceEqual(words)))
        {
            return Whole(text, start, (int)end);
        }

        if (words.Length > 0)
        {
            var at = Nearest(text, words, start);
            if (at >= 0)
            {
                return Whole(text, at, at + words.Length);
            }
        }

        // Words that are nowhere in the text cannot be shown in place; the chip's details still list them.
        return null;
    }

    private static int Nearest(string text, string words, int near)
    {
        var best = -1;
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            if (best < 0 || Math.Abs(at - near) < Math.Abs(best - near))
            {
                best = at;
            }
        }

        return best;
    }

    // Never cut a surrogate pair (an emoji, a rare ideograph) in two.
    private static (int Start, int End) Whole(string text, int start, int end)
    {
        if (start > 0 && char.IsLowSurrogate(text[start]) && char.IsHighSurrogate(text[start - 1]))
        {
            start--;
        }

        if (end < text.Length && end > 0 && char.IsHighSurrogate(text[end - 1]) && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    private readonly record struct Span(int Start, int End, int Polarity, string Principle);
}
