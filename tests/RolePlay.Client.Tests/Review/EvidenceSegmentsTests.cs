using RolePlay.Client.Review;
using RolePlay.Core.Transcripts;
using static RolePlay.Client.Tests.Review.ReviewSamples;

namespace RolePlay.Client.Tests.Review;

public class EvidenceSegmentsTests
{
    private static string Marked(IReadOnlyList<TextSegment> segments) =>
        string.Concat(segments.Select(s => s.Mark switch
        {
            EvidenceMark.Up => $"[+{s.Text}]",
            EvidenceMark.Down => $"[-{s.Text}]",
            EvidenceMark.Mixed => $"[±{s.Text}]",
            _ => s.Text,
        }));

    [Fact]
    public void Overlapping_chinese_evidence_against_a_principle_is_one_run_over_exactly_those_words()
    {
        var turn = ClerkTurn();

        var segments = EvidenceSegments.Build(turn.Text, turn.Evidence);

        Assert.Equal("这两块蛋挞[-您夹坏了，您要么买回去，要么]赔偿！", Marked(segments));
        Assert.Equal("ev-down", segments[1].CssClass);
        Assert.Equal(["customer-first"], segments[1].Principles);
    }

    [Fact]
    public void Negated_blame_counts_for_the_customer_so_it_is_highlighted_as_upheld()
    {
        var turn = ManagerTurn();

        var segments = EvidenceSegments.Build(turn.Text, turn.Evidence);

        // "不是您的错": the scorer already flipped the blame cue to +1; the UI must not flip it back.
        Assert.Equal("不[+是您的错]，[+请][+到休息区坐一下]，我给您[+倒杯茶]。非常[+抱歉]！", Marked(segments));
        Assert.All(segments.Where(s => s.Mark != EvidenceMark.None), s => Assert.Equal("ev-up", s.CssClass));
    }

    [Fact]
    public void English_evidence_offsets_mark_the_exact_words()
    {
        var evidence = Evidence(
            ("customer-first", new EvidenceItem("blaming you", 8, 11, "blame-customer", 1, true)),
            ("prompt-sincere", new EvidenceItem("sorry", 28, 5, "apology", 1, false)),
            ("prompt-sincere", new EvidenceItem("replied within 2 s", -1, 0, "timing", 1, false)),
            ("off-scene", new EvidenceItem("have a seat", 42, 11, "invite-aside", 1, false)),
            ("affirm", new EvidenceItem("please", 35, 6, "politeness", 1, false)));

        var segments = EvidenceSegments.Build(EnglishLine, evidence);

        Assert.Equal(
            "I'm not [+blaming you]. I'm so [+sorry], [+please] [+have a seat] in the quiet area and tell me what you'd like.",
            Marked(segments));
    }

    [Fact]
    public void Words_for_one_principle_and_against_another_are_marked_mixed_without_losing_text()
    {
        const string text = "you have to pay now";
        var evidence = Evidence(
            ("customer-first", new EvidenceItem("you have to pay", 0, 15, "ultimatum", -1, false)),
            ("resolve", new EvidenceItem("pay now", 12, 7, "remedy", 1, false)));

        var segments = EvidenceSegments.Build(text, evidence);

        Assert.Equal("[-you have to ][±pay][+ now]", Marked(segments));
        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(["customer-first", "resolve"], segments[1].Principles.Order());
    }

    [Fact]
    public void Out_of_range_offsets_never_throw_and_never_mark_wrong_words()
    {
        const string text = "短句。";
        var evidence = Evidence(
            ("customer-first", new EvidenceItem("别的词", 40, 3, "x", -1, false)),
            ("affirm", new EvidenceItem("短句。还有", 0, 99, "y", 1, false)),
            ("resolve", new EvidenceItem("z", int.MaxValue, int.MaxValue, "z", 1, false)),
            ("off-scene", new EvidenceItem("q", -5, 2, "q", 1, false)));

        var segments = EvidenceSegments.Build(text, evidence);

        Assert.Equal("短句。", Marked(segments));
    }

    [Fact]
    public void Offsets_that_miss_their_words_are_moved_onto_the_words()
    {
        // The protocol's example says start 10 for 要么买回去，要么; in this text the words start at 11.
        var evidence = Evidence(("customer-first", new EvidenceItem("要么买回去，要么", 10, 8, "ultimatum", -1, false)));

        var segments = EvidenceSegments.Build(ClerkLine, evidence);

        Assert.Equal("这两块蛋挞您夹坏了，您[-要么买回去，要么]赔偿！", Marked(segments));
    }

    [Fact]
    public void A_highlight_never_splits_an_emoji()
    {
        const string text = "谢谢😀您";
        var evidence = Evidence(("affirm", new EvidenceItem(string.Empty, 0, 3, "thanks", 1, false)));

        var segments = EvidenceSegments.Build(text, evidence);

        Assert.Equal("[+谢谢😀]您", Marked(segments));
    }

    [Fact]
    public void Text_without_evidence_is_one_plain_run_and_no_text_is_nothing()
    {
        Assert.Equal([new TextSegment("你好", EvidenceMark.None, [])], EvidenceSegments.Build("你好", null));
        Assert.Empty(EvidenceSegments.Build(null, null));
    }
}
