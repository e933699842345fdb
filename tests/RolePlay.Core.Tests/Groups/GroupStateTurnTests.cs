using RolePlay.Core.Engine;
using RolePlay.Core.Groups;
using static RolePlay.Core.Tests.Groups.GroupFixture;

namespace RolePlay.Core.Tests.Groups;

/// <summary>Turns are numbered in the order they are accepted, and each says what it changed; refusals change nothing.</summary>
public class GroupStateTurnTests
{
    [Fact]
    public void Accepted_turns_get_consecutive_seqs_and_times_from_the_start_and_events_come_in_the_order_they_happened()
    {
        var state = Running();

        var first = state.Handle(new GroupCommand.Say("customer", "My order is wrong."), At(1));
        var second = state.Handle(new GroupCommand.InjectEvent("queue"), At(5));
        var third = state.Handle(new GroupCommand.Say("clerk", "I'm sorry, that's sorted now."), At(8));

        var one = Assert.IsType<GroupEvent.TurnAccepted>(Assert.Single(first));
        Assert.Equal((1, 1_000L, Side.Staff), (one.Turn.Seq, one.Turn.AtMs, one.Expecting));
        Assert.Collection(
            second,
            e => Assert.Equal(2, Assert.IsType<GroupEvent.TurnAccepted>(e).Turn.Seq),
            e => Assert.Equal("crowd", Assert.IsType<GroupEvent.SceneChanged>(e).Scene.Stage.Id),
            e => Assert.Equal(35, Assert.IsType<GroupEvent.MoodChanged>(e).Mood));
        var last = Assert.IsType<GroupEvent.TurnAccepted>(third[0]);
        Assert.Equal((3, 8_000L, 7_000L), (last.Turn.Seq, last.Turn.AtMs, last.Turn.LatencyMs)); // answers the line at 1 s
        Assert.Null(last.Expecting); // the scene is over: nobody's move
        Assert.Equal("resolved", Assert.IsType<GroupEvent.Ended>(third[^1]).Outcome.Id);
        Assert.Equal([1, 2, 3], state.Turns.Select(t => t.Seq));
        Assert.Equal(3, state.LastSeq);
    }

    [Fact]
    public void Turns_are_refused_until_the_session_runs_while_it_is_paused_and_once_it_ended_and_the_scene_is_unchanged()
    {
        var state = Lobby();
        Assert.Equal(RefusalReason.NotStarted, Refusal(state.Handle(new GroupCommand.Say("customer", "Hello?"), At(1))).Reason);

        state.Handle(new GroupCommand.StartClock(), T0);
        state.Handle(new GroupCommand.SetPhase(GroupPhase.Running), T0);
        state.Handle(new GroupCommand.Say("customer", "Hello?"), At(1));
        state.Handle(new GroupCommand.SetPhase(GroupPhase.Paused), At(2));
        Assert.Equal(RefusalReason.Paused, Refusal(state.Handle(new GroupCommand.Say("clerk", "Hi."), At(3))).Reason);
        Assert.Equal(RefusalReason.Paused, Refusal(state.Handle(new GroupCommand.InjectEvent("queue"), At(3))).Reason);
        Assert.Empty(state.Handle(new GroupCommand.Tick(), At(600))); // time does not run out while paused

        var ended = state.Handle(new GroupCommand.SetPhase(GroupPhase.Ended), At(4));
        Assert.Equal("unresolved", Single<GroupEvent.Ended>(ended).Outcome.Id);
        Assert.Equal(RefusalReason.SessionEnded, Refusal(state.Handle(new GroupCommand.Say("clerk", "Hi."), At(5))).Reason);
        Assert.Equal(RefusalReason.SessionEnded, Refusal(state.Handle(new GroupCommand.SetPhase(GroupPhase.Running), At(5))).Reason);
        Assert.Empty(state.Handle(new GroupCommand.SetPhase(GroupPhase.Ended), At(6))); // ended once
        Assert.Equal(1, state.LastSeq);
    }

