using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>The session state machine: nothing leaves <c>ended</c>, by HTTP or the hub, before or after a restart.</summary>
public sealed class SessionLifecycleTests
{
    [Fact]
    public async Task An_ended_session_cannot_be_paused_resumed_or_started_again_even_after_a_restart()
    {
        var server = await ServerProcess.StartAsync();
        string sessionId, code, groupId;
        try
        {
            var session = await server.CreateSessionAsync("bakery-egg-tart-en");
            (sessionId, code) = (session.SessionId, session.JoinCode);
            await using (var customer = await Player.JoinAsync(server, code, "Cl", "clerk"))
            {
                groupId = customer.GroupId;
                await server.StartSessionAsync(sessionId);
                await customer.SayAsync("I am so sorry, please don't worry about the tarts.");
                (await server.Http.PostAsync($"/api/sessions/{sessionId}/end", null)).EnsureSuccessStatusCode();

                await AssertStaysEnded(server, sessionId, code, groupId, turns: 1);
                Assert.Contains("ended", await Refusals.With(RefusalCode.SessionEnded, () => customer.SayAsync("Hello?")));
            }

            await using var instructor = await Player.ConnectAsync(server, instructor: true);
            Assert.Contains("ended", await Refusals.With(RefusalCode.SessionEnded, () => instructor.Connection.InvokeAsync(nameof(IRolePlayHub.PauseSession), sessionId)));
            Assert.Contains("ended", await Refusals.With(RefusalCode.SessionEnded, () => instructor.Connection.InvokeAsync(nameof(IRolePlayHub.StartSession), sessionId)));
            await AssertStaysEnded(server, sessionId, code, groupId, turns: 1);
        }
        finally
        {
            await server.DisposeAsync();
        }

        await using var restarted = await ServerProcess.StartAsync(server.DataDir);
        await AssertStaysEnded(restarted, sessionId, code, groupId, turns: 1);
    }

    [Fact]
    public async Task Ending_twice_is_harmless_and_pausing_before_the_start_is_refused()
    {
        await using var server = await ServerProcess.StartAsync();
        var session = await server.CreateSessionAsync("bakery-egg-tart-en");
        var sessionId = session.SessionId;

        var pause = await server.Http.PostAsync($"/api/sessions/{sessionId}/pause", null);
        Assert.Equal(HttpStatusCode.Conflict, pause.StatusCode);
        var problem = await Problem.ReadAsync(pause);
        Assert.Equal(RefusalCode.SessionNotStarted, problem.Code);
        Assert.Contains("start it first", problem.Detail);
        Assert.Equal(SessionState.Lobby, await State(server, sessionId));

        Assert.Equal(HttpStatusCode.NoContent, (await server.Http.PostAsync($"/api/sessions/{sessionId}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Http.PostAsync($"/api/sessions/{sessionId}/end", null)).StatusCode);
        Assert.Equal(SessionState.Ended, await State(server, sessionId));
    }

    private static async Task AssertStaysEnded(ServerProcess server, string sessionId, string code, string groupId, int turns)
    {
        foreach (var verb in new[] { "pause", "resume", "start", "pause", "resume" })
        {
            var response = await server.Http.PostAsync($"/api/sessions/{sessionId}/{verb}", null);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await Problem.ReadAsync(response);
            Assert.Equal((409, RefusalCode.SessionEnded), (problem.Status, problem.Code));
            Assert.Contains("ended", problem.Detail);
        }

        Assert.Equal(SessionState.Ended, await State(server, sessionId));
        Assert.Equal(HttpStatusCode.Gone, (await server.Http.GetAsync($"/api/join/{code}")).StatusCode);
        await using var latecomer = await Player.ConnectAsync(server);
        Assert.Contains("ended", await Refusals.With(RefusalCode.JoinCodeEnded, () => latecomer.TryJoinAsync(code, "Late", "clerk")));
        Assert.Equal(turns, (await server.TranscriptAsync(groupId)).Turns.Count);
    }

    private static async Task<SessionState> State(ServerProcess server, string sessionId) =>
        (await server.Http.GetFromJsonAsync<SessionSummary>($"/api/sessions/{sessionId}"))!.State;
}
