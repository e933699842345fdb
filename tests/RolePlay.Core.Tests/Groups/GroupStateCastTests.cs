using RolePlay.Core.Engine;
using RolePlay.Core.Groups;
using static RolePlay.Core.Tests.Groups.GroupFixture;

namespace RolePlay.Core.Tests.Groups;

/// <summary>Who is in the scene (step in, bring in) and who sits where (seats, connections, moves).</summary>
public class GroupStateCastTests
{
    [Fact]
    public void A_role_that_may_step_in_comes_in_with_a_join_turn_and_the_scene_changes()
    {
        var state = Running();
        state.Handle(new GroupCommand.Say("customer", "My order is wrong."), At(1));

        var events = state.Handle(new GroupCommand.StepIn("supervisor"), At(2));

        var turn = Assert.IsType<GroupEvent.TurnAccepted>(events[0]).Turn;
        Assert.Equal((TurnKind.Join, "supervisor", JoinReasons.StepIn, 2), (turn.Kind, turn.Role, turn.EventId, turn.Seq));
        Assert.Equal(["supervisor"], turn.Joined);
        var scene = Single<GroupEvent.SceneChanged>(events).Scene;
        Assert.Equal("counter", scene.Stage.Id);
        Assert.Equal(["customer", "clerk", "supervisor"], scene.Present);
        Assert.DoesNotContain(scene.Waiting, w => w.Role == "supervisor");
        Assert.Contains(scene.Waiting, w => w.Role == "manager");
        Assert.Equal(Side.Staff, state.Expecting); // stepping in takes nobody's move
    }

    [Fact]
    public void A_role_that_may_not_step_in_is_refused_but_the_instructor_can_bring_it_in_once()
    {
        var state = Running();

        var refused = Assert.IsType<GroupEvent.Refused>(Assert.Single(state.Handle(new GroupCommand.StepIn("manager"), At(1))));
        var brought = state.Handle(new GroupCommand.BringIn("manager"), At(2));
        var again = Assert.IsType<GroupEvent.Refused>(Assert.Single(state.Handle(new GroupCommand.BringIn("manager"), At(3))));

        Assert.Equal(RefusalReason.PlayRule, refused.Reason);
        Assert.Equal(JoinReasons.Instructor, Single<GroupEvent.TurnAccepted>(brought).Turn.EventId);
        Assert.Contains("manager", Single<GroupEvent.SceneChanged>(brought).Scene.Present);
        Assert.Equal(RefusalReason.PlayRule, again.Reason);
        Assert.Equal(1, state.LastSeq);
    }

    [Fact]
    public void Seats_are_announced_to_everyone_and_observers_only_to_the_instructor()
    {
        var state = Lobby(bots: true);

        var clerk = Single<GroupEvent.RosterChanged>(state.Handle(new GroupCommand.TakeSeat(Seat("c", "clerk", 1)), At(1)));
        var observer = Single<GroupEvent.RosterChanged>(state.Handle(new GroupCommand.TakeSeat(Seat("o", Core.Groups.Seat.ObserverRole, 2)), At(2)));

        Assert.False(clerk.ObserversOnly);
        Assert.Equal(["customer", "supervisor", "manager"], clerk.BotRoles);
        Assert.True(observer.ObserversOnly);
        Assert.Equal(["c", "o"], state.Roster.Select(s => s.Token));
    }

    [Fact]
    public void Connections_are_counted_per_seat_and_a_rejoining_connection_is_not_counted_twice()
    {
        var state = Lobby();
        state.Handle(new GroupCommand.TakeSeat(Seat("c", "clerk")), T0);

        state.Handle(new GroupCommand.Attach("c", NewConnection: true), At(1));
        state.Handle(new GroupCommand.Attach("c", NewConnection: true), At(2)); // a second phone
        var rejoined = Single<GroupEvent.RosterChanged>(state.Handle(new GroupCommand.Attach("c", NewConnection: false), At(3)));
        state.Handle(new GroupCommand.Detach("c"), At(4));

        Assert.Equal(2, rejoined.Changed.Single().Connections);
        Assert.True(state.Seats["c"].Connected);
        Assert.Empty(state.Handle(new GroupCommand.Attach("gone", NewConnection: true), At(5))); // not seated here
        state.Handle(new GroupCommand.Detach("c"), At(6));
        state.Handle(new GroupCommand.Detach("c"), At(7));
        Assert.Equal(0, state.Seats["c"].Connections);
    }

    [Fact]
    public void A_seat_that_leaves_takes_its_connections_and_a_role_change_in_place_keeps_them()
    {
        var state = Lobby(bots: true);
        state.Handle(new GroupCommand.TakeSeat(Seat("c", "clerk")), T0);
        state.Handle(new GroupCommand.Attach("c", NewConnection: true), At(1));

        var changed = Single<GroupEvent.RosterChanged>(state.Handle(new GroupCommand.TakeSeat(Seat("c", Core.Groups.Seat.ObserverRole)), At(2)));
        var left = Single<GroupEvent.RosterChanged>(state.Handle(new GroupCommand.LeaveSeat("c"), At(3)));

        Assert.Equal(1, changed.Changed.Single().Connections);
        Assert.False(changed.ObserversOnly); // the clerk's seat emptied: the students see it go
        Assert.Contains("clerk", changed.BotRoles);
        Assert.Equal(1, left.Removed.Single().Connections);
        Assert.True(left.ObserversOnly);
        Assert.Empty(state.Seats);
        Assert.Empty(state.Handle(new GroupCommand.LeaveSeat("c"), At(4)));
    }
}
