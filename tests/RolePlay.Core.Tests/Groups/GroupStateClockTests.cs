using RolePlay.Core.Engine;
using RolePlay.Core.Groups;
using static RolePlay.Core.Tests.Groups.GroupFixture;

namespace RolePlay.Core.Tests.Groups;

/// <summary>Time is what the commands say it is: timed transitions fire from a clock command, never from the wall clock.</summary>
public class GroupStateClockTests
{
    [Fact]
    public void A_timed_transition_fires_from_the_tick_whose_time_has_come_and_is_logged_as_a_clock_turn()
    {
        var state = Running();
        state.Handle(new GroupCommand.Say("customer", "My order is wrong."), At(1));

        Assert.Empty(state.Handle(new GroupCommand.Tick(), At(59.999)));
        var fired = state.Handle(new GroupCommand.Tick(), At(60));

        var turn = Assert.IsType<GroupEvent.TurnAccepted>(fired[0]).Turn;
        Assert.Equal((TurnKind.Clock, Turn.ClockRole, 60_000L, 2), (turn.Kind, turn.Role, turn.AtMs, turn.Seq));
        Assert.Equal("walked-out", Assert.IsType<GroupEvent.Ended>(fired[^1]).Outcome.Id);
        Assert.Empty(state.Handle(new GroupCommand.Tick(), At(120))); // over: time changes nothing
    }

    [Fact]
    public void Time_in_a_stage_counts_from_when_the_stage_was_entered()
    {
        var state = Running();
        state.Handle(new GroupCommand.InjectEvent("queue"), At(50)); // the crowd stage walks out after 30 s

        Assert.Empty(state.Handle(new GroupCommand.Tick(), At(70)));
        Assert.Equal("walked-out", Single<GroupEvent.Ended>(state.Handle(new GroupCommand.Tick(), At(80))).Outcome.Id);
    }

    [Fact]
    public void The_clock_starts_once_and_does_not_run_before_the_start_or_in_the_lobby()
    {
        var state = Lobby();
        Assert.Empty(state.Handle(new GroupCommand.Tick(), At(600)));

        var started = state.Handle(new GroupCommand.StartClock(), At(10));
        Assert.Empty(state.Handle(new GroupCommand.StartClock(), At(20)));
        Assert.Empty(state.Handle(new GroupCommand.Tick(), At(600))); // started but still in the lobby
        state.Handle(new GroupCommand.SetPhase(GroupPhase.Running), At(30));
        var say = Single<GroupEvent.TurnAccepted>(state.Handle(new GroupCommand.Say("customer", "Hello?"), At(40)));

        Assert.Equal(At(10), Single<GroupEvent.ClockStarted>(started).StartedUtc);
        Assert.Equal(At(10), state.StartedUtc);
        Assert.Equal(30_000, say.Turn.AtMs);
    }
}
