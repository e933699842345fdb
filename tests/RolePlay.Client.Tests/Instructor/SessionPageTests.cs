using RolePlay.Client.Instructor;
using RolePlay.Client.Live;
using RolePlay.Client.Localization;
using RolePlay.Core.Localization;

namespace RolePlay.Client.Tests.Instructor;

public class SessionPageTests : InstructorTestContext
{
    private static readonly GroupSnapshot Group1 = Samples.Snapshot(state: SessionState.Lobby);

    private static readonly GroupSnapshot Group2 = Samples.Snapshot(state: SessionState.Lobby) with
    {
        GroupId = "g2",
        GroupName = "第2组",
        Roster = [new SeatInfo("seat-c", "customer", "小赵", false), new SeatInfo("seat-d", "observer", "小孙", true)],
        SeatId = null,
    };

    public SessionPageTests()
    {
        Http.Json200("GET", "/api/sessions/s1", new SessionSummary(
            "s1", "bakery-egg-tart-zh", "蛋挞风波", "ABC123", SessionState.Lobby, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            [new GroupSummary("g1", "第1组"), new GroupSummary("g2", "第2组")]));
        Hub.Watched = [Group1, Group2];
    }

    private IRenderedComponent<SessionPage> RenderPage()
    {
        var cut = Render<SessionPage>(p => p.Add(x => x.SessionId, "s1"));
        cut.WaitForElement(".controls");
        return cut;
    }

    private static AngleSharp.Dom.IElement RosterOf(IRenderedComponent<SessionPage> cut, string groupName) =>
        cut.FindAll("article.roster").Single(a => a.QuerySelector("h3")!.TextContent == groupName);

    private static AngleSharp.Dom.IElement CardOf(IRenderedComponent<SessionPage> cut, string groupId) =>
        cut.Find($"article.group-card[data-group={groupId}]");

    private static IRenderedComponent<SessionPage> ShowDashboard(IRenderedComponent<SessionPage> cut)
    {
        cut.FindAll(".views button")[1].Click();
        cut.WaitForElement("article.group-card");
        return cut;
    }

