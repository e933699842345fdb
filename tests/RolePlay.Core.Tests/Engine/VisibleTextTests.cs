using RolePlay.Core.Engine;

namespace RolePlay.Core.Tests.Engine;

/// <summary>Lengths are what a reader counts, and text with nothing to see is empty.</summary>
public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("顾客永远是对的", 7)]
    [InlineData("😀😀", 2)]
    [InlineData("👍🏽", 1)]
    [InlineData("👩‍👩‍👧", 1)]
    [InlineData("🇨🇳", 1)]
    [InlineData("e\u0301", 1)]
    public void Length_counts_text_elements(string text, int length) => Assert.Equal(length, VisibleText.Length(text));

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n")]
    [InlineData("\u200B\u200C\u200D\u2060")] // zero-width space, non-joiner, joiner, word joiner
    [InlineData("\u202E\u202D\u2066\u2069\u200E\u200F")] // direction overrides, isolates and marks
    [InlineData("\uFEFF\u00AD")] // byte-order mark, soft hyphen
    [InlineData("\u3000\u00A0\u2028")] // ideographic and no-break space, line separator
    [InlineData("\u3164\u115F\u2800")] // Hangul filler, braille blank
    [InlineData("\uFE0F\u0301")] // a variation selector and a combining accent on nothing
    [InlineData("\U000E0041\U000E007F")] // tag characters
    public void Text_with_nothing_to_see_is_not_visible(string text) => Assert.False(VisibleText.HasVisible(text));

    [Theory]
    [InlineData("a")]
    [InlineData("\u200B小王\u200B")]
    [InlineData("😀")]
    [InlineData("\u202E!")]
    [InlineData("。")]
    public void Text_with_something_to_see_is_visible(string text) => Assert.True(VisibleText.HasVisible(text));

    [Fact]
    public void A_reply_is_limited_in_characters_a_reader_counts_and_an_invisible_one_is_empty()
    {
        var play = new Play(Fixtures.Mini, Fixtures.MiniScorer, seed: 1);

        var emoji = string.Concat(Enumerable.Repeat("😀", 1500)); // 3,000 UTF-16 units
        var turn = play.Say("customer", emoji, 0);
        Assert.Equal(emoji, turn.Text);
        Assert.Contains("empty", Assert.Throws<PlayRuleException>(() => play.Say("clerk", "\u200B\u202E\u2066 \u200D", 10)).Text.English);
        Assert.Contains("2001", Assert.Throws<PlayRuleException>(() => play.Say("clerk", string.Concat(Enumerable.Repeat("😀", 2001)), 10)).Text.English);
    }
}
