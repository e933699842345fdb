using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Core.Tests.Scoring;

/// <summary>What the learned scorer promises whatever it has learned: evidence in the student's own words, determinism, timing, scenario cues, any text.</summary>
public class LearnedScorerTests
{
    private static readonly Scenario EggTart = ScenarioLoader.LoadFile(TestPaths.Scenario("bakery-egg-tart.zh.yaml")).Scenario!;
    private static readonly LearnedScorer Scorer = new(ScorerModel.Load(TestPaths.ShippedModel), Rubric.Default);

    public static TheoryData<string> Lines => new()
    {
        "这两块蛋挞您夹坏了，您要么买回去，要么赔偿！",
        "没有钱就别来店里买东西！",
        "真对不起，是我们没提醒您夹子有点紧，我给您重新拿两块，不用付钱。",
        "您先别着急，这边人多，我们去休息区坐一下，我给您倒杯茶。",
        "這不是您的錯，是我們沒有提醒清楚，真對不起。",
        "Either you buy them or you pay for them.",
        "That one's on us — we should have called you before doing the work.",
        "I'm not saying you broke it, but these tongs have never broken a tart before 🙄",
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Every_verdict_other_than_not_engaged_carries_the_students_own_words_as_evidence(string text)
    {
        var score = Scorer.Score(new ScoringRequest(text, "clerk", "counter", null, EggTart));

        foreach (var verdict in score.Verdicts.Where(v => v.Verdict != 0))
        {
            Assert.NotEmpty(verdict.Evidence);
            Assert.All(verdict.Evidence, e =>
            {
                Assert.InRange(e.Start, 0, text.Length - 1);
                Assert.Equal(e.Text, text.Substring(e.Start, e.Length));
                Assert.Equal(verdict.Verdict, e.Polarity);
            });
            Assert.False(string.IsNullOrWhiteSpace(verdict.Feedback));
        }
    }

    [Fact]
    public void The_seed_insults_are_violations_with_their_words_as_evidence()
    {
        var score = Scorer.Score(new ScoringRequest("没有钱就别来店里买东西！", "supervisor", "at-the-door", null, EggTart));

        var verdict = score.Verdicts.Single(v => v.Principle == Principles.CustomerFirst);
        Assert.Equal(-1, verdict.Verdict);
        Assert.Contains(verdict.Evidence, e => e.Text.Contains("钱", StringComparison.Ordinal));
    }

    [Fact]
    public void Scoring_the_same_line_twice_gives_the_same_verdicts_and_evidence()
    {
        var request = new ScoringRequest("很抱歉，但是这确实是您操作不当造成的。", "clerk", "counter", 5_000, EggTart);

        var first = Scorer.Score(request);
        var second = Scorer.Score(request);

        Assert.Equal(first.Verdicts.Select(v => (v.Verdict, string.Join("|", v.Evidence.Select(e => $"{e.Start}:{e.Length}:{e.Source}")))),
            second.Verdicts.Select(v => (v.Verdict, string.Join("|", v.Evidence.Select(e => $"{e.Start}:{e.Length}:{e.Source}")))));
    }

    [Fact]
    public void A_minute_of_silence_violates_timely_with_the_timing_as_evidence()
    {
        var quick = Scorer.Score(new ScoringRequest("好的，我看一下。", "clerk", "counter", 3_000, EggTart));
        var slow = Scorer.Score(new ScoringRequest("好的，我看一下。", "clerk", "counter", 75_000, EggTart));

        Assert.NotEqual(-1, quick.VerdictOf(Principles.PromptSincere));
        var verdict = slow.Verdicts.Single(v => v.Principle == Principles.PromptSincere);
        Assert.Equal(-1, verdict.Verdict);
        Assert.Contains(verdict.Evidence, e => e.Source == Evidence.TimingSource && e.Text.Contains("75", StringComparison.Ordinal));
    }

    [Fact]
    public void Scenario_cues_still_drive_the_scene()
    {
        var score = Scorer.Score(new ScoringRequest("我去请领班过来帮您处理。", "clerk", "tongs", null, EggTart));

        Assert.Contains("call-supervisor", score.MatchedCues);
    }

    /// <summary>
    /// The model reads any talk of the tongs as blame (it learned the topic); in the egg-tart scene the author's cue
    /// decides: the tongs named as awkward *together with* "never mind" is kindness, the tongs named to lecture her is not.
    /// </summary>
    [Theory]
    [InlineData("bakery-egg-tart.en.yaml", "Oh, these tongs are tricky. Never mind, I'll clear up the broken one.", true)]
    [InlineData("bakery-egg-tart.zh.yaml", "不好意思，这夹子是不太顺手，碎了没关系。", true)]
    [InlineData("bakery-egg-tart.en.yaml", "These tongs are tricky, you have to hold them properly.", false)]
    [InlineData("bakery-egg-tart.zh.yaml", "这夹子是不太好使，您得捏紧一点嘛。", false)]
    public void The_egg_tart_scene_reads_the_tongs_named_kindly_as_not_her_fault(string file, string text, bool kind)
    {
        var scenario = ScenarioLoader.LoadFile(TestPaths.Scenario(file)).Scenario!;

        var score = Scorer.Score(new ScoringRequest(text, "clerk", "tongs", null, scenario));

        Assert.Equal(kind, score.MatchedCues.Contains("tongs-not-her-fault"));
        Assert.Equal(kind, score.VerdictOf(Principles.CustomerFirst) == 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("？？？！！！")]
    [InlineData("\u200B\u202E\u200B")]
    [InlineData("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀")]
    [InlineData("<script>alert(1)</script>")]
    public void Any_text_is_scored_without_throwing(string text)
    {
        var score = Scorer.Score(new ScoringRequest(text, "clerk", null, null, null));

        Assert.Equal(Principles.Ids, score.Verdicts.Select(v => v.Principle));
    }

    [Fact]
    public void A_long_line_of_emoji_never_splits_a_character_in_its_evidence()
    {
        var text = string.Concat(Enumerable.Repeat("您是不是手劲太大了😡", 20));
        var score = Scorer.Score(new ScoringRequest(text, "clerk", "counter", null, EggTart));

        Assert.All(score.Verdicts.SelectMany(v => v.Evidence).Where(e => e.Start >= 0), e =>
        {
            Assert.False(char.IsLowSurrogate(e.Text[0]));
            Assert.False(char.IsHighSurrogate(e.Text[^1]));
        });
    }

    [Fact]
    public void A_model_reads_back_from_its_file_unchanged()
    {
        var model = ScorerModel.Load(TestPaths.ShippedModel);
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;

        var copy = ScorerModel.Read(stream);

        Assert.Equal(model.Principles, copy.Principles);
        Assert.Equal(model.Biases, copy.Biases);
        Assert.Equal(model.Features, copy.Features);
        Assert.Equal(model.Weights, copy.Weights);
        Assert.Equal(model.Hidden?.InputWeights, copy.Hidden?.InputWeights);
        Assert.Equal(model.Hidden?.OutputWeights, copy.Hidden?.OutputWeights);
    }

    [Fact]
    public void The_shipped_model_travels_with_the_programs_that_score_and_not_with_core_which_phones_download()
    {
        var fromFile = ScorerModel.Load(TestPaths.ShippedModel);
        var emptyFolder = Directory.CreateTempSubdirectory("roleplay-scenarios-").FullName;

        var builtIn = ScorerModel.ForScenariosFolder(emptyFolder, typeof(RolePlay.Cli.Training.ModelTrainer).Assembly);

        Assert.Equal(fromFile.Features, builtIn.Features);
        Assert.DoesNotContain(typeof(ScorerModel).Assembly.GetManifestResourceNames(), name => name.Contains("scorer", StringComparison.OrdinalIgnoreCase));
        var error = Assert.Throws<InvalidOperationException>(() => ScorerModel.ForScenariosFolder(emptyFolder, typeof(ScorerModel).Assembly));
        Assert.Contains("RolePlay.Core does not embed the scorer model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_with_a_clear_error()
    {
        using var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write("not a model at all"u8);
        }

        stream.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => ScorerModel.Read(stream));
        Assert.Contains("not a RolePlay scorer model", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Lines trainers agreed on that the cue rubric of the time scored 0 on every principle (quoted in the request for a
    /// learned scorer); none of them is in the corpus.
    /// </summary>
    [Theory]
    [InlineData("您是不是手劲太大了?我们这夹子用了好几年都没夹碎过。", Principles.CustomerFirst, -1)]
    [InlineData("难道我们还会骗您吗?电脑里就是这个价。", Principles.CustomerFirst, -1)]
    [InlineData("很抱歉,但是这确实是您操作不当造成的。", Principles.CustomerFirst, -1)]
    [InlineData("换新是不可能的,按规定只能再给您修一次。", Principles.Resolve, -1)]
    [InlineData("我们尽量这周找时间过去看看。", Principles.Resolve, -1)]
    [InlineData("锁不好用、龙头还漏,是我们活儿没干好。明天上午九点我带师傅过去返工,材料人工都不收钱。", Principles.CustomerFirst, 1)]
    [InlineData("锁不好用、龙头还漏,是我们活儿没干好。明天上午九点我带师傅过去返工,材料人工都不收钱。", Principles.Resolve, 1)]
    [InlineData("That one's on us — we should have called you before doing the work.", Principles.CustomerFirst, 1)]
    public void Lines_the_rubric_missed_get_the_trainers_verdict(string text, string principle, int expected)
    {
        Assert.Equal(expected, Scorer.Score(new ScoringRequest(text, "clerk", null, null, null)).VerdictOf(principle));
    }
}
