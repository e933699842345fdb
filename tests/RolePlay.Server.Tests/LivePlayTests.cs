using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using RolePlay.Core.Engine;

namespace RolePlay.Server.Tests;

public sealed class LivePlayTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Four_students_play_the_egg_tart_scene_to_resolved_and_every_seat_sees_every_turn_in_order()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-zh");
        var code = session.JoinCode;
        var players = new Dictionary<string, Player>();
        foreach (var role in new[] { "customer", "clerk", "supervisor", "manager" })
        {
            players[role] = await Player.JoinAsync(_server, code, "Student " + role, role);
        }

        await _server.StartSessionAsync(session.SessionId);
        var script = Script("egg-tart-good.zh.jsonl");
        var seq = 0;
        foreach (var (role, text) in script)
        {
            var turn = await players[role].SayAsync(text);
            seq++;
            Assert.Equal(seq, turn.Seq);
            foreach (var p in players.Values)
            {
                await p.WaitForSeqAsync(seq);
            }
        }

        foreach (var p in players.Values)
        {
            var ended = await p.WaitForEndedAsync();
            Assert.Equal("resolved", ended.OutcomeId);
            Assert.Equal(Enumerable.Range(1, seq), p.Turns.Select(t => t.Seq));
        }

        var staffTurn = players["customer"].Turns.First(t => t.Role == "clerk");
        Assert.Equal(1, staffTurn.Verdicts!["customer-first"]);

        var transcript = await _server.TranscriptAsync(players["clerk"].GroupId);
        Assert.Equal("resolved", transcript.Outcome.Id);
        Assert.Equal(seq, transcript.Turns.Count);
        Assert.Equal(["tongs", "counter", "apology-demand", "rest-area"], transcript.StagePath);

        foreach (var p in players.Values)
        {
            await p.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_solo_student_finishes_the_scene_against_bots()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en", bots: true);
        var student = await Player.JoinAsync(_server, session.JoinCode, "Solo", "customer");

        await _server.StartSessionAsync(session.SessionId);
        string[] lines = ["I didn't mean to break them.", "Well, the tongs are awkward.", "OK, that sounds fair.", "Thank you.", "Fine."];
        for (var i = 0; i < 15 && student.Ended.IsEmpty; i++)
        {
            // Speak whenever the last turn hands the move to the customer; bots answer in between.
            await student.WaitUntilAsync(() => !student.Ended.IsEmpty || student.Turns.LastOrDefault() is { Expecting: Side.Customer } last
                && last.Seq == student.Turns.Count);
            if (!student.Ended.IsEmpty)
            {
                break;
            }

            try
            {
                await student.SayAsync(lines[i % lines.Length]);
            }
            catch (Microsoft.AspNetCore.SignalR.HubException ex) when (ex.Message.Contains("has ended", StringComparison.Ordinal))
            {
                break; // a timed transition (the customer losing patience) ended the scene while this line was on its way
            }
        }

        var ended = await student.WaitForEndedAsync();
        Assert.False(string.IsNullOrEmpty(ended.OutcomeId));
        Assert.Contains(student.Turns, t => t.Bot && t.Role != "customer");
        Assert.DoesNotContain(student.Turns, t => t.Bot && t.Role == "customer");
        await student.DisposeAsync();
    }

    [Fact]
    public async Task A_dropped_student_rejoins_the_same_seat_and_catches_up()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var code = session.JoinCode;
        var clerk = await Player.JoinAsync(_server, code, "Ann", "clerk");
        var customer = await Player.JoinAsync(_server, code, "Bo", "customer");
        await _server.StartSessionAsync(session.SessionId);
        await clerk.SayAsync("Sorry, these tongs are awkward. Don't worry about it.");
        var token = customer.Token;
        await customer.DisposeAsync();

        await clerk.WaitForSeqAsync(1);
        var back = await Player.ConnectAsync(_server);
        await back.RejoinAsync(token);

        Assert.Equal("customer", back.Joined.Role);
        Assert.Equal(clerk.GroupId, back.GroupId);
        Assert.Single(back.Joined.Snapshot.Turns);
        var reply = await back.SayAsync("Thank you, that's kind.");
        Assert.Equal(2, reply.Seq);
        await clerk.WaitForSeqAsync(2);
        await clerk.DisposeAsync();
        await back.DisposeAsync();
    }

    [Fact]
    public async Task Bots_switched_on_after_launch_take_the_empty_seat_whose_move_it_is()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en", bots: false);
        var sessionId = session.SessionId;
        await using var customer = await Player.JoinAsync(_server, session.JoinCode, "Cu", "customer");
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        await _server.StartSessionAsync(sessionId);
        await Task.Delay(300);
        Assert.Empty(customer.Turns); // the clerk's seat is empty and no bot may play it yet

        await instructor.Connection.InvokeAsync(nameof(IRolePlayHub.SetBots), sessionId, true);

        await customer.WaitForSeqAsync(1);
        var first = customer.Turns.First();
        Assert.Equal("clerk", first.Role);
        Assert.True(first.Bot);
    }

    internal static List<(string Role, string Text)> Script(string name)
    {
        var path = Path.Combine(ServerProcess.RepoRoot, "tests", "RolePlay.Core.Tests", "Scripts", name);
        return [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            return (doc.RootElement.GetProperty("role").GetString()!, doc.RootElement.GetProperty("text").GetString()!);
        })];
    }
}