    [Theory]
    [InlineData("manager", "Hello.")] // not in the scene
    [InlineData("nobody", "Hello.")] // no such role
    [InlineData("customer", "   ")] // nothing said
    public void A_line_the_play_refuses_is_one_refusal_with_the_rule_in_both_languages_and_changes_nothing(string role, string text)
    {
        var state = Running();
        state.Handle(new GroupCommand.Say("customer", "My order is wrong."), At(1));
        var before = (state.LastSeq, state.Stage.Id, state.Mood, state.Expecting, state.Log.Turns.Count);

        var refused = Refusal(state.Handle(new GroupCommand.Say(role, text), At(2)));

        Assert.Equal(RefusalReason.PlayRule, refused.Reason);
        Assert.False(string.IsNullOrEmpty(refused.Rule!.English));
        Assert.False(string.IsNullOrEmpty(refused.Rule.Chinese));
        Assert.Equal(before, (state.LastSeq, state.Stage.Id, state.Mood, state.Expecting, state.Log.Turns.Count));
        Assert.Equal(2, state.Handle(new GroupCommand.Say("clerk", "I'm sorry."), At(3)).OfType<GroupEvent.TurnAccepted>().Single().Turn.Seq);
    }

    [Fact]
    public void A_fourth_line_in_a_row_and_an_unknown_action_or_event_are_refused()
    {
        var state = Running();
        state.Handle(new GroupCommand.Say("customer", "One."), At(1));
        state.Handle(new GroupCommand.Say("customer", "Two."), At(2));
        state.Handle(new GroupCommand.Say("customer", "Three."), At(3));

        Assert.Contains("3 lines in a row", Refusal(state.Handle(new GroupCommand.Say("customer", "Four."), At(4))).Rule!.English);
        Assert.Equal(RefusalReason.PlayRule, Refusal(state.Handle(new GroupCommand.Act("clerk", "refund-twice"), At(4))).Reason);
        Assert.Equal(RefusalReason.PlayRule, Refusal(state.Handle(new GroupCommand.InjectEvent("fire-alarm"), At(4))).Reason);
        Assert.Equal(3, state.LastSeq);
    }

    [Fact]
    public void Students_see_verdicts_of_the_turns_accepted_while_live_feedback_is_on()
    {
        var state = Running(liveFeedback: false);
        var hidden = Single<GroupEvent.TurnAccepted>(state.Handle(new GroupCommand.Say("clerk", "Good morning, I'm sorry for the wait."), At(1)));

        Assert.Empty(state.Handle(new GroupCommand.SetLiveFeedback(true), At(2)));
        var shown = Single<GroupEvent.TurnAccepted>(state.Handle(new GroupCommand.Say("customer", "Hm."), At(3)));

        Assert.False(hidden.VerdictsForStudents);
        Assert.True(shown.VerdictsForStudents);
        Assert.True(state.Settings.LiveFeedback);
    }

    [Fact]
    public void Rolling_back_to_a_checkpoint_forgets_the_turns_and_the_start_the_log_could_not_store()
    {
        var state = Lobby();
        var beforeStart = state.Checkpoint();
        state.Handle(new GroupCommand.StartClock(), T0);
        state.Handle(new GroupCommand.SetPhase(GroupPhase.Running), T0);
        state.Handle(new GroupCommand.Say("customer", "My order is wrong."), At(1));
        var checkpoint = state.Checkpoint();

        state.Handle(new GroupCommand.InjectEvent("queue"), At(2));
        state.RollBack(checkpoint);

        Assert.Equal((1, "counter", 40), (state.LastSeq, state.Stage.Id, state.Mood));
        Assert.Equal(2, Single<GroupEvent.TurnAccepted>(state.Handle(new GroupCommand.InjectEvent("queue"), At(3))).Turn.Seq);

        state.RollBack(beforeStart);
        Assert.Null(state.StartedUtc);
        Assert.Equal(0, state.LastSeq);
        Assert.Equal(GroupPhase.Running, state.Settings.Phase); // settings are not log-backed
    }

    private static GroupEvent.Refused Refusal(IReadOnlyList<GroupEvent> events) =>
        Assert.IsType<GroupEvent.Refused>(Assert.Single(events));
}
