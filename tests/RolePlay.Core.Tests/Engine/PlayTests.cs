using RolePlay.Core.Engine;

namespace RolePlay.Core.Tests.Engine;

public class PlayTests
{
    private static Play NewPlay(int seed = 0) => new(Fixtures.Mini, Fixtures.MiniScorer, seed);

    [Fact]
    public void Play_starts_in_the_first_stage_with_the_starting_mood_and_the_opening_side()
    {
        var play = NewPlay();

        Assert.Equal("desk", play.Stage.Id);
        Assert.Equal(40, play.Mood);
        Assert.Equal(Side.Customer, play.Expecting);
        Assert.Equal(["customer"], play.RolesToMove());
    }

    [Fact]
    public void Whose_move_is_guidance_so_staff_may_open_a_stage_the_customer_is_expected_to_open()
    {
        var play = NewPlay();

        var turn = play.Say("clerk", "Hello, can I help?", 0);

        Assert.Equal(1, turn.Seq);
        Assert.Equal(Side.Customer, play.Expecting);
    }

    [Fact]
    public void A_refusal_carries_english_as_its_message_and_chinese_beside_it()
    {
        var play = NewPlay();
        play.Say("customer", "It leaks.", 0);
        play.Say("customer", "Again.", 10);
        play.Say("customer", "And again.", 20);

        var ex = Assert.Throws<PlayRuleException>(() => play.Say("customer", "Hello?", 30));

        Assert.Equal("The customer has said 3 lines in a row: let a member of staff answer first.", ex.Message);
        Assert.Equal(ex.Message, ex.Text.English);
        Assert.Equal("顾客已经连着说了 3 句，请先等员工回应。", ex.Text.Chinese);
        Assert.Equal(ex.Text.Chinese, ex.Text.In(chinese: true));
    }

    [Fact]
    public void A_refused_action_lists_the_available_ones_in_both_languages()
    {
        var play = NewPlay();
        play.Say("customer", "It leaks.", 0);

        var ex = Assert.Throws<PlayRuleException>(() => play.Act("clerk", "refund-twice", 10));

        Assert.Contains("available: ", ex.Text.English);
        Assert.Contains("可选的有：", ex.Text.Chinese);
        Assert.Contains("call-manager", ex.Text.Chinese);
    }

