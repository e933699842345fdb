using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
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
            (sessionId, code) = (session.GetProperty("sessionId").GetString()!, session.GetProperty("joinCode").GetString()!);
            await using (var customer = await Player.JoinAsync(server, code, "Cl", "clerk"))
            {
                groupId = customer.GroupId;
                await server.StartSessionAsync(sessionId);
                await customer.SayAsync("I am so sorry, please don't worry about the tarts.");
                (await server.Http.PostAsync($"/api/sessions/{sessionId}/end", null)).EnsureSuccessStatusCode();

                await AssertStaysEnded(server, sessionId, code, groupId, turns: 1);
                Assert.Contains("ended", (await Assert.ThrowsAsync<HubException>(() => customer.SayAsync("Hello?"))).Message);
            }

            await using var instructor = await Player.ConnectAsync(server, instructor: true);
            Assert.Contains("ended", (await Assert.ThrowsAsync<HubException>(() => instructor.Connection.InvokeAsync("PauseSession", sessionId))).Message);
            Assert.Contains("ended", (await Assert.ThrowsAsync<HubException>(() => instructor.Connection.InvokeAsync("StartSession", sessionId))).Message);
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
        var sessionId = session.GetProperty("sessionId").GetString()!;

        var pause = await server.Http.PostAsync($"/api/sessions/{sessionId}/pause", null);
        Assert.Equal(HttpStatusCode.Conflict, pause.StatusCode);
        Assert.Contains("start it first", await pause.Content.ReadAsStringAsync());
        Assert.Equal("lobby", await State(server, sessionId));

        Assert.Equal(HttpStatusCode.NoContent, (await server.Http.PostAsync($"/api/sessions/{sessionId}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Http.PostAsync($"/api/sessions/{sessionId}/end", null)).StatusCode);
        Assert.Equal("ended", await State(server, sessionId));
    }

    private static async Task AssertStaysEnded(ServerProcess server, string sessionId, string code, string groupId, int turns)
    {
        foreach (var verb in new[] { "pause", "resume", "start", "pause", "resume" })
        {
            var response = await server.Http.PostAsync($"/api/sessions/{sessionId}/{verb}", null);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("ended", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal("ended", await State(server, sessionId));
        Assert.Equal(HttpStatusCode.Gone, (await server.Http.GetAsync($"/api/join/{code}")).StatusCode);
        await using var latecomer = await Player.ConnectAsync(server);
        var refused = await Assert.ThrowsAsync<HubException>(() => latecomer.Connection.InvokeAsync<JsonElement>("Join", new { joinCode = code, name = "Late", role = "clerk", groupId = (string?)null }));
        Assert.Contains("ended", refused.Message);
        Assert.Equal(turns, (await server.TranscriptAsync(groupId)).GetProperty("turns").GetArrayLength());
    }

    private static async Task<string> State(ServerProcess server, string sessionId) =>
        (await server.Http.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}")).GetProperty("state").GetString()!;
}
