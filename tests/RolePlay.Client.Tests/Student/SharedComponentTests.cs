using RolePlay.Client.Shared;
using RolePlay.Core.Transcripts;

namespace RolePlay.Client.Tests.Student;

public class SharedComponentTests : BunitContext
{
    public SharedComponentTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    [Fact]
    public void No_verdicts_render_no_chips()
    {
        var cut = Render<VerdictChips>(p => p.Add(x => x.Verdicts, null));

        Assert.Empty(cut.FindAll(".chip"));
    }

    [Fact]
    public void A_chip_opens_the_feedback_line_and_the_evidence_words()
    {
        var cut = Render<VerdictChips>(p => p
            .Add(x => x.Verdicts, new Dictionary<string, int> { ["customer-first"] = -1, ["affirm"] = 1 })
            .Add(x => x.Feedback, new Dictionary<string, string> { ["customer-first"] = "“要么买要么赔”把顾客逼进死角。" })
            .Add(x => x.Evidence, new Dictionary<string, IReadOnlyList<EvidenceItem>>
            {
                ["customer-first"] = [new EvidenceItem("要么买回去,要么", 1, 8, "ultimatum", -1, false)],
            }));
        var chip = cut.Find("button.chip.down");
        Assert.Equal("false", chip.GetAttribute("aria-expanded"));
        Assert.Empty(cut.FindAll(".verdict-detail"));

        chip.Click();

        Assert.Equal("true", cut.Find("button.chip.down").GetAttribute("aria-expanded"));
        var detail = cut.Find(".verdict-detail");
        Assert.Contains("把顾客逼进死角", detail.TextContent, StringComparison.Ordinal);
        Assert.Equal("要么买回去,要么", detail.QuerySelector("q")!.TextContent);
        Assert.Contains("violated", detail.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_transcript_marks_bots_stage_changes_and_actions()
    {
        TurnMessage[] turns =
        [
            Samples.Turn(1, "customer", "我的蛋挞!"),
            new("g1", 2, TurnKind.Act, "manager", null, "invite-to-rest-area", null, "counter", 2000, 100, true, 45, null, null, null, Side.Customer),
            Samples.Turn(3, "customer", "好吧。") with { Stage = "rest-area" },
        ];

        var cut = Render<Transcript>(p => p
            .Add(x => x.Turns, turns)
            .Add(x => x.RoleName, id => id == "manager" ? "经理C" : "顾客")
            .Add(x => x.ActionLabel, id => id == "invite-to-rest-area" ? "请到休息区" : id)
            .Add(x => x.StageTitle, id => id == "rest-area" ? "休息区" : "柜台"));

        Assert.Equal(["Stage: 柜台", "Stage: 休息区"], cut.FindAll(".stage-change").Select(s => s.TextContent));
        var act = cut.Find(".turn[data-seq='2']");
        Assert.Contains("请到休息区", act.TextContent, StringComparison.Ordinal);
        Assert.NotNull(act.QuerySelector(".bot-marker"));
        Assert.Null(cut.Find(".turn[data-seq='1']").QuerySelector(".bot-marker"));
    }

    [Fact]
    public void Stages_whose_titles_are_unknown_get_a_plain_divider_and_no_raw_id()
    {
        TurnMessage[] turns = [Samples.Turn(1, "customer", "a"), Samples.Turn(2, "customer", "b") with { Stage = "rest-area" }];

        var cut = Render<Transcript>(p => p
            .Add(x => x.Turns, turns)
            .Add(x => x.RoleName, id => id)
            .Add(x => x.StageTitle, _ => null));

        Assert.Equal(["The scene moves on"], cut.FindAll(".stage-change").Select(s => s.TextContent));
        Assert.DoesNotContain("rest-area", cut.Markup, StringComparison.Ordinal);
    }
}
