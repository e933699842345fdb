using System.Net;
using RolePlay.Client.Student;

namespace RolePlay.Client.Tests.Student;

public class JoinPageTests : StudentContext
{
    private static readonly JoinInfo Info = new(
        "ACD234", "蛋挞风波", "zh-CN", SessionState.Lobby,
        [new RoleSummary("customer", "顾客", true), new RoleSummary("clerk", "店员A", false), new RoleSummary("supervisor", "主管B", false)],
        [
            new JoinGroup("g1", "第1组", [new SeatInfo("seat-a", "customer", "小王", true)], ["supervisor"]),
            new JoinGroup("g2", "第2组", [], []),
        ]);

    [Fact]
    public void A_wrong_code_shows_the_servers_message()
    {
        Http.Problem("GET", "/api/join/ZZZZZZ", HttpStatusCode.NotFound, "No session has that join code; check the code on the projector.");

        var cut = Render<Join>(p => p.Add(x => x.Code, "zz zz-zz"));

        cut.WaitForAssertion(() => Assert.Equal("No session has that join code; check the code on the projector.", cut.Find("[role=alert]").TextContent));
        Assert.Equal(["/api/join/ZZZZZZ"], Http.Requests.Select(r => r.Path));
        Assert.Empty(cut.FindAll("#join-name"));
    }

    [Fact]
    public void A_code_typed_in_lower_case_with_spaces_finds_the_session()
    {
        Http.Json200("GET", "/api/join/ACD234", Info);
        var cut = Render<Join>();

        cut.Find("#join-code").Input(" acd 234 ");
        cut.Find("form.code").Submit();

        cut.WaitForAssertion(() => Assert.Equal("蛋挞风波", cut.Find("h2").TextContent));
        Assert.Equal("ACD234", cut.Find("#join-code").GetAttribute("value"));
    }

    [Fact]
    public void Seats_show_who_took_them_and_which_roles_bots_play()
    {
        Http.Json200("GET", "/api/join/ACD234", Info);
        var cut = Render<Join>(p => p.Add(x => x.Code, "ACD234"));

        cut.WaitForAssertion(() => cut.Find("#join-name"));
        var customer = cut.Find("input[id$='-g1-customer']");
        Assert.True(customer.HasAttribute("disabled"));
        Assert.Contains("taken by 小王", cut.Find($"label[for='{customer.Id}']").TextContent);
        Assert.Contains("a bot plays it", cut.Find($"label[for='{cut.Find("input[id$='-g1-supervisor']").Id}']").TextContent);
        Assert.False(cut.Find("input[id$='-g2-customer']").HasAttribute("disabled"));
        Assert.Equal(2, cut.FindAll("input[id$='-observer']").Count);
    }

    [Fact]
    public void Joining_stores_the_token_and_goes_to_the_seat()
    {
        Http.Json200("GET", "/api/join/ACD234", Info);
        Hub.JoinResult = new JoinResult("secret-token", "g1", "clerk", Samples.Snapshot());
        var save = JSInterop.SetupVoid("roleplay.save", "roleplay.seat", "secret-token");
        save.SetVoidResult();
        var cut = Render<Join>(p => p.Add(x => x.Code, "ACD234"));
        cut.WaitForAssertion(() => cut.Find("#join-name"));

        cut.Find("#join-name").Input("小明");
        cut.Find("input[id$='-g1-clerk']").Change(true);
        cut.Find("form.seat-form").Submit();

        cut.WaitForAssertion(() => Assert.EndsWith("/play", CurrentUri, StringComparison.Ordinal));
        Assert.Equal(["Join ACD234 小明 clerk g1"], Hub.Calls);
        Assert.Single(save.Invocations);
    }

    [Fact]
    public void Put_me_anywhere_free_asks_for_the_first_free_role_without_a_group()
    {
        Http.Json200("GET", "/api/join/ACD234", Info);
        Hub.JoinResult = new JoinResult("t", "g1", "clerk", Samples.Snapshot());
        var cut = Render<Join>(p => p.Add(x => x.Code, "ACD234"));
        cut.WaitForAssertion(() => cut.Find("#join-name"));

        cut.Find("#join-name").Input("小明");
        cut.FindAll("button").Single(b => b.TextContent == "Put me anywhere free").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Join ACD234 小明 clerk "], Hub.Calls));
    }

    [Fact]
    public void A_refused_join_shows_the_servers_sentence_and_keeps_the_form()
    {
        Http.Json200("GET", "/api/join/ACD234", Info);
        Hub.FailWith = new(RefusalCode.SeatTaken, "The clerk seat in 第1组 is taken; choose another role or group.");
        var cut = Render<Join>(p => p.Add(x => x.Code, "ACD234"));
        cut.WaitForAssertion(() => cut.Find("#join-name"));

        cut.Find("#join-name").Input("小明");
        cut.Find("input[id$='-g1-clerk']").Change(true);
        cut.Find("form.seat-form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(Hub.FailWith.Text, cut.Find("[role=alert]").TextContent));
        Assert.Equal("小明", cut.Find("#join-name").GetAttribute("value"));
        Assert.True(cut.Find("input[id$='-g1-clerk']").HasAttribute("checked"));
        Assert.DoesNotContain("/play", CurrentUri, StringComparison.Ordinal);
        JSInterop.VerifyNotInvoke("roleplay.save");
    }

    [Fact]
    public void Joining_without_a_name_asks_for_one_and_calls_nothing()
    {
        Http.Json200("GET", "/api/join/ACD234", Info);
        var cut = Render<Join>(p => p.Add(x => x.Code, "ACD234"));
        cut.WaitForAssertion(() => cut.Find("#join-name"));

        cut.Find("input[id$='-g2-customer']").Change(true);
        cut.Find("form.seat-form").Submit();

        Assert.Contains("Type your name", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Hub.Calls);
    }
}
