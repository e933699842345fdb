using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using RolePlay.Core.Engine;
using RolePlay.Core.Groups;
using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Server.Localization;
using RolePlay.Server.Persistence;
using RolePlay.Server.Sessions;

namespace RolePlay.Server.Tests;

/// <summary>The runner around a group's state, with its log, its clients and its clock faked: no server, no database, no network.</summary>
public sealed class GroupRuntimeTests
{
    private static readonly DateTime T0 = new(2030, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly Lazy<(Scenario Scenario, IScorer Scorer)> Mini = new(() =>
    {
        var fixtures = Path.Combine(ServerProcess.RepoRoot, "tests", "RolePlay.Core.Tests", "Fixtures");
        var scenario = ScenarioLoader.LoadFile(Path.Combine(fixtures, "mini.yaml")).Scenario ?? throw new InvalidOperationException("mini.yaml is invalid");
        return (scenario, new RubricScorer(Rubric.Load(File.ReadAllText(Path.Combine(fixtures, "principles.yaml")), "principles.yaml")));
    });

    private readonly ConcurrentQueue<string> _journal = new();
    private readonly ManualTime _time = new() { Now = T0 };
    private readonly FakeLog _log;
    private readonly FakeNotifier _notifier;

    public GroupRuntimeTests()
    {
        _log = new FakeLog(_journal);
        _notifier = new FakeNotifier(_journal);
    }

    [Fact]
    public async Task Each_turn_is_stored_before_anyone_hears_of_it_and_times_come_from_the_runners_clock()
    {
        var group = NewGroup();
        await group.SubmitAsync(new GroupCommand.StartClock());
        _time.Now = T0.AddSeconds(2);
        await group.SubmitAsync(new GroupCommand.Say("customer", "My kettle leaks."));
        _time.Now = T0.AddSeconds(5);
        var accepted = await group.TakeTurnAsync(new GroupCommand.Act("clerk", "call-manager"));

        Assert.Equal(5_000, accepted.Turn.AtMs);
        Assert.Equal(
            ["stored start 09:00:00", "sent ClockStarted", "stored 1", "sent TurnAccepted 1", "stored 2", "sent TurnAccepted 2", "sent SceneChanged office", "sent MoodChanged"],
            _journal);
    }

    [Fact]
    public async Task A_turn_the_log_cannot_store_is_refused_changes_nothing_and_nobody_hears_of_it()
    {
        var group = NewGroup();
        _log.Failure = new IOException("database or disk is full");

        await Assert.ThrowsAsync<IOException>(() => group.SubmitAsync(new GroupCommand.Say("customer", "My kettle leaks.")));

        Assert.DoesNotContain(_journal, line => line.StartsWith("sent", StringComparison.Ordinal));
        Assert.Equal(0, await group.ReadAsync(s => s.LastSeq));
        _log.Failure = null;
        var accepted = await group.TakeTurnAsync(new GroupCommand.Say("customer", "My kettle leaks."));
        Assert.Equal(1, accepted.Turn.Seq);
        Assert.Equal(["stored 1", "sent TurnAccepted 1"], _journal.Where(l => !l.StartsWith("failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refused_command_throws_the_refusal_in_words_and_is_neither_stored_nor_sent()
    {
        var group = NewGroup(phase: GroupPhase.Paused);

        var paused = await Assert.ThrowsAsync<Refusal>(() => group.SubmitAsync(new GroupCommand.Say("customer", "Hello?")));
        await group.SubmitAsync(new GroupCommand.SetPhase(GroupPhase.Running));
        var rule = await Assert.ThrowsAsync<Refusal>(() => group.SubmitAsync(new GroupCommand.Say("manager", "Hello?")));

        Assert.Equal(ServerText.Paused, paused.Text);
        Assert.Contains("not in the scene", rule.Text.English);
        Assert.Empty(_journal);
    }

    [Fact]
    public async Task The_runner_plays_the_bot_the_state_asks_for_after_the_turn_that_made_it_due()
    {
        var group = NewGroup(bots: true);
        await group.SubmitAsync(new GroupCommand.TakeSeat(new Seat("t-customer", "customer", "Cu", T0)));

        var said = await group.TakeTurnAsync(new GroupCommand.Say("customer", "My kettle leaks."));

        Assert.Equal(1, said.Turn.Seq);
        // The clerk's bot answers by calling the manager, which makes the manager's bot due in turn: wait for both.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!_journal.Contains("sent TurnAccepted 3"))
        {
            await Task.Delay(20, timeout.Token);
        }

        var bots = await group.ReadAsync(s => s.Turns.Skip(1).ToList());
        Assert.All(bots, t => Assert.True(t.IsBot));
        Assert.Equal(["clerk", "manager"], bots.Select(t => t.Role));
        var journal = _journal.ToArray();
        Assert.True(Array.IndexOf(journal, "stored 2") < Array.IndexOf(journal, "sent TurnAccepted 2"));
        Assert.True(Array.IndexOf(journal, "sent TurnAccepted 2") < Array.IndexOf(journal, "stored 3"));
        Assert.Null(await group.ReadAsync(s => s.BotToMove)); // the customer's move: a person's
    }

    private GroupRunner NewGroup(bool bots = false, GroupPhase phase = GroupPhase.Running)
    {
        var (scenario, scorer) = Mini.Value;
        var row = new SessionRow { Id = "s1", ScenarioId = scenario.Id, JoinCode = "ABCDEF", State = SessionState.Running, BotsForEmptyRoles = bots, LiveFeedback = true };
        var state = new GroupState(new GroupSetup(scenario, scorer, 1), new GroupSettings(phase, bots, LiveFeedback: true));
        var services = new GroupServices(_log, _notifier, _time, BotDelayMs: 0, NullLogger.Instance, Principles: []);
        return new GroupRunner(row.Id, "g1", "Group 1", state, services);
    }

    private sealed class ManualTime : TimeProvider
    {
        public DateTime Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A log that takes its time, as a database does, and can be made to refuse.</summary>
    private sealed class FakeLog(ConcurrentQueue<string> journal) : ITurnLog
    {
        public Exception? Failure { get; set; }

        public async Task AppendAsync(string groupId, Turn turn)
        {
            await Task.Yield();
            if (Failure is not null)
            {
                journal.Enqueue($"failed {turn.Seq}");
                throw Failure;
            }

            journal.Enqueue($"stored {turn.Seq}");
        }

        public async Task MarkStartedAsync(string groupId, DateTime startedUtc)
        {
            await Task.Yield();
            journal.Enqueue($"stored start {startedUtc:HH:mm:ss}");
        }

        public Task<IReadOnlyDictionary<string, GroupLog>> ReadAsync(IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, GroupLog>>(groupIds.ToDictionary(id => id, _ => GroupLog.Empty));
    }

    private sealed class FakeNotifier(ConcurrentQueue<string> journal) : IGroupNotifier
    {
        public void Send(string sessionId, string groupId, IReadOnlyList<GroupEvent> events)
        {
            foreach (var e in events)
            {
                journal.Enqueue(e switch
                {
                    GroupEvent.TurnAccepted t => $"sent TurnAccepted {t.Turn.Seq}",
                    GroupEvent.SceneChanged s => $"sent SceneChanged {s.Scene.Stage.Id}",
                    _ => $"sent {e.GetType().Name}",
                });
            }
        }
    }
}
