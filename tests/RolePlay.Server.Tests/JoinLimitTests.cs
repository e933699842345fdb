using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>A crowd of joiners is bounded per session, and each join sends one seat, not the whole roster to everyone.</summary>
public sealed class JoinLimitTests
{
    [Fact]
    public async Task A_session_admits_a_bounded_number_of_observers_and_of_joins_per_minute()
    {
        await using var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["RolePlay__MaxObserversPerSession"] = "3",
            ["RolePlay__JoinsPerMinutePerSession"] = "6",
        });
        var session = await server.CreateSessionAsync("bakery-egg-tart-en", groups: 2);
        var code = session.GetProperty("joinCode").GetString()!;
        var players = new List<Player>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                players.Add(await Player.JoinAsync(server, code, "Watcher " + i, "observer"));
            }

            var observer = await Player.ConnectAsync(server);
            players.Add(observer);
            var full = await Assert.ThrowsAsync<HubException>(() => Join(observer, code, "One too many", "observer"));
            Assert.Contains("3 observers", full.Message);

            players.Add(await Player.JoinAsync(server, code, "Clerk", "clerk"));
            players.Add(await Player.JoinAsync(server, code, "Customer", "customer"));
            players.Add(await Player.JoinAsync(server, code, "Manager", "manager"));
            var late = await Player.ConnectAsync(server);
            players.Add(late);
            var busy = await Assert.ThrowsAsync<HubException>(() => Join(late, code, "Supervisor", "supervisor"));
            Assert.Contains("wait a minute", busy.Message);

            var join = await server.Http.GetFromJsonAsync<JsonElement>($"/api/join/{code}");
            var seats = join.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("seats").EnumerateArray()).Select(s => s.GetProperty("role").GetString()).Order().ToList();
            Assert.Equal(["clerk", "customer", "manager", "observer", "observer", "observer"], seats);
        }
        finally
        {
            foreach (var player in players)
            {
                await player.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_join_sends_only_the_new_seat_and_an_observers_only_to_the_instructor()
    {
        await using var server = await ServerProcess.StartAsync();
        var session = await server.CreateSessionAsync("bakery-egg-tart-en");
        var code = session.GetProperty("joinCode").GetString()!;
        await using var instructor = await Player.ConnectAsync(server, instructor: true);
        await instructor.Connection.InvokeAsync<JsonElement>("WatchSession", session.GetProperty("sessionId").GetString()!);
        await using var customer = await Player.JoinAsync(server, code, "Cu", "customer");
        await using var clerk = await Player.JoinAsync(server, code, "Cl", "clerk");
        await customer.WaitUntilAsync(() => customer.Rosters.Any(r => Seats(r).Contains(clerk.SeatId)));

        await using var observer = await Player.JoinAsync(server, code, "Ob", "observer");
        await instructor.WaitUntilAsync(() => instructor.Rosters.Any(r => Seats(r).Contains(observer.SeatId)));
        await using var manager = await Player.JoinAsync(server, code, "Ma", "manager");
        await customer.WaitUntilAsync(() => customer.Rosters.Any(r => Seats(r).Contains(manager.SeatId)));

        // Each change names the one seat that changed; the snapshot had the rest.
        Assert.All(customer.Rosters.Concat(instructor.Rosters), r => Assert.True(r.GetProperty("seats").GetArrayLength() <= 1, r.ToString()));
        Assert.DoesNotContain(customer.Rosters.Concat(clerk.Rosters), r => Seats(r).Contains(observer.SeatId));
        Assert.Contains("manager", customer.Rosters.Last(r => Seats(r).Contains(manager.SeatId)).GetProperty("seats")[0].GetProperty("role").GetString());
        Assert.Equal(3, observer.Joined.GetProperty("snapshot").GetProperty("roster").GetArrayLength()); // the whole roster comes in the snapshot
    }

    private static Task<JsonElement> Join(Player player, string code, string name, string role) =>
        player.Connection.InvokeAsync<JsonElement>("Join", new { joinCode = code, name, role, groupId = (string?)null });

    private static List<string> Seats(JsonElement roster) =>
        [.. roster.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seatId").GetString()!)];
}
