using Microsoft.Extensions.DependencyInjection;
using RolePlay.Client.Review;

namespace RolePlay.Client.Tests.Review;

public class ReviewSessionsTests : BunitContext
{
    private readonly FakeApiHandler _http = new();

    public ReviewSessionsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(_http.Api());
    }

    [Fact]
    public void Sessions_are_listed_newest_first_with_their_groups_and_a_live_link_only_while_not_ended()
    {
        _http.Json("api/sessions", new[]
        {
            new SessionSummary("old", "bakery", "蛋挞风波", "ABC123", SessionState.Ended, new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc), [new GroupSummary("g1", "第1组"), new GroupSummary("g2", "第2组")]),
            new SessionSummary("new", "repair", "The $50 repair bill", "XYZ789", SessionState.Running, new DateTime(2025, 3, 8, 8, 0, 0, DateTimeKind.Utc), [new GroupSummary("g3", "Group 1")]),
        });

        var cut = Render<ReviewSessions>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("li.session").Count));
        var sessions = cut.FindAll("li.session");
        Assert.Equal("The $50 repair bill", sessions[0].QuerySelector("h2")!.TextContent);
        Assert.Contains("in play", sessions[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("XYZ789", sessions[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("instructor/sessions/new", sessions[0].QuerySelector(".live-link")!.GetAttribute("href"));
        Assert.Null(sessions[1].QuerySelector(".live-link"));
        Assert.Contains("ended", sessions[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(["review/groups/g1", "review/groups/g2"], sessions[1].QuerySelectorAll(".groups a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2025-03-01T08:00:00.0000000Z", sessions[1].QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public void On_request_a_session_shows_how_often_observers_agreed_with_the_engine_per_principle()
    {
        _http.Json("api/sessions", new[]
        {
            new SessionSummary("s1", "bakery", "蛋挞风波", "ABC123", SessionState.Ended, new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc), [new GroupSummary("g1", "第1组")]),
        });
        _http.Json("api/sessions/s1/agreement", new[]
        {
            new PrincipleAgreementView("customer-first", 12, 0.75, 0.5, new("Guests are always right", "客人永远是对的"), new("Guests first", "客人优先")),
            new PrincipleAgreementView("prompt-sincere", 3, 1.0, null),
            new PrincipleAgreementView("off-scene", 0, null, null),
            new PrincipleAgreementView("affirm", 0, null, null),
            new PrincipleAgreementView("resolve", 0, null, null),
        });

        var cut = Render<ReviewSessions>();
        cut.WaitForAssertion(() => cut.Find("button.session-agreement-show"));
        Assert.Empty(cut.FindAll("table.session-agreement"));

        cut.Find("button.session-agreement-show").Click();

        cut.WaitForAssertion(() => cut.Find("table.session-agreement"));
        Assert.Equal(["12", "75%", "0.50"], cut.FindAll("table.session-agreement tr[data-principle=customer-first] td").Select(td => td.TextContent));
        Assert.Equal(["3", "100%", "–"], cut.FindAll("table.session-agreement tr[data-principle=prompt-sincere] td").Select(td => td.TextContent));

        // Names come with the rows, from the server's rubric; a row without one shows its id.
        var named = cut.Find("table.session-agreement tr[data-principle=customer-first] th");
        Assert.Equal("Guests first", named.TextContent);
        Assert.Equal("Guests are always right", named.GetAttribute("title"));
        Assert.Equal("prompt-sincere", cut.Find("table.session-agreement tr[data-principle=prompt-sincere] th").TextContent);
    }

    [Fact]
    public void A_session_nobody_rated_says_so_instead_of_an_empty_table()
    {
        _http.Json("api/sessions", new[]
        {
            new SessionSummary("s2", "bakery", "蛋挞风波", "ABC123", SessionState.Ended, new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc), [new GroupSummary("g1", "第1组")]),
        });
        _http.Json("api/sessions/s2/agreement", new[] { "customer-first", "prompt-sincere", "off-scene", "affirm", "resolve" }.Select(p => new PrincipleAgreementView(p, 0, null, null)).ToArray());

        var cut = Render<ReviewSessions>();
        cut.WaitForAssertion(() => cut.Find("button.session-agreement-show"));
        cut.Find("button.session-agreement-show").Click();

        cut.WaitForAssertion(() => Assert.Contains("No observer rated", cut.Find(".session-agreement-none").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_non_instructor_is_told_so_and_sent_to_log_in()
    {
        _http.Instructor = false;

        var cut = Render<ReviewSessions>();

        cut.WaitForAssertion(() => Assert.Contains("instructor only", cut.Find(".login-hint").TextContent, StringComparison.Ordinal));
        Assert.Equal("instructor", cut.Find(".login-hint a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("li.session"));
    }
}
