using RolePlay.Core.Engine;
using RolePlay.Core.Groups;
using static RolePlay.Core.Tests.Groups.GroupFixture;

namespace RolePlay.Core.Tests.Groups;

/// <summary>Recovery is the log replayed into a fresh state: the same scene, and the same scene from then on.</summary>
public class GroupStateRecoveryTests
{
    [Fact]
    public void Replaying_the_log_gives_the_same_stage_mood_cast_seq_and_whose_move_and_play_goes_on_alike()
    {
        var state = Running(bots: true, seed: 7);
        state.Handle(new GroupCommand.TakeSeat(Seat("t-customer", "customer")), T0);
        state.Handle(new GroupCommand.Say("customer", "My order is wrong."), At(1));
        state.Handle(new GroupCommand.BotMove(), At(2)); // the clerk's seat is empty: a bot answers
        state.Handle(new GroupCommand.StepIn("supervisor"), At(3));
        state.Handle(new GroupCommand.InjectEvent("queue"), At(4));
        state.Handle(new GroupCommand.Say("customer", "Well?"), At(5));

        var restored = GroupState.Restore(Setup(seed: 7), state.Settings, state.Seats.Values, state.Log);

        Assert.Equal(Facts(state), Facts(restored));
        Assert.Equal(state.StartedUtc, restored.StartedUtc);
        Assert.Equal(state.Turns.Select(Outcome), restored.Turns.Select(Outcome));
        var next = Single<GroupEvent.TurnAccepted>(state.Handle(new GroupCommand.BotMove(), At(6)));
        var nextRestored = Single<GroupEvent.TurnAccepted>(restored.Handle(new GroupCommand.BotMove(), At(6)));
        Assert.True(next.Turn.IsBot);
        Assert.Equal(Outcome(next.Turn), Outcome(nextRestored.Turn));
        Assert.Equal(next.Expecting, nextRestored.Expecting);
    }

    /// <summary>What a turn was and what it did.</summary>
    private static object Outcome(Turn t) => (TurnRecord.From(t), t.Seq, t.Stage, t.StageAfter, t.MoodAfter, t.LatencyMs, string.Join(",", t.Joined ?? []),
        string.Join(",", t.Score?.Verdicts.Select(v => v.Verdict) ?? []));

    [Fact]
    public void A_scene_that_ended_by_its_own_rules_is_over_after_recovery()
    {
        var state = Running();
        state.Handle(new GroupCommand.Say("customer", "My order is wrong."), At(1));
        state.Handle(new GroupCommand.Tick(), At(61));

        var restored = GroupState.Restore(Setup(), state.Settings, [], state.Log);

        Assert.True(restored.IsOver);
        Assert.Equal("walked-out", restored.Outcome!.Id);
        Assert.Equal(Facts(state), Facts(restored));
    }

    [Fact]
    public void A_group_of_an_ended_session_comes_back_ended_with_the_unfinished_outcome()
    {
        var state = Running();
        state.Handle(new GroupCommand.Say("customer", "My order is wrong."), At(1));
        state.Handle(new GroupCommand.SetPhase(GroupPhase.Ended), At(2));

        var restored = GroupState.Restore(Setup(), state.Settings, [], state.Log);

        Assert.Equal("unresolved", restored.Outcome!.Id);
        Assert.Equal(Facts(state), Facts(restored));
    }

    [Fact]
    public void Seats_come_back_without_connections_and_an_empty_log_is_a_group_that_has_not_started()
    {
        var seats = new[] { Seat("a", "clerk", 2) with { Connections = 2 }, Seat("b", "customer", 1) };

        var restored = GroupState.Restore(Setup(), new GroupSettings(GroupPhase.Lobby, true, true), seats, GroupLog.Empty);

        Assert.Equal(["b", "a"], restored.Roster.Select(s => s.Token));
        Assert.All(restored.Roster, s => Assert.False(s.Connected));
        Assert.Equal(["supervisor", "manager"], restored.BotRoles);
        Assert.Null(restored.StartedUtc);
        Assert.Equal(0, restored.LastSeq);
        Assert.Equal("counter", restored.Stage.Id);
    }

    private static object Facts(GroupState s) => new
    {
        Stage = s.Stage.Id,
        s.Mood,
        Present = string.Join(",", s.Scene.Present),
        s.LastSeq,
        s.IsOver,
        Outcome = s.Outcome?.Id,
        Path = string.Join(",", s.StagePath),
        s.Expecting,
        ToMove = string.Join(",", s.RolesToMove),
        Bot = s.BotToMove,
    };
}
