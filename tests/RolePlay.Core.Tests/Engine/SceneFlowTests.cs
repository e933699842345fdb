using RolePlay.Core.Engine;
using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Tests.Engine;

/// <summary>Turns follow the conversation, and staff roles come in when the scene calls them.</summary>
public class SceneFlowTests
{
    private const string Yaml = """
        id: flow-test
        title: Flow
        locale: en
        summary: A scene for the turn rules.
        roles:
          - id: customer
            name: Customer
            customer: true
            briefing: You are upset.
          - id: clerk
            name: Clerk
            briefing: You serve.
          - id: supervisor
            name: Supervisor
            briefing: You supervise.
            calledBy: [call-supervisor]
            stepIn: true
          - id: manager
            name: Manager
            briefing: You manage.
            calledBy: [call-manager, boss-please]
            waiting: You are in the back office until someone fetches you.
        mood:
          start: 40
          upheld: 5
          violated: -10
          bands:
            - { id: angry, max: 30 }
            - { id: calm, max: 100 }
        stages:
          - id: counter
            title: At the counter
            narration: A customer waits.
            present: [customer, clerk]
            opens: staff
            actions:
              - id: fetch-manager
                role: clerk
                label: Fetch the manager
                calls: manager
            transitions:
              - to: row
                when: { role: customer, turnsInStage: 2 }
          - id: row
            title: A row
            narration: Voices rise.
            present: [customer, clerk]
            opens: customer
            transitions:
              - to: resolved
                when: { cue: sorted }
        outcomes:
          - id: resolved
            title: Sorted
            success: true
            debrief: Done.
          - id: unresolved
            title: Not finished
            debrief: Not done.
        unfinished: unresolved
        cues:
          - id: sorted
            patterns: ['\bsorted\b']
          - id: boss-please
            patterns: ['\bthe big boss\b']
        bots:
          customer:
            angry: ["Well?"]
            calm: ["Fine."]
          clerk:
            angry: ["Sorry."]
            calm: ["Sorry."]
          supervisor:
            angry: ["Sorry."]
            calm: ["Sorry."]
          manager:
            angry: ["Sorry."]
            calm: ["Sorry."]
        """;

    private static readonly Lazy<Scenario> Flow = new(() =>
    {
        var result = ScenarioLoader.Load(Yaml, "flow.yaml");
        return result.Scenario ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    });

    private static Play NewPlay() => new(Flow.Value, Fixtures.MiniScorer);

    [Fact]
    public void Staff_may_answer_the_customer_line_that_moved_the_scene_to_a_stage_the_customer_opens()
    {
        var play = NewPlay();
        play.Say("clerk", "Hello.", 0);
        play.Say("customer", "This is broken.", 1_000);

        Assert.Equal("row", play.Stage.Id);
        Assert.Equal(Side.Staff, play.Expecting);
        Assert.Null(play.WhyRoleCannotMove("clerk"));
        var answer = play.Say("clerk", "I'm sorry about that.", 4_000);
        Assert.Equal("row", answer.Stage);
        Assert.Equal(3_000, answer.LatencyMs);
    }

    [Fact]
    public void The_customer_may_add_up_to_three_lines_before_staff_answer_and_the_reply_is_timed_from_the_first()
    {
        var play = NewPlay();
        play.Say("clerk", "Hello.", 0);
        play.Say("customer", "This is broken.", 1_000);
        play.Say("customer", "And it was dear.", 2_000);
        play.Say("customer", "Are you listening?", 3_000);

        var ex = Assert.Throws<PlayRuleException>(() => play.Say("customer", "Hello?", 4_000));
        Assert.Contains("3 lines in a row", ex.Message);

        var answer = play.Say("clerk", "Yes, I'm sorry.", 6_000);
        Assert.Equal(5_000, answer.LatencyMs);
        Assert.Null(play.WhyRoleCannotMove("customer"));
    }

    [Fact]
    public void A_present_colleague_may_add_to_a_reply_untimed_and_a_fourth_staff_line_in_a_row_is_refused()
    {
        var play = NewPlay();
        play.Say("customer", "This is broken.", 0);
        play.Say("clerk", "I'm sorry.", 1_000);
        play.Say("clerk", "Let me get my supervisor.", 2_000);

        var added = play.Say("supervisor", "I'm here, what happened?", 3_000);
        Assert.Null(added.LatencyMs);
        var ex = Assert.Throws<PlayRuleException>(() => play.Say("clerk", "One more thing.", 4_000));
        Assert.Contains("Staff have said 3 lines in a row", ex.Message);
        Assert.Equal(["customer"], play.RolesToMove());
    }

