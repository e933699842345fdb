using RolePlay.Core.Scoring;

namespace RolePlay.Core.Tests.Scoring;

public class ScorerBehaviourTests
{
    private static readonly RubricScorer Scorer = new(Rubric.Default);

    private static PrincipleVerdict Verdict(string line, string principle, long? latencyMs = null) =>
        Scorer.Score(new ScoringRequest(line, "clerk", null, latencyMs, null)).Verdicts.Single(v => v.Principle == principle);

    [Fact]
    public void Negation_flips_blame_into_taking_the_customers_side()
    {
        Assert.Equal(-1, Verdict("是您的错。", Principles.CustomerFirst).Verdict);
        var notBlame = Verdict("不是您的错。", Principles.CustomerFirst);

        Assert.Equal(1, notBlame.Verdict);
        Assert.Contains(notBlame.Evidence, e => e.Negated && e.Text == "是您的错");
    }

    [Fact]
    public void Words_that_contain_a_negation_character_do_not_negate()
    {
        Assert.Equal(1, Verdict("非常抱歉。", Principles.PromptSincere).Verdict);
        Assert.Equal(1, Verdict("对不起,是我们的错。", Principles.CustomerFirst).Verdict);
    }

    [Fact]
    public void Evidence_points_at_the_words_in_the_original_traditional_text()
    {
        const string line = "這不是您的錯。";

        var verdict = Verdict(line, Principles.CustomerFirst);

        var evidence = Assert.Single(verdict.Evidence);
        Assert.Equal("是您的錯", evidence.Text);
        Assert.Equal(line.Substring(evidence.Start, evidence.Length), evidence.Text);
    }

    [Fact]
    public void A_long_silence_violates_timeliness_with_the_timing_as_evidence()
    {
        var verdict = Verdict("好的。", Principles.PromptSincere, latencyMs: 90_000);

        Assert.Equal(-1, verdict.Verdict);
        Assert.Equal(Evidence.TimingSource, Assert.Single(verdict.Evidence).Source);
        Assert.Contains("90", verdict.Evidence[0].Text);
    }

    [Fact]
    public void A_quick_reply_alone_is_not_enough_to_uphold_timeliness_but_helps_an_apology_partner()
    {
        Assert.Equal(0, Verdict("好的。", Principles.PromptSincere, latencyMs: 3_000).Verdict);
        Assert.Equal(1, Verdict("Sorry for the wait.", Principles.PromptSincere, latencyMs: 3_000).Verdict);
    }

    [Fact]
    public void Feedback_comes_in_the_language_of_the_line_and_names_the_problem()
    {
        var zh = Verdict("这两块您要么买回去,要么赔偿!", Principles.CustomerFirst);
        var en = Verdict("Either you buy them or you pay for them.", Principles.CustomerFirst);

        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh.Feedback);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", en.Feedback);
        Assert.NotEqual(string.Empty, en.Feedback);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("(((((((((((((((((((((((((((((((((((((((((a")]
    [InlineData("")]
    public void Odd_text_is_scored_without_throwing(string line)
    {
        var score = Scorer.Score(new ScoringRequest(line, "clerk", null, null, null));

        Assert.Equal(Principles.Ids, score.Verdicts.Select(v => v.Principle));
    }

    [Fact]
    public void A_very_long_line_of_repeated_words_is_scored_quickly_enough_to_return()
    {
        var line = string.Concat(Enumerable.Repeat("您要么买要么赔 either you ", 10_000));

        var score = Scorer.Score(new ScoringRequest(line, "clerk", null, null, null));

        Assert.Equal(-1, score.VerdictOf(Principles.CustomerFirst));
    }
}
