using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>Natural turns and roles called into the scene, through the real server with real SignalR clients.</summary>
public sealed class SceneFlowLiveTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_customer_adds_a_line_and_a_supervisors_words_call_the_waiting_manager_in()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-zh");
        var code = session.GetProperty("joinCode").GetString()!;
        var players = new Dictionary<string, Player>();
        foreach (var role in new[] { "customer", "clerk", "supervisor", "manager" })
        {
            players[role] = await Player.JoinAsync(_server, code, "Student " + role, role);
        }

        var waiting = players["manager"].Joined.GetProperty("snapshot").GetProperty("stage").GetProperty("waiting").EnumerateArray()
            .Single(w => w.GetProperty("role").GetString() == "manager");
        Assert.True(waiting.GetProperty("canStepIn").GetBoolean());
        Assert.Contains(waiting.GetProperty("waysIn").EnumerateArray(), w => w.GetString()!.Contains("我去请店长过来", StringComparison.Ordinal));

        await _server.StartSessionAsync(session.GetProperty("sessionId").GetString()!);
        var refused = await Assert.ThrowsAsync<HubException>(() => players["manager"].SayAsync("您好。"));
        Assert.Contains("not in the scene", refused.Message);

        await players["clerk"].SayAsync("哎呀，这夹子是不太好使，您别介意。");
        await players["customer"].SayAsync("我又不是故意的。");
        await players["customer"].SayAsync("这夹子也太难用了！");
        await players["clerk"].SayAsync("您说得对，真对不起，我这就请领班过来帮您处理。");
        await players["customer"].SayAsync("处理什么？要我赔吗？");
        var call = await players["supervisor"].SayAsync("您放心，不用您赔。您稍等，我去请我们店长过来。");

        Assert.Equal("manager", Assert.Single(call.GetProperty("joined").EnumerateArray()).GetString());
        await players["manager"].WaitUntilAsync(() => players["manager"].Stages.Any(s => s.GetProperty("present").EnumerateArray().Any(r => r.GetString() == "manager")));
        var answer = await players["manager"].SayAsync("大姐您好，我是店长。这边人多，请您到休闲区坐一下，我给您倒杯热茶。");
        Assert.Equal("manager", answer.GetProperty("role").GetString());
        foreach (var p in players.Values)
        {
            await p.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_waiting_player_steps_in_where_the_scenario_allows_it_and_the_instructor_brings_in_another()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var code = session.GetProperty("joinCode").GetString()!;
        var manager = await Player.JoinAsync(_server, code, "Mei", "manager");
        var clerk = await Player.JoinAsync(_server, code, "Li", "clerk");
        var instructor = await Player.ConnectAsync(_server, instructor: true);
        var sessionId = session.GetProperty("sessionId").GetString()!;
        await _server.StartSessionAsync(sessionId);

        await manager.Connection.InvokeAsync("StepIn");
        await manager.WaitUntilAsync(() => manager.Turns.Any(t => t.GetProperty("kind").GetString() == "join"));
        var join = manager.Turns.Single(t => t.GetProperty("kind").GetString() == "join");
        Assert.Equal("manager", join.GetProperty("role").GetString());
        Assert.Equal("step-in", join.GetProperty("event").GetString());
        var again = await Assert.ThrowsAsync<HubException>(() => manager.Connection.InvokeAsync("StepIn"));
        Assert.Contains("already in the scene", again.Message);

        await instructor.Connection.InvokeAsync("BringIn", manager.GroupId, "supervisor");
        await clerk.WaitUntilAsync(() => clerk.Stages.Any(s => s.GetProperty("present").EnumerateArray().Any(r => r.GetString() == "supervisor")));
        var transcript = await _server.TranscriptAsync(manager.GroupId);
        Assert.Equal(
            [("join", "manager", "step-in"), ("join", "supervisor", "instructor")],
            transcript.GetProperty("turns").EnumerateArray().Select(t => (t.GetProperty("kind").GetString(), t.GetProperty("role").GetString(), t.GetProperty("event").GetString())));
        var notInstructor = await Assert.ThrowsAsync<HubException>(() => clerk.Connection.InvokeAsync("BringIn", clerk.GroupId, "manager"));
        Assert.Contains("instructor", notInstructor.Message, StringComparison.OrdinalIgnoreCase);

        await manager.DisposeAsync();
        await clerk.DisposeAsync();
        await instructor.DisposeAsync();
    }
}
