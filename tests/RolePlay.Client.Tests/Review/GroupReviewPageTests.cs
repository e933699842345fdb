using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Client.Live;
using RolePlay.Client.Review;
using RolePlay.Core.Transcripts;
using static RolePlay.Client.Tests.Review.ReviewSamples;

namespace RolePlay.Client.Tests.Review;

public partial class GroupReviewPageTests : BunitContext
{
    private readonly FakeApiHandler _http = new();
    private readonly FakeRolePlayConnection _hub = new();

    public GroupReviewPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(_http.Api());
        Services.AddSingleton<IRolePlayConnectionFactory>(_hub);
    }

    private IRenderedComponent<GroupReviewPage> Open(GroupReview review)
    {
        _http.Json($"api/groups/{review.GroupId}/review", review);
        var cut = Render<GroupReviewPage>(p => p.Add(x => x.GroupId, review.GroupId));
        cut.WaitForElement("ol.turns");
        return cut;
    }

    private static AngleSharp.Dom.IElement TurnElement(IRenderedComponent<GroupReviewPage> cut, int seq) => cut.Find($"#turn-{seq}");

    private static AngleSharp.Dom.IElement Chip(IRenderedComponent<GroupReviewPage> cut, int seq, string principle) =>
        cut.Find($"#turn-{seq} li.verdict[data-principle={principle}]");

    [Fact]
    public void The_chinese_line_shows_exactly_the_evidence_words_marked_against_and_the_rest_as_plain_text()
    {
        var cut = Open(Group());

        var text = TurnElement(cut, 2).QuerySelector("p.text")!;
        var marks = text.QuerySelectorAll("mark");
        Assert.Equal(ClerkLine, text.TextContent);
        Assert.Equal(["您夹坏了，您要么买回去，要么"], marks.Select(m => m.TextContent));
        Assert.Equal("ev-down", marks[0].ClassName);
    }

    [Fact]
    public void Negated_blame_in_the_managers_line_is_marked_as_counting_for_the_customer()
    {
        var cut = Open(Group());

        var marks = TurnElement(cut, 4).QuerySelectorAll("p.text mark");
        Assert.Equal(["是您的错", "请", "到休息区坐一下", "倒杯茶", "抱歉"], marks.Select(m => m.TextContent));
        Assert.All(marks, m => Assert.Equal("ev-up", m.ClassName));
    }

    [Fact]
    public void The_english_line_marks_its_evidence_words()
    {
        var turn = new TranscriptTurn(2, TurnKind.Say, "clerk", EnglishLine, null, null, "counter", "counter", 3000, 2000, false, 50,
            Verdicts(cf: 1, ps: 1, off: 1),
            Evidence(
                ("customer-first", new EvidenceItem("blaming you", 8, 11, "blame-customer", 1, true)),
                ("prompt-sincere", new EvidenceItem("sorry", 28, 5, "apology", 1, false)),
                ("off-scene", new EvidenceItem("have a seat", 42, 11, "invite-aside", 1, false))),
            Feedback("clerk"));
        var cut = Open(Group(Transcript([turn])));

        var marks = TurnElement(cut, 2).QuerySelectorAll("p.text mark");
        Assert.Equal(["blaming you", "sorry", "have a seat"], marks.Select(m => m.TextContent));
        Assert.Equal(EnglishLine, TurnElement(cut, 2).QuerySelector("p.text")!.TextContent);
    }

    [Fact]
    public void Hostile_markup_in_a_turn_is_shown_as_text_even_inside_a_highlight()
    {
        const string hostile = "<img src=x onerror=alert(1)> sorry <b>really</b>";
        var turn = new TranscriptTurn(2, TurnKind.Say, "clerk", hostile, null, null, "counter", "counter", 3000, 2000, false, 50,
            Verdicts(ps: 1),
            Evidence(("prompt-sincere", new EvidenceItem("onerror=alert(1)> sorry", 11, 23, "apology", 1, false))),
            Feedback("clerk"));
        var cut = Open(Group(Transcript([CustomerTurn(1, "<script>alert(2)</script>"), turn]), comments: [new CommentView(1, 2, "<i>x</i>", DateTime.UtcNow)]));

        Assert.Empty(cut.FindAll("img"));
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("#turn-2 b, #turn-2 i"));
        Assert.Equal(hostile, TurnElement(cut, 2).QuerySelector("p.text")!.TextContent);
        Assert.Equal("onerror=alert(1)> sorry", TurnElement(cut, 2).QuerySelector("p.text mark")!.TextContent);
        Assert.Contains("<script>alert(2)</script>", TurnElement(cut, 1).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_evidence_leaves_the_line_whole_and_unmarked()
    {
        var turn = new TranscriptTurn(2, TurnKind.Say, "clerk", "好的。", null, null, "counter", "counter", 3000, 2000, false, 50,
            Verdicts(cf: -1),
            Evidence(("customer-first", new EvidenceItem("您夹坏", 50, 3, "blame-customer", -1, false))),
            Feedback("clerk"));
        var cut = Open(Group(Transcript([turn])));

        Assert.Equal("好的。", TurnElement(cut, 2).QuerySelector("p.text")!.TextContent);
        Assert.Empty(cut.FindAll("#turn-2 p.text mark"));
    }

    [Fact]
    public void Each_staff_turn_has_five_signed_chips_that_open_to_the_feedback_and_the_evidence_words()
    {
        var cut = Open(Group());

        var chips = cut.FindAll("#turn-2 li.verdict .chip");
        Assert.Equal(5, chips.Count);
        var cf = Chip(cut, 2, "customer-first");
        Assert.StartsWith("−1 Customer first", cf.QuerySelector(".chip")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("down", cf.QuerySelector(".chip")!.ClassList);
        Assert.Contains("把责任推给顾客只会让她更想争个输赢", cf.QuerySelector(".feedback")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["您夹坏", "要么买回去，要么", "夹坏了，您要么买"], cf.QuerySelectorAll(".evidence q").Select(q => q.TextContent));
        Assert.Contains("(negated)", Chip(cut, 4, "customer-first").QuerySelector(".evidence")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#turn-1 li.verdict"));
    }

    [Fact]
    public void An_override_replaces_the_shown_verdict_and_keeps_the_engines_struck_through()
    {
        var cut = Open(Group(overrides:
        [
            new OverrideView(4, "affirm", -1, "earlier note", new DateTime(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc)),
            new OverrideView(4, "affirm", 1, "“请”也算礼貌", new DateTime(2025, 1, 1, 10, 0, 0, DateTimeKind.Utc)),
        ]));

        var affirm = Chip(cut, 4, "affirm");
        Assert.StartsWith("+1 Affirm", affirm.QuerySelector(".chip")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("up", affirm.QuerySelector(".chip")!.ClassList);
        Assert.Equal("0", affirm.QuerySelector("s")!.TextContent);
        Assert.Equal("overridden: +1 — “请”也算礼貌", affirm.QuerySelector(".override-text")!.TextContent);
        Assert.Null(Chip(cut, 4, "resolve").QuerySelector(".override-text"));
    }

    [Fact]
    public void Observers_ratings_stand_beside_the_engines_and_disagreement_is_marked()
    {
        var cut = Open(Group(ratings: [new TurnRatingView(2, "小王", Verdicts(cf: -1, ps: -1))]));

        var agree = Chip(cut, 2, "customer-first");
        Assert.Contains("observers: 小王 −1", agree.QuerySelector(".observers")!.TextContent, StringComparison.Ordinal);
        Assert.Null(agree.QuerySelector(".disagree-marker"));
        var differ = Chip(cut, 2, "prompt-sincere");
        Assert.Contains("小王 −1", differ.QuerySelector(".observers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("differs", differ.QuerySelector(".disagree-marker")!.TextContent, StringComparison.Ordinal);
        var row = cut.Find("table.compare tr[data-principle=prompt-sincere]");
        // One rating that differs: no agreement, and too few ratings for κ.
        Assert.Equal(["+1", "0", "−1", "≠ 1", "0% (1)", "–"], row.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("100% (1)", cut.Find("table.compare tr[data-principle=customer-first] td.agreement").TextContent);
    }

    [Fact]
    public void The_chart_shows_the_groups_totals_and_each_roles_with_a_table_alternative()
    {
        var cut = Open(Group());

        var group = cut.Find("#chart-group");
        Assert.Equal(["0", "+1", "+2", "0", "0"], group.QuerySelectorAll(".bar-value").Select(v => v.TextContent));
        Assert.Contains("down", cut.Find("#chart-role-clerk .bar-row[data-principle=customer-first] .bar").ClassList);
        Assert.Equal("left:50%;width:50%", cut.Find("#chart-group .bar-row[data-principle=off-scene] .bar").GetAttribute("style"));
        Assert.Equal("+2", group.QuerySelector("table tr:nth-child(3) td")!.TextContent);
        Assert.NotNull(group.QuerySelector("figcaption"));
        Assert.Equal("true", group.QuerySelector(".bars")!.GetAttribute("aria-hidden"));
    }

    [Fact]
    public void The_export_links_point_at_the_groups_endpoints_and_print_calls_the_browser()
    {
        var cut = Open(Group(groupId: "g 7"));

        var links = cut.FindAll("nav.exports a");
        Assert.Equal(
            ["api/groups/g%207/transcript.md", "api/groups/g%207/transcript.csv", "api/groups/g%207/transcript"],
            links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.True(a.HasAttribute("download")));
        cut.Find("nav.exports button").Click();
        JSInterop.VerifyInvoke("roleplay.print");
    }

    [Fact]
    public void The_header_says_the_outcome_in_words_and_the_stage_path_in_order()
    {
        var cut = Open(Group());

        Assert.Contains("Not resolved", cut.Find(".outcome").TextContent, StringComparison.Ordinal);
        Assert.Contains("顾客投诉到总部", cut.Find(".outcome").TextContent, StringComparison.Ordinal);
        Assert.Equal(["counter", "rest-area", "head-office"], cut.FindAll("ol.path li").Select(li => li.TextContent));
        Assert.Contains("35/100", cut.Find(".review-header").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_action_and_bot_turns_read_as_narration_with_time_and_latency()
    {
        var cut = Open(Group());

        Assert.Contains("Event:", TurnElement(cut, 3).QuerySelector(".narration")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Instructor", TurnElement(cut, 3).QuerySelector(".who")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("action:", TurnElement(cut, 5).QuerySelector(".narration")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(TurnElement(cut, 5).QuerySelector(".bot-tag"));
        Assert.Equal("00:41", TurnElement(cut, 2).QuerySelector("time")!.TextContent);
        Assert.Contains("3.1", TurnElement(cut, 2).QuerySelector(".latency")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("店员A", TurnElement(cut, 2).QuerySelector(".who")!.TextContent);
    }

    [Fact]
    public void A_timed_transition_reads_as_time_passing()
    {
        var clock = new TranscriptTurn(2, TurnKind.Clock, "clock", null, null, null, "counter", "escalated", 120000, null, false, 10, null, null, null);
        var cut = Open(Group(Transcript([CustomerTurn(1, "人呢？"), clock])));

        Assert.Equal("Clock", TurnElement(cut, 2).QuerySelector(".who")!.TextContent);
        Assert.Equal("Time passed; the scene moved on.", TurnElement(cut, 2).QuerySelector(".narration")!.TextContent);
        Assert.Equal("02:00", TurnElement(cut, 2).QuerySelector("time")!.TextContent);
    }

    [Fact]
    public void Satisfaction_reflection_debrief_and_comments_are_shown()
    {
        var cut = Open(Group(comments:
        [
            new CommentView(1, null, "整体节奏不错", DateTime.UtcNow),
            new CommentView(2, 2, "这里可以先道歉", DateTime.UtcNow),
        ]));

        Assert.Contains("Friendliness", cut.Find(".sat .item[data-item=friendly]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 / 5", cut.Find(".sat .item[data-item=friendly]").TextContent, StringComparison.Ordinal);
        Assert.Contains("经理的茶很暖心", cut.Find(".sat-comment").TextContent, StringComparison.Ordinal);
        Assert.Contains("小李", cut.Find(".answers").TextContent, StringComparison.Ordinal);
        Assert.Contains("要么买要么赔", cut.Find(".answers").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find(".debrief .markdown strong"));
        Assert.Contains("整体节奏不错", cut.Find(".comments .comment-list").TextContent, StringComparison.Ordinal);
        Assert.Contains("这里可以先道歉", TurnElement(cut, 2).QuerySelector(".turn-comments")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("这里可以先道歉", cut.Find(".comments .comment-list").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_an_override_sends_it_on_the_hub_and_reloads_the_review()
    {
        var cut = Open(Group());
        _http.Json("api/groups/g1/review", Group(overrides: [new OverrideView(2, "resolve", 1, "offered a fix", DateTime.UtcNow)]));

        var form = cut.Find("#turn-2 form.override-form");
        form.QuerySelector("select")!.Change("resolve");
        form.QuerySelector("input[type=radio][value='1']")!.Change(true);
        form.QuerySelector("input[type=text]")!.Change("offered a fix");
        form.Submit();

        cut.WaitForAssertion(() => Assert.Contains("OverrideVerdict g1 2 resolve 1 offered a fix", _hub.Calls));
        cut.WaitForAssertion(() => Assert.StartsWith("+1", Chip(cut, 2, "resolve").QuerySelector(".chip")!.TextContent, StringComparison.Ordinal));
        Assert.Equal(2, _http.Requests.Count(r => r == "GET api/groups/g1/review"));
    }

    [Fact]
    public void Comments_on_a_turn_and_on_the_group_are_sent_with_their_seq()
    {
        var cut = Open(Group());

        var turnBox = cut.Find("#turn-2 form.comment-box");
        turnBox.QuerySelector("textarea")!.Input("先道歉");
        turnBox.Submit();
        var groupBox = cut.Find("section.comments form.comment-box");
        groupBox.QuerySelector("textarea")!.Input("整体不错");
        groupBox.Submit();

        cut.WaitForAssertion(() => Assert.Equal(["AddComment g1 2 先道歉", "AddComment g1  整体不错"], _hub.Calls));
    }

    [Fact]
    public void A_refused_save_shows_the_servers_sentence()
    {
        var cut = Open(Group());
        _hub.FailWith = new(RefusalCode.InstructorOnly, "Only the instructor can override verdicts.");

        cut.Find("#turn-2 form.override-form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Only the instructor can override verdicts.", cut.Find("#turn-2 form.override-form .alert.error").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_non_instructor_sees_the_login_hint_and_no_transcript()
    {
        _http.Instructor = false;

        var cut = Render<GroupReviewPage>(p => p.Add(x => x.GroupId, "g1"));

        cut.WaitForAssertion(() => Assert.Equal("instructor", cut.Find(".login-hint a").GetAttribute("href")));
        Assert.Empty(cut.FindAll("ol.turns"));
    }

    [Fact]
    public void An_unknown_group_shows_the_servers_detail()
    {
        _http.Problem("api/groups/nope/review", HttpStatusCode.NotFound, "There is no group 'nope'.");

        var cut = Render<GroupReviewPage>(p => p.Add(x => x.GroupId, "nope"));

        cut.WaitForAssertion(() => Assert.Contains("There is no group 'nope'.", cut.Find(".alert.error").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void The_review_json_as_the_server_writes_it_is_read_with_evidence_offsets()
    {
        // One staff turn in the protocol's wire shape (camelCase, nulls left out), not built through the records.
        const string json = """
            {"sessionId":"s1","groupId":"g9","groupName":"Group 9","locale":"zh-CN",
             "roles":[{"id":"customer","name":"顾客","isCustomer":true},{"id":"clerk","name":"店员A","isCustomer":false}],
             "questions":[],"debrief":"",
             "transcript":{"scenarioId":"bakery","scenarioTitle":"蛋挞风波",
               "outcome":{"id":"resolved","success":true,"title":"和解"},"stagePath":["counter"],"finalMood":70,
               "turns":[{"seq":3,"kind":"say","role":"clerk","text":"这两块蛋挞您夹坏了，您要么买回去，要么赔偿！","stage":"counter","stageAfter":"counter",
                 "atMs":41250,"latencyMs":3100,"bot":false,"mood":16,
                 "verdicts":{"customer-first":-1,"prompt-sincere":1,"off-scene":0,"affirm":0,"resolve":0},
                 "evidence":{"customer-first":[{"text":"要么买回去，要么","start":11,"length":8,"cue":"ultimatum","polarity":-1,"negated":false}],
                   "prompt-sincere":[],"off-scene":[],"affirm":[],"resolve":[]},
                 "feedback":{"customer-first":"两块蛋挞远比一位顾客便宜。","prompt-sincere":"","off-scene":"","affirm":"","resolve":""}}],
               "totals":{"customer-first":-1,"prompt-sincere":1,"off-scene":0,"affirm":0,"resolve":0},
               "totalsByRole":{"clerk":{"customer-first":-1,"prompt-sincere":1,"off-scene":0,"affirm":0,"resolve":0}}},
             "overrides":[],"comments":[],"ratings":[],"satisfaction":[],"reflections":[]}
            """;
        _http.Raw("api/groups/g9/review", json);

        var cut = Render<GroupReviewPage>(p => p.Add(x => x.GroupId, "g9"));

        cut.WaitForAssertion(() => Assert.Equal("要么买回去，要么", cut.Find("#turn-3 p.text mark.ev-down").TextContent));
        Assert.Contains("Resolved", cut.Find(".outcome").TextContent, StringComparison.Ordinal);
    }
}

public partial class GroupReviewPageTests
{
    [Fact]
    public void A_principle_the_rubric_renames_reads_as_renamed_on_chips_charts_ratings_and_the_override_form()
    {
        var cut = Open(Group(principles: Samples.RenamedPrinciples, ratings: [new TurnRatingView(2, "小王", Verdicts(cf: -1))]));

        var verdict = Chip(cut, 2, "customer-first");
        Assert.StartsWith("−1 Guests first", verdict.QuerySelector(".chip")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Guests are always right", verdict.QuerySelector(".principle-name")!.TextContent);
        Assert.Equal("Guests first", cut.Find("#chart-group .bar-row[data-principle=customer-first] .bar-label").TextContent);
        Assert.Equal("Guests are always right", cut.Find("#chart-group table th[scope=row]").TextContent);
        var rated = cut.Find("table.compare tr[data-principle=customer-first] th");
        Assert.Equal(("Guests first", "Guests are always right"), (rated.TextContent, rated.GetAttribute("title")));
        Assert.Equal("Guests are always right", cut.Find("#turn-2 .override-form option[value=customer-first]").TextContent);
        Assert.Contains("Guests first", cut.Find("#turn-2 p.text mark").GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_from_a_server_that_names_no_principles_shows_their_ids()
    {
        var cut = Open(Group() with { Principles = null });

        Assert.StartsWith("−1 customer-first", Chip(cut, 2, "customer-first").QuerySelector(".chip")!.TextContent, StringComparison.Ordinal);
    }
}

public class GroupReviewPageChineseTests : BunitContext
{
    [Fact]
    public void In_the_chinese_ui_a_principle_the_rubric_renames_reads_as_renamed_in_chinese()
    {
        var http = new FakeApiHandler();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(http.Api());
        Services.AddSingleton<IRolePlayConnectionFactory>(new FakeRolePlayConnection());
        http.Json("api/groups/g1/review", Group(principles: Samples.RenamedPrinciples));

        var cut = Render<GroupReviewPage>(p => p.Add(x => x.GroupId, "g1").AddCascadingValue(RolePlay.Client.Localization.UiText.Chinese));

        cut.WaitForElement("ol.turns");
        Assert.StartsWith("−1 客人优先", cut.Find("#turn-2 li.verdict[data-principle=customer-first] .chip").TextContent, StringComparison.Ordinal);
        Assert.Equal("客人优先", cut.Find("#chart-group .bar-row[data-principle=customer-first] .bar-label").TextContent);
        Assert.Equal("及时诚恳", cut.Find("#chart-group .bar-row[data-principle=prompt-sincere] .bar-label").TextContent);
    }

    [Fact]
    public void In_the_chinese_ui_chips_states_and_satisfaction_items_read_in_chinese()
    {
        var http = new FakeApiHandler();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(http.Api());
        Services.AddSingleton<IRolePlayConnectionFactory>(new FakeRolePlayConnection());
        http.Json("api/groups/g1/review", Group(overrides: [new OverrideView(2, "customer-first", 0, "她确实夹坏了", DateTime.UtcNow)]));

        var cut = Render<GroupReviewPage>(p => p.Add(x => x.GroupId, "g1").AddCascadingValue(RolePlay.Client.Localization.UiText.Chinese));

        cut.WaitForElement("ol.turns");
        Assert.StartsWith("0 顾客至上", cut.Find("#turn-2 li.verdict[data-principle=customer-first] .chip").TextContent, StringComparison.Ordinal);
        Assert.Equal("已改判: 0 — 她确实夹坏了", cut.Find("#turn-2 .override-text").TextContent);
        Assert.Contains("态度友善", cut.Find(".sat .item[data-item=friendly]").TextContent, StringComparison.Ordinal);
        Assert.Contains("还愿意再来", cut.Find(".sat .item[data-item=return]").TextContent, StringComparison.Ordinal);
        Assert.Contains("未能解决", cut.Find(".outcome").TextContent, StringComparison.Ordinal);
    }
}
