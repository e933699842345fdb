namespace RolePlay.Core.Scoring;

/// <summary>Decides whether a negation stands just before a cue's words, in the same clause.</summary>
internal sealed class Negation(NegationRules rules)
{
    private static readonly char[] ClauseBreaks = ['，', '。', '！', '？', '；', '：', ',', '.', '!', '?', ';', ':', '\n', '、'];

    public bool IsNegated(string text, int matchStart)
    {
        if (matchStart <= 0)
        {
            return false;
        }

        return TextNormalizer.HasCjk(text.AsSpan(Math.Max(0, matchStart - 1), Math.Min(2, text.Length - Math.Max(0, matchStart - 1))))
            ? ChineseNegated(text, matchStart)
            : EnglishNegated(text, matchStart);
    }

    private bool ChineseNegated(string text, int matchStart)
    {
        var from = matchStart;
        while (from > 0 && matchStart - from < rules.ChineseWindow && Array.IndexOf(ClauseBreaks, text[from - 1]) < 0)
        {
            from--;
        }

        var window = text.AsSpan(from, matchStart - from);
        foreach (var negator in rules.Chinese)
        {
            var at = window.IndexOf(negator.AsSpan(), StringComparison.Ordinal);
            if (at >= 0 && !InsideException(text, from + at, negator.Length))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"非常抱歉" and "不好意思" contain negation characters but negate nothing.</summary>
    public bool InsideException(string text, int index, int length)
    {
        foreach (var phrase in rules.ChineseExceptions)
        {
            var start = Math.Max(0, index + length - phrase.Length);
            var end = Math.Min(text.Length, index + phrase.Length);
            var at = text.AsSpan(start, end - start).IndexOf(phrase.AsSpan(), StringComparison.Ordinal);
            if (at >= 0 && start + at <= index && start + at + phrase.Length >= index + length)
            {
                return true;
            }
        }

        return false;
    }

    private bool EnglishNegated(string text, int matchStart)
    {
        var i = matchStart;
        for (var words = 0; words < rules.EnglishWindow; words++)
        {
            while (i > 0 && text[i - 1] == ' ')
            {
                i--;
            }

            if (i == 0 || Array.IndexOf(ClauseBreaks, text[i - 1]) >= 0)
            {
                return false;
            }

            var end = i;
            while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] == '\''))
            {
                i--;
            }

            if (i == end)
            {
                return false;
            }

            if (IsEnglishNegator(text.AsSpan(i, end - i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for an English negation word of the rubric, or any word ending in n't.</summary>
    public bool IsEnglishNegator(ReadOnlySpan<char> word)
    {
        if (word.EndsWith("n't", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var negator in rules.English)
        {
            if (word.Equals(negator, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
