using RolePlay.Contracts;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Server.Persistence;

namespace RolePlay.Server.Sessions;

/// <summary>A live session: its stored row, its scenario and its groups.</summary>
public sealed class SessionRuntime(SessionRow row, Scenario scenario, IScorer scorer, int joinsPerMinute = 600)
{
    /// <summary>Joins this session admits per minute.</summary>
    internal System.Threading.RateLimiting.FixedWindowRateLimiter Joins { get; } = new(Security.RateLimits.Window(joinsPerMinute));

    /// <summary>The session as stored.</summary>
    public SessionRow Row { get; } = row;

    /// <summary>The scenario being played.</summary>
    public Scenario Scenario { get; } = scenario;

    /// <summary>The scorer for the scenario.</summary>
    public IScorer Scorer { get; } = scorer;

    /// <summary>Groups in order.</summary>
    public List<GroupRuntime> Groups { get; } = [];

    /// <summary>Held while the session's state changes, so a check and its move are one step.</summary>
    internal SemaphoreSlim StateGate { get; } = new(1, 1);

    /// <summary>The SignalR group of the instructor's watchers.</summary>
    public string WatchersGroup => Hubs.GroupNotifier.WatchersOf(Row.Id);
}
