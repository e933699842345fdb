using BenchmarkDotNet.Attributes;
using RolePlay.Core.Engine;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;

namespace RolePlay.Benchmarks;

/// <summary>Scenario load time, and a whole play (customer and staff turns) through the engine.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private string _path = null!;
    private Scenario _scenario = null!;
    private RubricScorer _scorer = null!;

    /// <summary>Loads the egg-tart scenario once for the play benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Repo.Scenarios, "bakery-egg-tart.zh.yaml");
        _scenario = ScenarioLoader.LoadFile(_path).Scenario ?? throw new InvalidOperationException("invalid scenario");
        _scorer = new RubricScorer(Rubric.ForScenarioFile(_path));
    }

    /// <summary>Reading, validating and compiling one scenario file.</summary>
    [Benchmark]
    public Scenario LoadScenario() => ScenarioLoader.LoadFile(_path).Scenario!;

    /// <summary>Twenty turns played by bots on every seat (half of them scored staff turns).</summary>
    [Benchmark]
    public int BotPlayTwentyTurns()
    {
        var play = new Play(_scenario, _scorer, seed: 1);
        long at = 0;
        for (var i = 0; i < 20 && !play.IsOver; i++)
        {
            play.PlayBot(play.RolesToMove()[0], at += 3_000);
        }

        return play.Turns.Count;
    }
}