    [Fact]
    public void Calling_a_supervisor_in_words_brings_them_into_the_current_stage()
    {
        var play = NewPlay();
        Assert.Contains("not in the scene", play.WhyRoleCannotMove("supervisor")!.English);

        var call = play.Say("clerk", "Let me get my supervisor for you.", 0);

        Assert.Equal(["supervisor"], call.Joined);
        Assert.Equal("counter", play.Stage.Id);
        Assert.Equal(["customer", "clerk", "supervisor"], play.Present);
        Assert.Null(play.WaitingOf("supervisor"));
    }

    [Theory]
    [InlineData("我去请领班过来帮您看看。", "supervisor")]
    [InlineData("我去請領班過來幫您看看。", "supervisor")]
    [InlineData("您稍等，我这就去请我们店长过来。", "manager")]
    [InlineData("Let me call the manager over.", "manager")]
    [InlineData("I'll ask the big boss.", "manager")]
    public void Shared_and_scenario_call_cues_in_either_script_bring_the_role_in(string line, string role)
    {
        var play = NewPlay();

        var call = play.Say("clerk", line, 0);

        Assert.Equal([role], call.Joined);
        Assert.True(play.IsPresent(role));
    }

    [Theory]
    [InlineData("No need to get the manager, I can sort it.")]
    [InlineData("不用叫店长，我来处理。")]
    [InlineData("The manager is away today.")]
    public void Words_that_do_not_call_a_role_leave_it_waiting(string line)
    {
        var play = NewPlay();

        var turn = play.Say("clerk", line, 0);

        Assert.Null(turn.Joined);
        Assert.False(play.IsPresent("manager"));
    }

    [Fact]
    public void An_action_that_calls_a_role_brings_it_in_and_it_stays_when_the_stage_changes()
    {
        var play = NewPlay();

        var act = play.Act("clerk", "fetch-manager", 0);
        play.Say("customer", "Finally.", 1_000);
        play.Say("customer", "Well?", 2_000);

        Assert.Equal(["manager"], act.Joined);
        Assert.Equal("row", play.Stage.Id);
        Assert.Equal(["customer", "clerk", "manager"], play.Present);
        Assert.Null(play.WhyRoleCannotMove("manager"));
    }

    [Fact]
    public void A_waiting_role_is_told_why_and_what_brings_it_in()
    {
        var play = NewPlay();

        var manager = play.WaitingOf("manager")!;
        var supervisor = play.WaitingOf("supervisor")!;

        Assert.Equal("You are in the back office until someone fetches you.", manager.Why);
        Assert.Contains(manager.WaysIn, w => w.Contains("Let me get my manager.", StringComparison.Ordinal));
        Assert.Contains(manager.WaysIn, w => w.Contains("Fetch the manager", StringComparison.Ordinal));
        Assert.False(manager.CanStepIn);
        Assert.True(supervisor.CanStepIn);
        Assert.Contains("At the counter", supervisor.Why);
        Assert.Null(play.WaitingOf("clerk"));
    }

    [Fact]
    public void A_player_may_step_in_only_where_the_scenario_allows_it()
    {
        var play = NewPlay();

        var ex = Assert.Throws<PlayRuleException>(() => play.BringIn("manager", JoinReasons.StepIn, 0));
        Assert.Contains("cannot step in", ex.Message);
        var join = play.BringIn("supervisor", JoinReasons.StepIn, 0);

        Assert.Equal(TurnKind.Join, join.Kind);
        Assert.Equal("Supervisor steps in.", join.Text);
        Assert.True(play.IsPresent("supervisor"));
        Assert.Equal(Side.Staff, play.Expecting);
        Assert.Throws<PlayRuleException>(() => play.BringIn("supervisor", JoinReasons.Instructor, 10));
    }

    [Fact]
    public void The_instructor_may_bring_in_any_role_and_a_replayed_log_brings_it_in_again()
    {
        var play = NewPlay();
        play.Say("customer", "Hello?", 0);
        play.BringIn("manager", JoinReasons.Instructor, 500);
        play.Say("manager", "Good morning, how can I help?", 1_000);

        var replayed = Play.Replay(Flow.Value, Fixtures.MiniScorer, 0, play.Turns.Select(TurnRecord.From));

        Assert.Equal(play.Turns.Select(t => (t.Kind, t.Role, t.Text)), replayed.Turns.Select(t => (t.Kind, t.Role, t.Text)));
        Assert.True(replayed.IsPresent("manager"));
        Assert.Equal(1_000, replayed.Turns[^1].LatencyMs);
    }
}
