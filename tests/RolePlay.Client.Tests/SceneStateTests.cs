using RolePlay.Client.Live;

namespace RolePlay.Client.Tests;

public class SceneStateTests
{
    [Fact]
    public void A_roster_change_adds_replaces_and_removes_single_seats_and_keeps_the_rest()
    {
        var scene = new SceneState(Samples.Snapshot());

        scene.Apply(new RosterMessage("g1", [new SeatInfo("seat-c", "manager", "小周", true)], [], ["supervisor"]));
        scene.Apply(new RosterMessage("g1", [new SeatInfo("seat-a", "customer", "小王", false)], [], ["supervisor"]));
        scene.Apply(new RosterMessage("g1", [], ["seat-b"], ["supervisor", "clerk"]));

        Assert.Equal(["seat-a", "seat-c"], scene.Roster.Select(s => s.SeatId));
        Assert.False(scene.Roster[0].Connected);
        Assert.Equal("小周", scene.Roster[1].Name);
        Assert.Equal(["supervisor", "clerk"], scene.BotRoles);
    }

    [Fact]
    public void A_turn_seen_in_the_snapshot_and_again_as_an_event_is_kept_once()
    {
        var scene = new SceneState(Samples.Snapshot(turns: [Samples.Turn(1, "customer", "我的蛋挞!")]));

        var added = scene.Apply(Samples.Turn(1, "customer", "我的蛋挞!"));

        Assert.False(added);
        Assert.Single(scene.Turns);
    }

    [Fact]
    public void Turns_arriving_out_of_order_are_shown_in_seq_order_and_move_the_mood()
    {
        var scene = new SceneState(Samples.Snapshot());

        scene.Apply(Samples.Turn(2, "clerk", "b", mood: 40));
        scene.Apply(Samples.Turn(1, "customer", "a", mood: 30));

        Assert.Equal([1, 2], scene.Turns.Select(t => t.Seq));
        Assert.Equal(30, scene.Mood.Value);
    }

    [Fact]
    public void Running_totals_add_up_each_principle_over_scored_turns()
    {
        var scene = new SceneState(Samples.Snapshot());
        scene.Apply(Samples.Turn(1, "clerk", "a", verdicts: new() { ["customer-first"] = -1, ["resolve"] = 1 }));
        scene.Apply(Samples.Turn(2, "manager", "b", verdicts: new() { ["customer-first"] = 1, ["resolve"] = 1 }));

        Assert.Equal(0, scene.Totals["customer-first"]);
        Assert.Equal(2, scene.Totals["resolve"]);
        Assert.Equal(0, scene.Totals["affirm"]);
    }

    [Fact]
    public void A_stage_event_brings_that_stages_actions()
    {
        var scene = new SceneState(Samples.Snapshot());

        scene.Apply(new StageInfo("g1", "rest-area", "休息区", "经理请顾客到休息区。",
            new Dictionary<string, IReadOnlyList<ActionInfo>> { ["manager"] = [new ActionInfo("offer-tea", "倒一杯茶")] }));

        Assert.Equal("offer-tea", Assert.Single(scene.ActionsFor("manager")).Id);
        Assert.Empty(scene.ActionsFor("clerk"));
    }

    [Fact]
    public void Stage_titles_and_action_labels_seen_earlier_are_remembered_after_the_stage_moves_on()
    {
        var scene = new SceneState(Samples.Snapshot());

        scene.Apply(new StageInfo("g1", "rest-area", "休息区", "经理请顾客到休息区。",
            new Dictionary<string, IReadOnlyList<ActionInfo>> { ["manager"] = [new ActionInfo("offer-tea", "倒一杯茶")] }));

        Assert.Equal("柜台", scene.StageTitle("counter"));
        Assert.Equal("休息区", scene.StageTitle("rest-area"));
        Assert.Null(scene.StageTitle("never-seen"));
        Assert.Equal("道歉", scene.ActionLabel("apologise"));
        Assert.Equal("倒一杯茶", scene.ActionLabel("offer-tea"));
        Assert.Equal("unknown-action", scene.ActionLabel("unknown-action"));
    }

    [Fact]
    public void Only_staff_lines_and_actions_count_as_staff_turns()
    {
        var scene = new SceneState(Samples.Snapshot());

        Assert.True(scene.IsStaffTurn(Samples.Turn(1, "clerk", "对不起")));
        Assert.False(scene.IsStaffTurn(Samples.Turn(2, "customer", "我的蛋挞!")));
        Assert.False(scene.IsStaffTurn(Samples.Turn(3, "clerk", "x") with { Kind = TurnKind.Clock }));
        Assert.True(scene.IsCustomer("customer"));
        Assert.False(scene.IsCustomer("manager"));
    }
}
