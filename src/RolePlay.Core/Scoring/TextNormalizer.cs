using System.Text;

namespace RolePlay.Core.Scoring;

/// <summary>
/// Brings a line into one form before cues are matched: traditional Chinese to simplified, full-width to
/// half-width, curly quotes to straight, so one simplified pattern serves both scripts. Lengths are kept,
/// so match positions point into the original text.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The normalised form of <paramref name="text"/>, the same length as the input.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = IndexOfFirstChange(text);
        if (index < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, index), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = state.index; i < span.Length; i++)
            {
                span[i] = Map(span[i]);
            }
        });
    }

    /// <summary>True when the text holds CJK ideographs.</summary>
    public static bool HasCjk(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOfFirstChange(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Map(text[i]) != text[i])
            {
                return i;
            }
        }

        return -1;
    }

    private static char Map(char c)
    {
        if (c < 0x80)
        {
            return c;
        }

        if (c is >= '\uFF01' and <= '\uFF5E' && c is not ('\uFF0C' or '\uFF01' or '\uFF1F' or '\uFF1A' or '\uFF1B'))
        {
            // Full-width letters and digits become ASCII; full-width punctuation that Chinese uses natively stays.
            return (char)(c - 0xFEE0);
        }

        return c switch
        {
            '\u2018' or '\u2019' => '\'',
            '\u201C' or '\u201D' => '"',
            '\u3000' => ' ',
            _ => ChineseScript.ToSimplified(c),
        };
    }
}
