using Microsoft.AspNetCore.SignalR.Client;
using RolePlay.Core.Engine;

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
        var code = session.JoinCode;
        var players = new Dictionary<string, Player>();
        foreach (var role in new[] { "customer", "clerk", "supervisor", "manager" })
        {
            players[role] = await Player.JoinAsync(_server, code, "Student " + role, role);
        }

        var waiting = players["manager"].Joined.Snapshot.Stage.Waiting!.Single(w => w.Role == "manager");
        Assert.True(waiting.CanStepIn);
        Assert.Contains(waiting.WaysIn, w => w.Contains("我去请店长过来", StringComparison.Ordinal));

        await _server.StartSessionAsync(session.SessionId);
        Assert.Contains("not in the scene", await Refusals.With(RefusalCode.PlayRule, () => players["manager"].SayAsync("您好。")));

        await players["clerk"].SayAsync("哎呀，这夹子是不太好使，您别介意。");
        await players["customer"].SayAsync("我又不是故意的。");
        await players["customer"].SayAsync("这夹子也太难用了！");
        await players["clerk"].SayAsync("您说得对，真对不起，我这就请领班过来帮您处理。");
        await players["customer"].SayAsync("处理什么？要我赔吗？");
        var call = await players["supervisor"].SayAsync("您放心，不用您赔。您稍等，我去请我们店长过来。");

        Assert.Equal("manager", Assert.Single(call.Joined!));
        await players["manager"].WaitUntilAsync(() => players["manager"].Stages.Any(s => s.Present?.Contains("manager") == true));
        var answer = await players["manager"].SayAsync("大姐您好，我是店长。这边人多，请您到休闲区坐一下，我给您倒杯热茶。");
        Assert.Equal("manager", answer.Role);
        foreach (var p in players.Values)
        {
            await p.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_waiting_player_steps_in_where_the_scenario_allows_it_and_the_instructor_brings_in_another()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var code = session.JoinCode;
        var manager = await Player.JoinAsync(_server, code, "Mei", "manager");
        var clerk = await Player.JoinAsync(_server, code, "Li", "clerk");
        var instructor = await Player.ConnectAsync(_server, instructor: true);
        var sessionId = session.SessionId;
        await _server.StartSessionAsync(sessionId);

        await manager.Connection.InvokeAsync(nameof(IRolePlayHub.StepIn));
        await manager.WaitUntilAsync(() => manager.Turns.Any(t => t.Kind == TurnKind.Join));
        var join = manager.Turns.Single(t => t.Kind == TurnKind.Join);
        Assert.Equal("manager", join.Role);
        Assert.Equal(JoinReasons.StepIn, join.Event);
        Assert.Contains("already in the scene", await Refusals.With(RefusalCode.PlayRule, () => manager.Connection.InvokeAsync(nameof(IRolePlayHub.StepIn))));

        await instructor.Connection.InvokeAsync(nameof(IRolePlayHub.BringIn), manager.GroupId, "supervisor");
        await clerk.WaitUntilAsync(() => clerk.Stages.Any(s => s.Present?.Contains("supervisor") == true));
        var transcript = await _server.TranscriptAsync(manager.GroupId);
        Assert.Equal(
            [(TurnKind.Join, "manager", JoinReasons.StepIn), (TurnKind.Join, "supervisor", JoinReasons.Instructor)],
            transcript.Turns.Select(t => (t.Kind, t.Role, t.Event)));
        var notInstructor = await Refusals.With(RefusalCode.InstructorOnly, () => clerk.Connection.InvokeAsync(nameof(IRolePlayHub.BringIn), clerk.GroupId, "manager"));
        Assert.Contains("instructor", notInstructor, StringComparison.OrdinalIgnoreCase);

        await manager.DisposeAsync();
        await clerk.DisposeAsync();
        await instructor.DisposeAsync();
    }
}
