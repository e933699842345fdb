using RolePlay.Core.Groups;
using static RolePlay.Core.Tests.Groups.GroupFixture;

namespace RolePlay.Core.Tests.Groups;

/// <summary>The state says when a bot should move and what it says; the runner only decides when to ask.</summary>
public class GroupStateBotTests
{
    [Fact]
    public void A_bot_is_due_when_every_role_whose_move_it_is_is_an_empty_seat_and_bots_are_on()
    {
        var state = Running(bots: true);
        state.Handle(new GroupCommand.TakeSeat(Seat("t-clerk", "clerk")), T0);

        Assert.Equal("customer", state.BotToMove); // the scene opens with the customer, whose seat is empty
        var turn = Single<GroupEvent.TurnAccepted>(state.Handle(new GroupCommand.BotMove(), At(1))).Turn;

        Assert.True(turn.IsBot);
        Assert.Equal("customer", turn.Role);
        Assert.Contains(turn.Text, Scenario.Bots.For("customer", "calm").Select(l => l.Text));
        Assert.Null(state.BotToMove); // the clerk's move, and a person sits there
        Assert.Empty(state.Handle(new GroupCommand.BotMove(), At(2))); // asking anyway does nothing
    }

    [Fact]
    public void No_bot_is_due_with_bots_off_in_the_lobby_while_paused_once_over_or_when_a_person_may_move()
    {
        Assert.Null(Running(bots: false).BotToMove);
        Assert.Null(Lobby(bots: true).BotToMove);

        var paused = Running(bots: true);
        paused.Handle(new GroupCommand.SetPhase(GroupPhase.Paused), At(1));
        Assert.Null(paused.BotToMove);

        var seated = Running(bots: true);
        seated.Handle(new GroupCommand.TakeSeat(Seat("t-customer", "customer")), T0);
        Assert.Null(seated.BotToMove);

        var over = Running(bots: true);
        over.Handle(new GroupCommand.SetPhase(GroupPhase.Ended), At(1));
        Assert.Null(over.BotToMove);
    }

    [Fact]
    public void Switching_bots_on_tells_the_roster_which_roles_bots_play_and_makes_a_waiting_bot_due()
    {
        var state = Running(bots: false);
        state.Handle(new GroupCommand.TakeSeat(Seat("t-customer", "customer")), T0);
        state.Handle(new GroupCommand.Say("customer", "My order is wrong."), At(1));
        Assert.Null(state.BotToMove);

        var roster = Single<GroupEvent.RosterChanged>(state.Handle(new GroupCommand.SetBots(true), At(2)));

        Assert.Equal(["clerk", "supervisor", "manager"], roster.BotRoles);
        Assert.False(roster.ObserversOnly);
        Assert.Equal("clerk", state.BotToMove);
    }

    [Fact]
    public void What_a_bot_says_follows_from_the_seed_so_the_same_seed_plays_the_same_scene()
    {
        static IReadOnlyList<string?> BotScene(int seed)
        {
            var state = Running(bots: true, seed: seed);
            for (var i = 1; i <= 8 && state.BotToMove is not null; i++)
            {
                state.Handle(new GroupCommand.BotMove(), At(i));
            }

            return [.. state.Turns.Select(t => t.Text)];
        }

        Assert.Equal(BotScene(3), BotScene(3));
        Assert.True(BotScene(3).Count > 1);
        var openings = Enumerable.Range(0, 12).Select(seed => BotScene(seed)[0]).Distinct().ToList();
        Assert.True(openings.Count > 1, "every seed opened with the same line");
    }
}