    [Fact]
    public void The_page_watches_the_session_and_shows_its_title()
    {
        var cut = RenderPage();

        Assert.Equal("WatchSession s1", Assert.Single(Hub.Calls));
        Assert.Contains("蛋挞风波", cut.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Contains("In the lobby", cut.Find(".controls .state").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lobby_shows_the_join_code_the_link_and_the_qr_code_for_that_code()
    {
        var cut = RenderPage();

        Assert.Contains("ABC123", cut.Find(".join-code").TextContent, StringComparison.Ordinal);
        Assert.Equal("http://localhost/join/ABC123", cut.Find(".join-link a").TextContent);
        Assert.Equal("http://localhost/join/ABC123", cut.Find(".join-link a").GetAttribute("href"));
        var qr = cut.Find("img.qr");
        Assert.Equal("api/join/ABC123/qr.svg", qr.GetAttribute("src"));
        Assert.Equal("QR code for the join link", qr.GetAttribute("alt"));
    }

    [Fact]
    public void The_copy_button_copies_the_join_link()
    {
        var copy = JSInterop.Setup<bool>("roleplay.copy", _ => true);
        copy.SetResult(true);
        var cut = RenderPage();

        cut.FindAll(".join button")[0].Click();

        Assert.Equal("http://localhost/join/ABC123", Assert.Single(copy.Invocations["roleplay.copy"]).Arguments[0]);
        cut.WaitForAssertion(() => Assert.Equal("Link copied.", cut.Find(".join [role=status]").TextContent));
    }

    [Fact]
    public void The_roster_lists_every_role_per_group_with_people_bots_empty_seats_and_observers()
    {
        var cut = RenderPage();

        var g1 = RosterOf(cut, "第1组");
        Assert.Contains("小王", g1.QuerySelector("[data-role=customer]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("connected", g1.QuerySelector("[data-role=clerk]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("played by a bot", g1.QuerySelector("[data-role=supervisor]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("empty", g1.QuerySelector("[data-role=manager]")!.TextContent, StringComparison.Ordinal);
        var g2 = RosterOf(cut, "第2组");
        Assert.Contains("offline", g2.QuerySelector("[data-role=customer]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("小孙", g2.QuerySelector(".observers")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roster_event_updates_that_groups_seats_in_the_lobby()
    {
        var cut = RenderPage();

        await Hub.RaiseRoster(new RosterMessage("g2",
            [new SeatInfo("seat-c", "customer", "小赵", true), new SeatInfo("seat-e", "manager", "小周", true)], [], ["supervisor"]));

        cut.WaitForAssertion(() => Assert.Contains("小周", RosterOf(cut, "第2组").QuerySelector("[data-role=manager]")!.TextContent, StringComparison.Ordinal));
        Assert.Contains("connected", RosterOf(cut, "第2组").QuerySelector("[data-role=customer]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("empty", RosterOf(cut, "第1组").QuerySelector("[data-role=manager]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_a_person_calls_move_seat_with_the_seat_the_group_and_the_role()
    {
        var cut = RenderPage();

        RosterOf(cut, "第1组").QuerySelector("[data-role=clerk] button")!.Click();
        cut.Find("#move-group-seat-b").Change("g2");
        cut.Find("#move-role-seat-b").Change("manager");
        cut.Find("form.move").Submit();

        cut.WaitForAssertion(() => Assert.Contains("MoveSeat seat-b g2 manager", Hub.Calls));
        Assert.Empty(cut.FindAll("form.move"));
    }

    [Fact]
    public void A_refused_move_shows_the_servers_sentence()
    {
        var cut = RenderPage();
        Hub.FailWith = new(RefusalCode.SeatTaken, "The manager seat in Group 2 is taken; choose another role or group.");

        RosterOf(cut, "第1组").QuerySelector("[data-role=clerk] button")!.Click();
        cut.Find("form.move").Submit();

        cut.WaitForAssertion(() => Assert.Equal(
            "The manager seat in Group 2 is taken; choose another role or group.", cut.Find("form.move [role=alert]").TextContent));
    }

    [Fact]
    public void Start_pause_resume_and_end_call_the_hub_with_the_session_id()
    {
        var cut = RenderPage();

        cut.Find(".controls .buttons button").Click();
        Assert.Equal("StartSession s1", Hub.Calls[^1]);

        cut.InvokeAsync(() => Hub.RaiseSessionState(new SessionStateMessage("s1", SessionState.Running, true)));
        cut.WaitForAssertion(() => Assert.Equal("Pause", cut.Find(".controls .buttons button").TextContent));
        cut.Find(".controls .buttons button").Click();
        Assert.Equal("PauseSession s1", Hub.Calls[^1]);

        cut.InvokeAsync(() => Hub.RaiseSessionState(new SessionStateMessage("s1", SessionState.Paused, true)));
        cut.WaitForAssertion(() => Assert.Equal("Resume", cut.Find(".controls .buttons button").TextContent));
        cut.Find(".controls .buttons button").Click();
        Assert.Equal("StartSession s1", Hub.Calls[^1]);
        Assert.Contains("Paused", cut.Find(".controls .state").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Ending_asks_first_and_only_the_confirmation_ends_the_session()
    {
        var cut = RenderPage();

        cut.FindAll(".controls button.danger")[0].Click();
        Assert.DoesNotContain(Hub.Calls, c => c.StartsWith(nameof(IRolePlayHub.EndSession), StringComparison.Ordinal));
        Assert.Contains("cannot be undone", cut.Find(".confirm").TextContent, StringComparison.Ordinal);

        cut.Find(".confirm button.danger").Click();

        Assert.Equal("EndSession s1", Hub.Calls[^1]);
    }

    [Fact]
    public void Cancelling_the_end_sends_nothing()
    {
        var cut = RenderPage();

        cut.FindAll(".controls button.danger")[0].Click();
        cut.Find(".confirm button.secondary").Click();

        Assert.Empty(cut.FindAll(".confirm"));
        Assert.DoesNotContain(Hub.Calls, c => c.StartsWith(nameof(IRolePlayHub.EndSession), StringComparison.Ordinal));
    }

    [Fact]
    public void The_bots_and_live_feedback_switches_call_the_hub_with_the_session_id()
    {
        var cut = RenderPage();
        var switches = cut.FindAll(".controls button[role=switch]");
        Assert.Equal("true", switches[0].GetAttribute("aria-checked"));
        Assert.Equal("true", switches[1].GetAttribute("aria-checked"));

        switches[0].Click();
        Assert.Equal("SetBots s1 False", Hub.Calls[^1]);
        cut.WaitForAssertion(() => Assert.Equal("false", cut.FindAll(".controls button[role=switch]")[0].GetAttribute("aria-checked")));

        cut.FindAll(".controls button[role=switch]")[1].Click();
        Assert.Equal("SetLiveFeedback s1 False", Hub.Calls[^1]);

        cut.InvokeAsync(() => Hub.RaiseSessionState(new SessionStateMessage("s1", SessionState.Lobby, false)));
        cut.WaitForAssertion(() => Assert.Equal("false", cut.FindAll(".controls button[role=switch]")[1].GetAttribute("aria-checked")));
    }

    [Fact]
    public void A_refused_command_shows_the_hub_error_in_an_alert()
    {
        var cut = RenderPage();
        Hub.FailWith = new(RefusalCode.InstructorOnly, "Only the instructor can start a session.");

        cut.Find(".controls .buttons button").Click();

        cut.WaitForAssertion(() => Assert.Equal("Only the instructor can start a session.", cut.Find(".controls [role=alert]").TextContent));
    }

    [Fact]
    public async Task A_turn_for_group_2_updates_only_group_2s_card_and_totals()
    {
        var cut = ShowDashboard(RenderPage());

        await Hub.RaiseTurn(Samples.Turn(1, "clerk", "您要么买回去,要么赔偿!", mood: 22,
            verdicts: new() { ["customer-first"] = -1, ["prompt-sincere"] = 1 }) with { GroupId = "g2" });

        cut.WaitForAssertion(() => Assert.Contains("您要么买回去", CardOf(cut, "g2").QuerySelector(".turns")!.TextContent, StringComparison.Ordinal));
        var g2 = CardOf(cut, "g2");
        Assert.Contains("店员A", g2.QuerySelector(".turns .speaker")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("−1", g2.QuerySelector("[data-principle=customer-first] .value")!.TextContent);
        Assert.Equal("+1", g2.QuerySelector("[data-principle=prompt-sincere] .value")!.TextContent);
        Assert.Equal("22", g2.QuerySelector(".mood-value")!.TextContent);
        Assert.Contains("− Customer first", g2.QuerySelector(".turns .chip.down")!.TextContent, StringComparison.Ordinal);
        var g1 = CardOf(cut, "g1");
        Assert.Empty(g1.QuerySelectorAll(".turns li"));
        Assert.Equal("0", g1.QuerySelector("[data-principle=customer-first] .value")!.TextContent);
        Assert.Equal("40", g1.QuerySelector(".mood-value")!.TextContent);
    }

    [Fact]
    public void A_card_shows_only_the_latest_three_turns()
    {
        Hub.Watched = [Samples.Snapshot(state: SessionState.Running, turns:
        [
            Samples.Turn(1, "customer", "第一句"), Samples.Turn(2, "clerk", "第二句"),
            Samples.Turn(3, "customer", "第三句"), Samples.Turn(4, "clerk", "第四句"),
        ])];
        var cut = RenderPage();

        var texts = cut.FindAll("article.group-card .turns .text").Select(e => e.TextContent).ToList();

        Assert.Equal(["第二句", "第三句", "第四句"], texts);
    }

    [Fact]
    public void An_action_turn_shows_the_actions_label_not_its_id()
    {
        Hub.Watched = [Samples.Snapshot(state: SessionState.Running, turns:
        [
            Samples.Turn(1, "clerk", "x") with { Kind = TurnKind.Act, Text = null, Action = "apologise" },
        ])];
        var cut = RenderPage();

        Assert.Equal("道歉", cut.Find("article.group-card .turns .text").TextContent);
    }

    [Fact]
    public async Task Stage_mood_and_ended_events_show_on_the_groups_card()
    {
        var cut = ShowDashboard(RenderPage());

        await Hub.RaiseStage(new StageInfo("g1", "rest-area", "休息区", "经理请顾客到休息区。", new Dictionary<string, IReadOnlyList<ActionInfo>>()));
        await Hub.RaiseMood(new MoodInfo("g1", 75, "calm"));
        await Hub.RaiseEnded(new EndedMessage("g1", "resolved", true, "圆满解决", "讲评", []));

        cut.WaitForAssertion(() => Assert.Equal("休息区", CardOf(cut, "g1").QuerySelector(".stage")!.TextContent));
        var g1 = CardOf(cut, "g1");
        Assert.Equal("75", g1.QuerySelector(".mood-value")!.TextContent);
        Assert.Contains("calm", g1.QuerySelector(".mood")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("圆满解决", g1.QuerySelector(".outcome.success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Resolved", g1.QuerySelector(".outcome")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("柜台", CardOf(cut, "g2").QuerySelector(".stage")!.TextContent);
    }

    [Theory]
    [InlineData(false, "Guests first", "− Guests first", "cross")]
    [InlineData(true, "客人优先", "− 客人优先", "恼火")]
    public async Task The_dashboard_names_principles_and_mood_bands_as_the_snapshot_does_in_the_ui_language(bool chinese, string total, string chip, string band)
    {
        Hub.Watched = [Samples.Snapshot(principles: Samples.RenamedPrinciples, bands: [.. Samples.Bands, new MoodBandInfo("sulking", new LocalizedText("cross", "恼火"))])];
        var cut = Render<SessionPage>(p => p.Add(x => x.SessionId, "s1").AddCascadingValue(chinese ? UiText.Chinese : UiText.English));
        cut.WaitForElement(".controls");
        cut.FindAll(".views button")[1].Click();
        cut.WaitForElement("article.group-card");

        await Hub.RaiseTurn(Samples.Turn(1, "clerk", "您要么买回去,要么赔偿!", mood: 12, verdicts: new() { ["customer-first"] = -1 }));
        await Hub.RaiseMood(new MoodInfo("g1", 12, "sulking"));

        cut.WaitForAssertion(() => Assert.Contains(band, CardOf(cut, "g1").QuerySelector(".mood")!.TextContent, StringComparison.Ordinal));
        var card = CardOf(cut, "g1");
        Assert.Equal(total, card.QuerySelector(".totals [data-principle=customer-first] .label")!.TextContent);
        Assert.Contains(chip, card.QuerySelector(".turns .chip.down")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_waiting_outside_the_scene_can_be_brought_in_from_the_groups_card()
    {
        var cut = ShowDashboard(RenderPage());

        await Hub.RaiseStage(new StageInfo("g1", "counter", "柜台", "……", new Dictionary<string, IReadOnlyList<ActionInfo>>(),
            ["customer", "clerk"], [new WaitingInfo("manager", "在办公室。", [], true)]));
        cut.WaitForAssertion(() => Assert.NotNull(CardOf(cut, "g1").QuerySelector(".bring-in button")));
        cut.Find("article.group-card[data-group=g1] .bring-in button").Click();

        cut.WaitForAssertion(() => Assert.Contains("BringIn g1 manager", Hub.Calls));
        Assert.Contains("Bring in 经理C", cut.Find("article.group-card[data-group=g1] .bring-in button").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Injecting_an_event_calls_inject_event_with_the_group_and_event_ids()
    {
        Hub.Watched =
        [
            Group1,
            Group2 with { Events = [new EventInfo("crowd", "围观的顾客越来越多"), new EventInfo("phone", "总部来电")] },
        ];
        var cut = ShowDashboard(RenderPage());

        cut.Find("#event-g2").Change("phone");
        CardOf(cut, "g2").QuerySelector("form.inject")!.Submit();

        cut.WaitForAssertion(() => Assert.Equal("InjectEvent g2 phone", Hub.Calls[^1]));
    }

    [Fact]
    public void Each_card_links_to_its_groups_review()
    {
        var cut = ShowDashboard(RenderPage());

        Assert.Equal("review/groups/g2", CardOf(cut, "g2").QuerySelector("a.review-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task After_a_reconnect_the_page_watches_again_and_replaces_every_groups_state()
    {
        var cut = ShowDashboard(RenderPage());
        Hub.Watched =
        [
            Samples.Snapshot(state: SessionState.Running, turns: [Samples.Turn(1, "customer", "我的蛋挞被夹碎了")]),
            Group2 with { SessionState = SessionState.Running },
        ];

        await Hub.RaiseLink(LinkState.Reconnecting);
        cut.WaitForAssertion(() => Assert.Contains("reconnecting", cut.Find(".session > .alert.warn").TextContent, StringComparison.Ordinal));
        await Hub.RaiseLink(LinkState.Reconnected);

        cut.WaitForAssertion(() => Assert.Contains("我的蛋挞被夹碎了", CardOf(cut, "g1").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, Hub.Calls.Count(c => c == "WatchSession s1"));
        Assert.Contains("Running", cut.Find(".controls .state").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".session > .alert.warn"));
    }

    [Fact]
    public void A_session_that_cannot_be_read_says_why()
    {
        Http.Problem("GET", "/api/sessions/s9", System.Net.HttpStatusCode.NotFound, "No session has that id.");
        Http.Json200("GET", "/api/sessions", Array.Empty<object>());

        var cut = Render<SessionPage>(p => p.Add(x => x.SessionId, "s9"));

        cut.WaitForAssertion(() => Assert.Contains("No session has that id.", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Hub.Calls);
    }
}
