using RolePlay.Client.Live;
using RolePlay.Client.Localization;
using RolePlay.Client.Student;
using RolePlay.Core.Localization;

namespace RolePlay.Client.Tests.Student;

public class PlayPageTests : StudentContext
{
    private static readonly Dictionary<string, int> ClerkVerdicts = new()
    {
        ["customer-first"] = -1, ["prompt-sincere"] = 1, ["off-scene"] = 0, ["affirm"] = 0, ["resolve"] = 0,
    };

    private IRenderedComponent<Play> Sit(string role, GroupSnapshot snapshot)
    {
        StoreSeat("tok-1");
        Seat(role, snapshot);
        var cut = Render<Play>();
        cut.WaitForAssertion(() => cut.Find(".seat-head"));
        return cut;
    }

    [Fact]
    public void Without_a_stored_seat_the_page_sends_the_student_to_join()
    {
        Render<Play>();

        Assert.EndsWith("/join", CurrentUri, StringComparison.Ordinal);
        Assert.Empty(Hub.Calls);
    }

    [Fact]
    public void A_briefing_or_private_note_from_a_shared_scenario_cannot_link_to_script()
    {
        var cut = Sit("clerk", Samples.Snapshot(briefing: new RoleBriefing(
            "clerk",
            "Read [the case file](javascript:alert(localStorage.getItem('token'))) and [the guide](https://example.com/guide).",
            "Also <javascript:alert(1)>, [this](&#106;avascript:alert(2)) and [that][r].\n\n[r]: JAVASCRIPT:alert(3)")));

        var links = cut.FindAll(".briefing a, .private-notes a, .markdown a").Select(a => a.GetAttribute("href") ?? string.Empty).ToList();
        Assert.Equal(["https://example.com/guide"], links);
        Assert.Contains("the case file", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", string.Concat(cut.FindAll("[href], [src]").Select(e => (e.GetAttribute("href") ?? string.Empty) + e.GetAttribute("src"))), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_stored_token_rejoins_the_seat_and_shows_the_scene()
    {
        var cut = Sit("clerk", Samples.Snapshot(briefing: new RoleBriefing("clerk", "你是**店员A**。", "店长说过:损坏的商品要顾客赔。")));

        Assert.Equal(["Rejoin tok-1"], Hub.Calls);
        Assert.Equal("蛋挞风波", cut.Find("h1").TextContent);
        Assert.Contains("You play 店员A", cut.Find(".who-am-i").TextContent, StringComparison.Ordinal);
        Assert.Contains("顾客用夹子夹碎了两只葡式蛋挞。", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("40", cut.Find("meter").GetAttribute("value"));
        Assert.Contains("upset", cut.Find(".mood").TextContent, StringComparison.Ordinal);
        Assert.Contains("店长说过", cut.Find(".private-notes").TextContent, StringComparison.Ordinal);
        Assert.Contains("Only you see these", cut.Find(".private-notes").TextContent, StringComparison.Ordinal);
        Assert.Equal("道歉", cut.Find(".actions button").TextContent);
    }

    [Fact]
    public void Your_move_shows_for_the_staff_when_the_staff_is_expected()
    {
        var cut = Sit("clerk", Samples.Snapshot(expecting: Side.Staff));

        Assert.Contains("Your move", cut.Find(".move").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_customer_waits_while_the_staff_is_expected_and_gets_the_move_when_a_turn_hands_it_over()
    {
        var cut = Sit("customer", Samples.Snapshot(expecting: Side.Staff));
        Assert.Contains("Waiting for the staff", cut.Find(".move").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Your move", cut.Markup, StringComparison.Ordinal);

        Hub.RaiseTurn(Samples.Turn(1, "clerk", "您好,有什么可以帮您?") with { Expecting = Side.Customer });

        cut.WaitForAssertion(() => Assert.Contains("Your move", cut.Find(".move").TextContent, StringComparison.Ordinal));
        Assert.Contains("您好,有什么可以帮您?", cut.Find(".turn .text").TextContent, StringComparison.Ordinal);
    }

    private static StageInfo WaitingStage(bool canStepIn) => new(
        "g1", "counter", "柜台", "顾客用夹子夹碎了两只葡式蛋挞。",
        new Dictionary<string, IReadOnlyList<ActionInfo>>(),
        ["customer", "clerk"],
        [new WaitingInfo("manager", "你在后面的办公室里。", ["同事开口请你过来，比如说“我去请店长过来”"], canStepIn)]);

    [Fact]
    public void A_role_not_in_the_scene_sees_why_it_waits_and_what_brings_it_in_instead_of_the_reply_box()
    {
        var cut = Sit("manager", Samples.Snapshot() with { Stage = WaitingStage(canStepIn: false) });

        Assert.Equal("You are not in the scene yet", cut.Find(".waiting-in h2").TextContent);
        Assert.Contains("你在后面的办公室里。", cut.Find(".waiting-in").TextContent, StringComparison.Ordinal);
        Assert.Contains("我去请店长过来", cut.Find(".ways-in li").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("textarea"));
        Assert.Empty(cut.FindAll("button.step-in"));
        Assert.DoesNotContain("Your move", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stepping_in_calls_step_in_and_a_stage_event_with_the_role_present_brings_the_reply_box()
    {
        var cut = Sit("manager", Samples.Snapshot() with { Stage = WaitingStage(canStepIn: true) });

        cut.Find("button.step-in").Click();
        cut.WaitForAssertion(() => Assert.Contains(nameof(IRolePlayHub.StepIn), Hub.Calls));
        await Hub.RaiseStage(WaitingStage(canStepIn: true) with { Present = ["customer", "clerk", "manager"], Waiting = [] });

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("textarea")));
        Assert.Empty(cut.FindAll(".waiting-in"));
    }

    [Fact]
    public void A_line_that_calls_a_colleague_in_says_so_in_the_transcript()
    {
        var call = Samples.Turn(1, "supervisor", "您稍等，我去请我们店长过来。") with { Joined = ["manager"] };

        var cut = Sit("clerk", Samples.Snapshot(turns: [call]));

        Assert.Contains("经理C comes into the scene.", cut.Find(".turn .joined").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Sending_a_line_calls_say_and_clears_the_box()
    {
        var cut = Sit("clerk", Samples.Snapshot());

        cut.Find("textarea").Input("对不起,让您受惊了。");
        cut.Find("form.reply").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Say 对不起,让您受惊了。", Hub.Calls));
        Assert.Equal(string.Empty, cut.Find("textarea").GetAttribute("value"));
        Assert.Empty(cut.FindAll(".reply [role=alert]"));
    }

    [Fact]
    public void A_refused_line_keeps_the_text_and_shows_the_servers_sentence()
    {
        var cut = Sit("clerk", Samples.Snapshot());
        Hub.FailWith = new(RefusalCode.PlayRule, "It is the customer's move: wait for the customer to reply.");

        cut.Find("textarea").Input("您要么买回去,要么赔偿。");
        cut.Find("form.reply").Submit();

        cut.WaitForAssertion(() => Assert.Equal(Hub.FailWith.Text, cut.Find(".reply [role=alert]").TextContent));
        Assert.Equal("您要么买回去,要么赔偿。", cut.Find("textarea").GetAttribute("value"));
    }

    [Fact]
    public void The_counter_shows_the_length_against_the_limit()
    {
        var cut = Sit("clerk", Samples.Snapshot());

        cut.Find("textarea").Input("您好🙂");

        // The browser's maxlength counts UTF-16 units (an emoji is two); the counter counts what a reader sees.
        Assert.Equal("4000", cut.Find("textarea").GetAttribute("maxlength"));
        Assert.Equal("3 / 2000 characters", cut.Find(".count").TextContent);
    }

    [Fact]
    public void An_action_button_calls_act()
    {
        var cut = Sit("clerk", Samples.Snapshot());

        cut.Find(".actions button").Click();

        Assert.Contains("Act apologise", Hub.Calls);
    }

    [Fact]
    public void Hostile_text_in_a_turn_is_shown_as_text()
    {
        var cut = Sit("clerk", Samples.Snapshot(turns: [Samples.Turn(1, "customer", "<script>alert(1)</script><b>hi</b>")]));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll(".turn b"));
        Assert.Equal("<script>alert(1)</script><b>hi</b>", cut.Find(".turn .text").TextContent);
    }

    [Fact]
    public void Verdict_chips_appear_only_on_turns_that_carry_verdicts()
    {
        var cut = Sit("clerk", Samples.Snapshot(turns:
        [
            Samples.Turn(1, "customer", "我的蛋挞!"),
            Samples.Turn(2, "clerk", "您要么买回去,要么赔偿。", verdicts: ClerkVerdicts),
        ]));

        var turns = cut.FindAll(".turn");
        Assert.Empty(turns[0].QuerySelectorAll(".chip"));
        var chips = turns[1].QuerySelectorAll("button.chip").Select(c => c.TextContent).ToList();
        Assert.Equal(5, chips.Count);
        Assert.StartsWith("− Customer first", chips[0], StringComparison.Ordinal);
        Assert.StartsWith("+ Timely & sincere", chips[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "− Guests first", "Guests are always right", "cross")]
    [InlineData(true, "− 客人优先", "客人永远是对的", "恼火")]
    public void Principle_and_mood_band_names_are_the_ones_the_snapshot_brings_in_the_ui_language(bool chinese, string chip, string name, string band)
    {
        StoreSeat("tok-1");
        Seat("clerk", Samples.Snapshot(
            turns: [Samples.Turn(1, "customer", "我的蛋挞!"), Samples.Turn(2, "clerk", "您要么买回去,要么赔偿。", verdicts: ClerkVerdicts)],
            principles: Samples.RenamedPrinciples,
            bands: [new MoodBandInfo("upset", new LocalizedText("cross", "恼火"))]));
        var cut = Render<Play>(p => p.AddCascadingValue(chinese ? UiText.Chinese : UiText.English));
        cut.WaitForAssertion(() => cut.Find(".seat-head"));

        cut.Find(".turn button.chip").Click();

        Assert.StartsWith(chip, cut.Find(".turn button.chip").TextContent, StringComparison.Ordinal);
        Assert.Equal(name, cut.Find(".verdict-head strong").TextContent);
        Assert.EndsWith("· " + band, cut.Find(".mood-value").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_band_the_scenario_does_not_name_shows_its_id()
    {
        var cut = Sit("clerk", Samples.Snapshot(bands: []));

        Assert.EndsWith("· upset", cut.Find(".mood-value").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_observer_rates_the_principles_under_the_names_the_snapshot_brings()
    {
        var cut = Sit("observer", Samples.Snapshot(
            turns: [Samples.Turn(1, "customer", "我的蛋挞!"), Samples.Turn(2, "clerk", "您要么买回去,要么赔偿。", verdicts: ClerkVerdicts)],
            principles: Samples.RenamedPrinciples));

        var legend = cut.Find(".turn[data-seq='2'] .rate legend");
        Assert.Equal("Guests first", legend.TextContent);
        Assert.Equal("Guests are always right", legend.GetAttribute("title"));
    }

    [Fact]
    public void Verdict_chips_stay_hidden_when_the_instructor_turns_live_feedback_off()
    {
        var cut = Sit("clerk", Samples.Snapshot(turns: [Samples.Turn(2, "clerk", "您要么买回去,要么赔偿。", verdicts: ClerkVerdicts)]));
        Assert.NotEmpty(cut.FindAll("button.chip"));

        Hub.RaiseSessionState(new SessionStateMessage("s1", SessionState.Running, false));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("button.chip")));
    }

    [Fact]
    public void Losing_the_connection_shows_a_banner_and_coming_back_rejoins_with_the_stored_token()
    {
        var cut = Sit("clerk", Samples.Snapshot());

        Hub.RaiseLink(LinkState.Reconnecting);
        cut.WaitForAssertion(() => Assert.Contains("reconnecting", cut.Find(".link-banner").TextContent, StringComparison.OrdinalIgnoreCase));

        Hub.JoinResult = Hub.JoinResult! with { Snapshot = Samples.Snapshot(turns: [Samples.Turn(1, "customer", "人呢?")]) };
        Hub.RaiseLink(LinkState.Reconnected);

        cut.WaitForAssertion(() => Assert.Contains("back in your seat", cut.Find("[role=status].alert").TextContent, StringComparison.Ordinal));
        Assert.Equal(["Rejoin tok-1", "Rejoin tok-1"], Hub.Calls);
        Assert.Empty(cut.FindAll(".link-banner"));
        Assert.Equal("人呢?", cut.Find(".turn .text").TextContent);
    }

    [Fact]
    public void Being_moved_rejoins_and_says_where()
    {
        var cut = Sit("clerk", Samples.Snapshot());
        Hub.JoinResult = new JoinResult("tok-1", "g2", "manager", Samples.Snapshot() with { GroupId = "g2", GroupName = "第2组" });

        Hub.RaiseMoved(new MovedMessage("g2", "manager"));

        cut.WaitForAssertion(() => Assert.Contains("moved you to 第2组, as 经理C", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(["Rejoin tok-1", "Rejoin tok-1"], Hub.Calls);
        Assert.Contains("You play 经理C", cut.Find(".who-am-i").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_token_is_forgotten_and_the_student_is_offered_the_join_page()
    {
        StoreSeat("old-token");
        JSInterop.SetupVoid("roleplay.remove", "roleplay.seat").SetVoidResult();
        Hub.FailWith = new(RefusalCode.SeatUnknown, "这个座位已失效，请用投影上的加入码重新加入。");

        var cut = Render<Play>();

        cut.WaitForAssertion(() => Assert.Equal(Hub.FailWith.Text, cut.Find("[role=alert]").TextContent));
        JSInterop.VerifyInvoke("roleplay.remove");
        Assert.Equal("join", cut.Find("a.button").GetAttribute("href"));
    }

    [Fact]
    public void A_refused_rejoin_for_another_reason_keeps_the_token_whatever_words_the_refusal_uses()
    {
        StoreSeat("kept-token");
        Hub.FailWith = new(RefusalCode.RoleUnknown, "There is no role 'ceo' here: it is unknown.");

        var cut = Render<Play>();

        cut.WaitForAssertion(() => Assert.Equal(Hub.FailWith.Text, cut.Find("[role=alert]").TextContent));
        JSInterop.VerifyNotInvoke("roleplay.remove");
    }

    [Fact]
    public void A_paused_scene_says_so_and_disables_the_reply_box_and_actions()
    {
        var cut = Sit("clerk", Samples.Snapshot(state: SessionState.Paused));

        Assert.Contains("paused", cut.Find(".move").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("textarea").HasAttribute("disabled"));
        Assert.True(cut.Find(".actions button").HasAttribute("disabled"));

        Hub.RaiseSessionState(new SessionStateMessage("s1", SessionState.Running, true));

        cut.WaitForAssertion(() => Assert.False(cut.Find("textarea").HasAttribute("disabled")));
    }

    [Fact]
    public void The_lobby_says_the_scene_has_not_started()
    {
        var cut = Sit("clerk", Samples.Snapshot(state: SessionState.Lobby));

        Assert.Contains("has not started", cut.Find(".move").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("textarea").HasAttribute("disabled"));
    }

    [Fact]
    public void An_observer_has_no_reply_box_and_rates_staff_turns_with_the_chosen_verdicts()
    {
        var cut = Sit("observer", Samples.Snapshot(turns:
        [
            Samples.Turn(1, "customer", "我的蛋挞!"),
            Samples.Turn(2, "clerk", "您要么买回去,要么赔偿。", verdicts: ClerkVerdicts),
        ]));

        Assert.Empty(cut.FindAll("textarea"));
        Assert.Empty(cut.FindAll("button.chip"));
        var turns = cut.FindAll(".turn");
        Assert.Empty(turns[0].QuerySelectorAll(".rate"));
        Assert.Single(turns[1].QuerySelectorAll(".rate"));

        cut.Find(".turn[data-seq='2'] input[id$='-customer-first--1']").Change(true);
        cut.Find(".turn[data-seq='2'] input[id$='-resolve-1']").Change(true);
        cut.Find(".turn[data-seq='2'] .rate form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("RateTurn 2 affirm=0,customer-first=-1,off-scene=0,prompt-sincere=0,resolve=1", Hub.Calls));
        Assert.Contains("Saved", cut.Find(".turn[data-seq='2'] .rate [role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_end_screen_shows_the_outcome_and_saves_reflections_and_the_customer_rates_satisfaction()
    {
        var ended = new EndedMessage("g1", "complaint-escalated", false, "投诉到总部", "**关键**在于先道歉。", ["你哪句话让顾客更生气?", "换作你会怎么说?"]);
        var cut = Sit("customer", Samples.Snapshot(ended: ended));

        Assert.Contains("投诉到总部", cut.Find(".outcome").TextContent, StringComparison.Ordinal);
        Assert.Contains("Not resolved", cut.Find(".outcome").TextContent, StringComparison.Ordinal);
        Assert.Equal("关键", cut.Find(".end strong:not(.outcome strong)").TextContent);
        Assert.Empty(cut.FindAll("form.reply"));

        var answers = cut.FindAll(".reflection textarea");
        answers[0].Input("那句“要么赔”");
        cut.FindAll(".reflection textarea")[1].Input("先道歉");
        cut.Find("form.reflection").Submit();
        cut.WaitForAssertion(() => Assert.Contains("SubmitReflection 那句“要么赔”|先道歉", Hub.Calls));
        Assert.Contains("saved", cut.Find(".reflection [role=status]").TextContent, StringComparison.Ordinal);

        foreach (var (item, score) in new[] { ("friendly", 2), ("timely", 1), ("human-touch", 3), ("resolved", 1), ("return", 2) })
        {
            cut.Find($"form.satisfaction input[id$='-{item}-{score}']").Change(true);
        }

        cut.Find("form.satisfaction textarea").Input("太凶了");
        cut.Find("form.satisfaction").Submit();
        cut.WaitForAssertion(() => Assert.Contains("RateSatisfaction friendly=2,human-touch=3,resolved=1,return=2,timely=1 太凶了", Hub.Calls));
    }

    [Fact]
    public void Satisfaction_needs_every_item_before_it_is_sent()
    {
        var ended = new EndedMessage("g1", "resolved", true, "圆满解决", "好。", []);
        var cut = Sit("customer", Samples.Snapshot(ended: ended));

        cut.Find("form.satisfaction input[id$='-friendly-5']").Change(true);
        cut.Find("form.satisfaction").Submit();

        Assert.Contains("Rate every item", cut.Find("form.satisfaction [role=alert]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Hub.Calls, c => c.StartsWith(nameof(IRolePlayHub.RateSatisfaction), StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_customers_player_gets_the_satisfaction_form()
    {
        var ended = new EndedMessage("g1", "resolved", true, "圆满解决", "好。", ["收获?"]);
        var cut = Sit("clerk", Samples.Snapshot(ended: ended));

        Assert.Contains("Resolved", cut.Find(".outcome").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll(".reflection textarea"));
        Assert.Empty(cut.FindAll("form.satisfaction"));
    }

    [Fact]
    public void The_ended_event_brings_the_end_screen()
    {
        var cut = Sit("clerk", Samples.Snapshot());

        Hub.RaiseEnded(new EndedMessage("g1", "resolved", true, "圆满解决", "好。", []));

        cut.WaitForAssertion(() => Assert.Contains("圆满解决", cut.Find(".outcome").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("form.reply"));
    }
}
