using BenchmarkDotNet.Attributes;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Benchmarks;

/// <summary>Staff lines scored per second and bytes allocated per line, over a mix of Chinese (both scripts) and English.</summary>
[MemoryDiagnoser]
public class ScorerBenchmarks
{
    private static readonly string[] Lines =
    [
        "这两块蛋挞您夹坏了,您要么买回去,要么赔偿!",
        "真不好意思,是我们夹子不好用,我帮您重新夹两块吧。",
        "算了算了,不要您赔了。",
        "您先别着急,到休息区坐一下,我给您倒杯茶。",
        "没有钱就别来店里买东西!",
        "非常抱歉让您不愉快,您看这样处理可以吗?",
        "起初不对的是你,如果您坚持要赔钱,我就要怀疑您今天的动机。",
        "這不是您的錯,是我們沒有提醒清楚,真對不起。",
        "謝謝您告訴我們,我們馬上給您換一個新的。",
        "I'm so sorry about that, it's not your fault at all.",
        "Either you buy them or you pay for them.",
        "Please have a seat in our rest area, can I get you some tea?",
        "Thank you for telling us. Would a replacement work for you?",
        "That's store policy, I can't do anything about it.",
        "I'll follow up with you tomorrow to make sure everything is fine.",
        "OK.",
    ];

    private RubricScorer _scorer = null!;
    private LearnedScorer _learned = null!;
    private Scenario _scenario = null!;
    private int _next;

    /// <summary>Loads the shipped rubric and the egg-tart scenario once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scorer = new RubricScorer(Rubric.ForScenarioFile(Path.Combine(Repo.Scenarios, "bakery-egg-tart.zh.yaml")));
        _learned = new LearnedScorer(ScorerModel.Load(Path.Combine(Repo.Scenarios, "scorer", ScorerModel.FileName)), Rubric.ForScenarioFile(Path.Combine(Repo.Scenarios, "bakery-egg-tart.zh.yaml")));
        _scenario = ScenarioLoader.LoadFile(Path.Combine(Repo.Scenarios, "bakery-egg-tart.zh.yaml")).Scenario
            ?? throw new InvalidOperationException("bakery-egg-tart.zh.yaml is invalid");
    }

    /// <summary>One staff line, rubric cues only.</summary>
    [Benchmark]
    public TurnScore ScoreLineRubricOnly()
    {
        var line = Lines[_next++ % Lines.Length];
        return _scorer.Score(new ScoringRequest(line, "clerk", null, 4_000, null));
    }

    /// <summary>One staff line with the scenario's own cues, as in a live play.</summary>
    [Benchmark]
    public TurnScore ScoreLineWithScenario()
    {
        var line = Lines[_next++ % Lines.Length];
        return _scorer.Score(new ScoringRequest(line, "clerk", "counter", 4_000, _scenario));
    }

    /// <summary>One staff line through the learned scorer (the server's default), with the scenario's cues.</summary>
    [Benchmark]
    public TurnScore ScoreLineLearned()
    {
        var line = Lines[_next++ % Lines.Length];
        return _learned.Score(new ScoringRequest(line, "clerk", "counter", 4_000, _scenario));
    }

    /// <summary>Loading the shipped model file: what the learned scorer adds to server start.</summary>
    [Benchmark]
    public ScorerModel LoadModel() => ScorerModel.Load(Path.Combine(Repo.Scenarios, "scorer", ScorerModel.FileName));
}