    [Fact]
    public void A_role_not_in_the_stage_cannot_speak()
    {
        var play = NewPlay();
        play.Say("customer", "My kettle leaks.", 0);

        var ex = Assert.Throws<PlayRuleException>(() => play.Say("manager", "Hello", 100));

        Assert.Contains("not in the scene", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_is_refused_and_changes_nothing(string text)
    {
        var play = NewPlay();

        Assert.Throws<PlayRuleException>(() => play.Say("customer", text, 0));

        Assert.Empty(play.Turns);
        Assert.Equal(Side.Customer, play.Expecting);
    }

    [Fact]
    public void Text_over_the_limit_is_refused()
    {
        var play = NewPlay();

        var ex = Assert.Throws<PlayRuleException>(() => play.Say("customer", new string('a', Play.MaxTextLength + 1), 0));

        Assert.Contains("2000", ex.Message);
    }

    [Fact]
    public void Unknown_action_names_the_available_ones()
    {
        var play = NewPlay();
        play.Say("customer", "It leaks.", 0);

        var ex = Assert.Throws<PlayRuleException>(() => play.Act("clerk", "refund-twice", 10));

        Assert.Contains("call-manager", ex.Message);
    }

    [Fact]
    public void Staff_turns_are_scored_and_move_the_mood()
    {
        var play = NewPlay();
        play.Say("customer", "It leaks.", 0);

        var turn = play.Say("clerk", "I'm sorry, that's not your fault.", 5_000);

        Assert.NotNull(turn.Score);
        Assert.Equal(1, turn.Score.VerdictOf("prompt-sincere"));
        Assert.Equal(1, turn.Score.VerdictOf("customer-first"));
        Assert.Equal(5_000, turn.LatencyMs);
        Assert.Equal(50, play.Mood);
    }

    [Fact]
    public void An_action_moves_the_scene_to_its_stage_and_hands_the_move_to_the_opening_side()
    {
        var play = NewPlay();
        play.Say("customer", "It leaks.", 0);

        var turn = play.Act("clerk", "call-manager", 1_000);

        Assert.Equal("office", play.Stage.Id);
        Assert.Equal("office", turn.StageAfter);
        Assert.Equal(["desk", "office"], play.StagePath);
        Assert.Equal(Side.Staff, play.Expecting);
        Assert.Equal(["manager", "clerk"], play.RolesToMove());
    }

    [Fact]
    public void Words_alone_reach_the_same_stage_as_the_action()
    {
        var play = NewPlay();
        play.Say("customer", "It leaks.", 0);

        play.Say("clerk", "Let me fetch my manager.", 1_000);

        Assert.Equal("office", play.Stage.Id);
    }

    [Fact]
    public void A_remedy_in_the_office_resolves_the_scene_and_further_turns_are_refused()
    {
        var play = NewPlay();
        play.Say("customer", "It leaks.", 0);
        play.Act("clerk", "call-manager", 1_000);

        play.Say("manager", "We will replace it with a new one.", 2_000);

        Assert.True(play.IsOver);
        Assert.Equal("resolved", play.Outcome!.Id);
        Assert.Contains("ended", Assert.Throws<PlayRuleException>(() => play.Say("customer", "Thanks", 3_000)).Message);
    }

    [Fact]
    public void Mood_falling_to_the_threshold_ends_in_a_failure()
    {
        var play = NewPlay();
        for (var i = 0; !play.IsOver && i < 10; i++)
        {
            play.Say("customer", "It leaks.", i * 2_000);
            play.Say("clerk", "You are lying, it's your fault.", (i * 2_000) + 1_000);
        }

        Assert.Equal("walked-out", play.Outcome!.Id);
        Assert.False(play.Outcome.Success);
    }

    [Fact]
    public void Unfinished_play_reports_the_unfinished_outcome_never_success()
    {
        var play = NewPlay();
        play.Say("customer", "It leaks.", 0);

        play.Finish();

        Assert.Equal("unresolved", play.Outcome!.Id);
        Assert.False(play.Outcome.Success);
    }

    [Fact]
    public void Timed_transition_fires_on_tick_and_is_logged()
    {
        var play = NewPlay();
        play.Say("customer", "It leaks.", 0);
        play.Act("clerk", "call-manager", 1_000);

        Assert.Null(play.Tick(500_000));
        var turn = play.Tick(601_000);

        Assert.NotNull(turn);
        Assert.Equal(TurnKind.Clock, turn.Kind);
        Assert.Equal("walked-out", play.Outcome!.Id);
    }

    [Fact]
    public void Injected_event_changes_mood_and_is_logged()
    {
        var play = NewPlay();

        var turn = play.Inject("queue", 100);

        Assert.Equal(TurnKind.Event, turn.Kind);
        Assert.Equal(35, play.Mood);
        Assert.Throws<PlayRuleException>(() => play.Inject("fire-alarm", 200));
    }

    [Fact]
    public void Bots_pick_lines_for_the_mood_band_and_take_scripted_actions()
    {
        var play = NewPlay(seed: 3);
        play.Say("customer", "It leaks.", 0);
        play.Say("clerk", "No way.", 1_000); // resolve violated: mood 40 → 30, the angry band

        var customerTurn = play.PlayBot("customer", 2_000);
        Assert.True(customerTurn.IsBot);
        Assert.Contains(customerTurn.Text, new[] { "This is the second kettle that leaks!", "I want this fixed now." });

        var clerkTurn = play.PlayBot("clerk", 3_000);
        Assert.Equal(TurnKind.Act, clerkTurn.Kind);
        Assert.Equal("office", play.Stage.Id);
    }

    [Fact]
    public void Same_seed_and_turns_give_the_same_play_and_replay_from_the_log_matches()
    {
        static Play Run(int seed)
        {
            var play = new Play(Fixtures.Mini, Fixtures.MiniScorer, seed);
            play.PlayBot("customer", 0);
            play.Say("clerk", "Sorry, thank you for telling us.", 4_000);
            play.PlayBot("customer", 8_000);
            play.PlayBot("clerk", 9_000);
            play.PlayBot("manager", 12_000);
            return play;
        }

        var first = Run(11);
        var second = Run(11);
        var replayed = Play.Replay(Fixtures.Mini, Fixtures.MiniScorer, 11, first.Turns.Select(TurnRecord.From));

        Assert.Equal(first.Turns, second.Turns, TurnComparer);
        Assert.Equal(first.Turns, replayed.Turns, TurnComparer);
        Assert.Equal(first.Outcome, replayed.Outcome);
        Assert.Equal(first.Mood, replayed.Mood);
    }

    private static readonly IEqualityComparer<Turn> TurnComparer = EqualityComparer<Turn>.Create(
        (a, b) => a!.Seq == b!.Seq && a.Text == b.Text && a.Role == b.Role && a.StageAfter == b.StageAfter && a.MoodAfter == b.MoodAfter
            && (a.Score?.Verdicts.Select(v => v.Verdict) ?? []).SequenceEqual(b.Score?.Verdicts.Select(v => v.Verdict) ?? []),
        t => t.Seq);
}
