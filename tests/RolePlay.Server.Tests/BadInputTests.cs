using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>Every bad input gets a clear error and changes nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private ServerProcess _server = null!;
    private string _code = null!;
    private string _sessionId = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync();
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en", groups: 2);
        _code = session.JoinCode;
        _sessionId = session.SessionId;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Wrong_join_code_and_unknown_role_are_refused_with_what_to_do()
    {
        await using var p = await Player.ConnectAsync(_server);

        Assert.Contains("join code", await Refusals.With(RefusalCode.JoinCodeUnknown, () => p.TryJoinAsync("ZZZZZZ", "A", "clerk")));
        Assert.Contains("choose one of", await Refusals.With(RefusalCode.RoleUnknown, () => p.TryJoinAsync(_code, "A", "ceo")));
        Assert.Contains("name", await Refusals.With(RefusalCode.NameRequired, () => p.TryJoinAsync(_code, " ", "clerk")));
    }

    [Fact]
    public async Task A_taken_seat_cannot_be_taken_twice()
    {
        await using var first = await Player.JoinAsync(_server, _code, "First", "supervisor");
        await using var second = await Player.ConnectAsync(_server);

        var message = await Refusals.With(RefusalCode.SeatTaken, () => second.TryJoinAsync(_code, "Second", "supervisor", first.GroupId));

        Assert.Contains("taken", message);
    }

    [Fact]
    public async Task Students_cannot_speak_before_start_before_coming_into_the_scene_or_as_observers_and_bad_text_is_refused()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var code = session.JoinCode;
        await using var customer = await Player.JoinAsync(_server, code, "Cu", "customer");
        await using var clerk = await Player.JoinAsync(_server, code, "Cl", "clerk");
        await using var observer = await Player.JoinAsync(_server, code, "Ob", "observer");
        await using var manager = await Player.JoinAsync(_server, code, "Ma", "manager");

        Assert.Contains("not started", await Refusals.With(RefusalCode.SessionNotStarted, () => clerk.SayAsync("Hello")));
        await _server.StartSessionAsync(session.SessionId);

        Assert.Contains("not in the scene", await Refusals.With(RefusalCode.PlayRule, () => manager.SayAsync("I'm the manager")));
        Assert.Contains("not in the scene", await Refusals.With(RefusalCode.PlayRule, () => manager.ActAsync("invite-to-rest-area")));
        Assert.Contains("there are none at this stage", await Refusals.With(RefusalCode.PlayRule, () => customer.ActAsync("call-supervisor")));
        Assert.Contains("Observers", await Refusals.With(RefusalCode.NotYourRole, () => observer.SayAsync("Hi")));
        Assert.Contains("empty", await Refusals.With(RefusalCode.EmptyText, () => clerk.SayAsync("   ")));
        Assert.Contains("2000", await Refusals.With(RefusalCode.TooLong, () => clerk.SayAsync(new string('x', 2001))));
        Assert.Contains("not an action", await Refusals.With(RefusalCode.PlayRule, () => clerk.ActAsync("refund-everything")));

        var transcript = await _server.TranscriptAsync(clerk.GroupId);
        Assert.Empty(transcript.Turns);
    }

    [Fact]
    public async Task Hostile_text_is_kept_as_plain_text_and_escaped_in_markdown()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        await using var clerk = await Player.JoinAsync(_server, session.JoinCode, "<b>Cl</b>", "clerk");
        await _server.StartSessionAsync(session.SessionId);
        const string hostile = "<script>alert('x')</script> **bold** [link](javascript:alert(1))";

        var turn = await clerk.SayAsync(hostile);

        Assert.Equal(hostile, turn.Text);
        var markdown = await _server.Http.GetStringAsync($"/api/groups/{clerk.GroupId}/transcript.md");
        Assert.DoesNotContain("<script>", markdown);
        Assert.Contains("\\<script\\>", markdown);
    }

    [Fact]
    public async Task Instructor_methods_and_transcripts_need_the_key()
    {
        await using var student = await Player.ConnectAsync(_server);
        using var anonymous = new HttpClient { BaseAddress = _server.Url };

        Assert.Contains("instructor", await Refusals.With(RefusalCode.InstructorOnly, () => student.Connection.InvokeAsync(nameof(IRolePlayHub.EndSession), _sessionId)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/sessions/{_sessionId}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/login", new { key = "guess" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/login", new { key = ServerProcess.Key })).StatusCode);
    }

    [Fact]
    public async Task Unknown_scenario_is_a_bad_request_naming_the_list()
    {
        var response = await _server.Http.PostAsJsonAsync("/api/sessions", new { scenarioId = "no-such-case", groups = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Equal(RefusalCode.ScenarioUnknown, problem.Code);
        Assert.Contains("/api/scenarios", problem.Detail);
    }

    [Fact]
    public async Task A_hub_connection_from_a_foreign_origin_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/roleplay/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "http://evil.example");
        using var same = new HttpRequestMessage(HttpMethod.Post, "/hubs/roleplay/negotiate?negotiateVersion=1");
        same.Headers.Add("Origin", _server.Url.GetLeftPart(UriPartial.Authority));

        var refused = await _server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(RefusalCode.ForeignOrigin, (await Problem.ReadAsync(refused)).Code);
        Assert.Equal(HttpStatusCode.OK, (await _server.Http.SendAsync(same)).StatusCode);
    }

    [Fact]
    public async Task A_flooding_client_is_throttled_while_others_go_on()
    {
        await using var flooder = await Player.ConnectAsync(_server);
        await using var other = await Player.ConnectAsync(_server);

        var calls = Enumerable.Range(0, 60).Select(_ => flooder.Connection.InvokeAsync(nameof(IRolePlayHub.Say), "spam")).ToList();
        var messages = new List<string>();
        foreach (var call in calls)
        {
            try
            {
                await call;
            }
            catch (HubException ex)
            {
                messages.Add(ex.Message);
            }
        }

        Assert.Contains(messages, m => HubRefusal.Parse(m) is { Code: RefusalCode.TooFast } refusal && refusal.Text.Contains("too fast"));
        Assert.Contains("no seat", await Refusals.With(RefusalCode.NoSeatYet, () => other.SayAsync("hello")));
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_only_that_connection_and_records_nothing()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        await using var clerk = await Player.JoinAsync(_server, session.JoinCode, "Cl", "clerk");
        await _server.StartSessionAsync(session.SessionId);

        await Assert.ThrowsAnyAsync<Exception>(() => clerk.SayAsync(new string('x', 40_000)));

        var transcript = await _server.TranscriptAsync(clerk.GroupId);
        Assert.Empty(transcript.Turns);
    }
}
