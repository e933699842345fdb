using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Client.Instructor;

namespace RolePlay.Client.Tests.Instructor;

public class InstructorPageTests : InstructorTestContext
{
    private static readonly ScenarioSummary EggTart = new(
        "bakery-egg-tart-zh", "蛋挞风波", "zh-CN", ["customer", "clerk"], "顾客夹碎了两只蛋挞。",
        [new RoleSummary("customer", "顾客", true), new RoleSummary("clerk", "店员A", false)]);

    private static readonly ScenarioSummary TapeDeck = new(
        "car-tape-deck-en", "The $50 tape deck", "en", ["customer", "clerk"], "A bill nobody explained.",
        [new RoleSummary("customer", "Mr Chen", true), new RoleSummary("clerk", "Service clerk", false)]);

    private void LoggedIn(params ScenarioSummary[] scenarios)
    {
        Http.Json200("GET", "/api/sessions", Array.Empty<object>());
        Http.Json200("GET", "/api/scenarios", scenarios);
    }

    [Fact]
    public void A_wrong_key_says_so_and_the_library_stays_hidden()
    {
        Http.Status("GET", "/api/sessions", HttpStatusCode.Unauthorized);
        Http.Status("POST", "/api/login", HttpStatusCode.Unauthorized);
        var cut = Render<InstructorPage>();

        cut.WaitForElement("#instructor-key").Input("not-the-key");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("That key is not right", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#library-title"));
        Assert.DoesNotContain(Http.Requests, r => r.Path == "/api/scenarios");
        Assert.Equal("""{"key":"not-the-key"}""", Assert.Single(Http.BodiesOf("POST", "/api/login")));
    }

    [Fact]
    public void The_login_form_explains_where_the_key_is_and_labels_a_password_input()
    {
        Http.Status("GET", "/api/sessions", HttpStatusCode.Unauthorized);
        var cut = Render<InstructorPage>();

        var input = cut.WaitForElement("#instructor-key");
        Assert.Equal("password", input.GetAttribute("type"));
        Assert.Equal("Instructor key", cut.Find("label[for=instructor-key]").TextContent);
        Assert.Contains("instructor.key", cut.Find(".login").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_right_key_opens_the_library_with_titles_languages_and_roles()
    {
        Http.Status("GET", "/api/sessions", HttpStatusCode.Unauthorized);
        Http.Status("POST", "/api/login", HttpStatusCode.NoContent);
        Http.Json200("GET", "/api/scenarios", new[] { EggTart, TapeDeck });
        var cut = Render<InstructorPage>();

        cut.WaitForElement("#instructor-key").Input("dev");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("article.scenario").Count));
        var egg = cut.FindAll("article.scenario")[0];
        Assert.Equal("蛋挞风波", egg.QuerySelector("h3")!.TextContent);
        Assert.Equal("中文", egg.QuerySelector(".locale-badge")!.TextContent);
        Assert.Contains("(Customer)", egg.QuerySelector(".roles li.customer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("English", cut.FindAll("article.scenario")[1].QuerySelector(".locale-badge")!.TextContent);
    }

    [Fact]
    public void The_language_filter_shows_only_scenarios_in_that_language()
    {
        LoggedIn(EggTart, TapeDeck);
        var cut = Render<InstructorPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("article.scenario").Count));

        cut.Find("#language-filter").Change("en");

        var title = Assert.Single(cut.FindAll("article.scenario h3"));
        Assert.Equal("The $50 tape deck", title.TextContent);
    }

    [Fact]
    public void Logging_out_brings_back_the_login_form()
    {
        LoggedIn(EggTart);
        Http.Status("POST", "/api/logout", HttpStatusCode.NoContent);
        var cut = Render<InstructorPage>();
        cut.WaitForElement("article.scenario");

        cut.Find(".page-head button").Click();

        cut.WaitForElement("#instructor-key");
        Assert.Empty(cut.FindAll("article.scenario"));
    }

    [Fact]
    public void Launching_posts_the_chosen_groups_bots_and_feedback_and_opens_the_session()
    {
        LoggedIn(EggTart);
        Http.Json200("POST", "/api/sessions", new CreateSessionResponse("s42", "ABC123", "http://localhost/join/ABC123", []));
        var cut = Render<InstructorPage>();
        cut.WaitForElement("article.scenario");

        cut.Find("#groups-bakery-egg-tart-zh").Change("7");
        cut.Find("form.launch input[name=bots]").Change(false);
        cut.Find("form.launch").Submit();

        cut.WaitForAssertion(() => Assert.Single(Http.BodiesOf("POST", "/api/sessions")));
        using var body = JsonDocument.Parse(Http.BodiesOf("POST", "/api/sessions")[0]!);
        Assert.Equal("bakery-egg-tart-zh", body.RootElement.GetProperty("scenarioId").GetString());
        Assert.Equal(7, body.RootElement.GetProperty("groups").GetInt32());
        Assert.False(body.RootElement.GetProperty("bots").GetBoolean());
        Assert.True(body.RootElement.GetProperty("liveFeedback").GetBoolean());
        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Equal("http://localhost/instructor/sessions/s42", navigation.Uri));
    }

