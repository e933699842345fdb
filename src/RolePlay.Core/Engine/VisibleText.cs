using System.Globalization;
using System.Text;

namespace RolePlay.Core.Engine;

/// <summary>
/// How long a piece of typed text is, and whether a person could see any of it. Lengths are counted in text elements
/// (what a reader calls characters: an emoji, a flag or a letter with its accents is one), not UTF-16 units. A name or
/// a reply made only of white space, zero-width characters, direction overrides, joiners, variation selectors or
/// other invisible characters says nothing and is refused as empty.
/// </summary>
public static class VisibleText
{
    // Letters and symbols that draw nothing: Hangul fillers, the braille blank, the Khmer inherent vowels.
    private static readonly HashSet<int> BlankSymbols = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x17B4, 0x17B5];

    /// <summary>The length of <paramref name="text"/> in text elements (user-perceived characters).</summary>
    public static int Length(string? text) => string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements;

    /// <summary>True when <paramref name="text"/> has at least one character a reader can see.</summary>
    public static bool HasVisible(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || BlankSymbols.Contains(rune.Value))
            {
                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control: // includes the C1 controls
                case UnicodeCategory.Format: // zero-width space/joiners, direction marks and overrides, tags, BOM
                case UnicodeCategory.NonSpacingMark: // combining marks and variation selectors on nothing
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.OtherNotAssigned:
                    continue;
                default:
                    return true;
            }
        }

        return false;
    }
}