    [Fact]
    public void A_group_count_out_of_range_is_refused_before_anything_is_sent()
    {
        LoggedIn(EggTart);
        var cut = Render<InstructorPage>();
        cut.WaitForElement("article.scenario");

        cut.Find("#groups-bakery-egg-tart-zh").Change("201");
        cut.Find("form.launch").Submit();

        Assert.Contains("From 1 to 200 groups", cut.Find("form.launch [role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Http.BodiesOf("POST", "/api/sessions"));
    }

    [Fact]
    public void A_refused_launch_shows_the_servers_reason()
    {
        LoggedIn(EggTart);
        Http.Problem("POST", "/api/sessions", HttpStatusCode.BadRequest, "No scenario has the id 'bakery-egg-tart-zh'.");
        var cut = Render<InstructorPage>();
        cut.WaitForElement("article.scenario");

        cut.Find("form.launch").Submit();

        cut.WaitForAssertion(() => Assert.Equal("No scenario has the id 'bakery-egg-tart-zh'.", cut.Find("form.launch [role=alert]").TextContent));
        Assert.Equal("http://localhost/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void An_invalid_upload_lists_every_error_line()
    {
        LoggedIn(EggTart);
        Http.Problem("POST", "/api/scenarios?fileName=bad.yaml", HttpStatusCode.BadRequest, "The scenario has 2 errors.",
            "bad.yaml:3:5: unknown field 'titel'", "bad.yaml:12:7: stage 'counter' has no way out");
        var cut = Render<InstructorPage>();
        cut.WaitForElement("article.scenario");

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText("id: broken\n", "bad.yaml"));

        cut.WaitForAssertion(() => Assert.Equal(
            ["bad.yaml:3:5: unknown field 'titel'", "bad.yaml:12:7: stage 'counter' has no way out"],
            cut.FindAll(".upload .errors li").Select(li => li.TextContent)));
        Assert.Contains("The scenario has 2 errors.", cut.Find(".upload [role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal("id: broken\n", Assert.Single(Http.BodiesOf("POST", "/api/scenarios?fileName=bad.yaml")));
    }

    [Fact]
    public void A_valid_upload_says_so_and_the_library_shows_the_new_scenario()
    {
        Http.Json200("GET", "/api/sessions", Array.Empty<object>());
        Http.Json200("GET", "/api/scenarios", new[] { EggTart });
        Http.Json200("GET", "/api/scenarios", new[] { EggTart, TapeDeck });
        Http.Json200("POST", "/api/scenarios?fileName=tape.yml", TapeDeck);
        var cut = Render<InstructorPage>();
        cut.WaitForElement("article.scenario");

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText("id: car-tape-deck-en\n", "tape.yml"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("article.scenario").Count));
        Assert.Contains("The $50 tape deck", cut.Find(".upload .alert.ok").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_not_sent()
    {
        LoggedIn(EggTart);
        var cut = Render<InstructorPage>();
        cut.WaitForElement("article.scenario");

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText("hello", "notes.txt"));

        cut.WaitForAssertion(() => Assert.Contains(".yaml", cut.Find(".upload [role=alert]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(Http.Requests, r => r.Method == "POST");
    }

    [Fact]
    public void The_stage_graph_toggle_draws_the_mermaid_text_with_the_graph_script()
    {
        LoggedIn(EggTart);
        Http.Text200("GET", "/api/scenarios/bakery-egg-tart-zh/graph?format=mermaid", "stateDiagram-v2\n  [*] --> counter");
        var render = JSInterop.Setup<string?>("roleplayGraph.render", _ => true);
        render.SetResult(null);
        var cut = Render<InstructorPage>();
        cut.WaitForElement("article.scenario");

        var toggle = cut.Find(".graph-toggle");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        toggle.Click();

        cut.WaitForAssertion(() => Assert.Single(render.Invocations["roleplayGraph.render"]));
        Assert.Equal("stateDiagram-v2\n  [*] --> counter", render.Invocations["roleplayGraph.render"][0].Arguments[1]);
        Assert.Equal("true", cut.Find(".graph-toggle").GetAttribute("aria-expanded"));
        Assert.Empty(cut.FindAll(".stage-graph .alert"));
    }

    [Fact]
    public void A_graph_that_cannot_be_drawn_is_shown_as_text_with_a_note()
    {
        LoggedIn(EggTart);
        Http.Text200("GET", "/api/scenarios/bakery-egg-tart-zh/graph?format=mermaid", "stateDiagram-v2\n  [*] --> counter");
        JSInterop.Setup<string?>("roleplayGraph.render", _ => true).SetResult("The diagram library did not load.");
        var cut = Render<InstructorPage>();
        cut.WaitForElement("article.scenario");

        cut.Find(".graph-toggle").Click();

        cut.WaitForAssertion(() => Assert.Contains("could not be drawn", cut.Find(".stage-graph .alert").TextContent, StringComparison.Ordinal));
        Assert.True(cut.Find(".stage-graph details").HasAttribute("open"));
        Assert.Equal("stateDiagram-v2\n  [*] --> counter", cut.Find(".stage-graph pre").TextContent);
    }
}
