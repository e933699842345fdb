using System.Net.Http.Json;
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
        var code = session.JoinCode;
        var players = new List<Player>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                players.Add(await Player.JoinAsync(server, code, "Watcher " + i, "observer"));
            }

            var observer = await Player.ConnectAsync(server);
            players.Add(observer);
            Assert.Contains("3 observers", await Refusals.With(RefusalCode.ObserversFull, () => observer.TryJoinAsync(code, "One too many", RoleIds.Observer)));

            players.Add(await Player.JoinAsync(server, code, "Clerk", "clerk"));
            players.Add(await Player.JoinAsync(server, code, "Customer", "customer"));
            players.Add(await Player.JoinAsync(server, code, "Manager", "manager"));
            var late = await Player.ConnectAsync(server);
            players.Add(late);
            Assert.Contains("wait a minute", await Refusals.With(RefusalCode.JoinsBusy, () => late.TryJoinAsync(code, "Supervisor", "supervisor")));

            var join = await server.Http.GetFromJsonAsync<JoinInfo>($"/api/join/{code}");
            var seats = join!.Groups.SelectMany(g => g.Seats).Select(s => s.Role).Order().ToList();
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
        var code = session.JoinCode;
        await using var instructor = await Player.ConnectAsync(server, instructor: true);
        await instructor.Connection.InvokeAsync<IReadOnlyList<GroupSnapshot>>(nameof(IRolePlayHub.WatchSession), session.SessionId);
        await using var customer = await Player.JoinAsync(server, code, "Cu", "customer");
        await using var clerk = await Player.JoinAsync(server, code, "Cl", "clerk");
        await customer.WaitUntilAsync(() => customer.Rosters.Any(r => Seats(r).Contains(clerk.SeatId)));

        await using var observer = await Player.JoinAsync(server, code, "Ob", "observer");
        await instructor.WaitUntilAsync(() => instructor.Rosters.Any(r => Seats(r).Contains(observer.SeatId)));
        await using var manager = await Player.JoinAsync(server, code, "Ma", "manager");
        await customer.WaitUntilAsync(() => customer.Rosters.Any(r => Seats(r).Contains(manager.SeatId)));

        // Each change names the one seat that changed; the snapshot had the rest.
        Assert.All(customer.Rosters.Concat(instructor.Rosters), r => Assert.True(r.Seats.Count <= 1, r.ToString()));
        Assert.DoesNotContain(customer.Rosters.Concat(clerk.Rosters), r => Seats(r).Contains(observer.SeatId));
        Assert.Contains("manager", customer.Rosters.Last(r => Seats(r).Contains(manager.SeatId)).Seats[0].Role);
        Assert.Equal(3, observer.Joined.Snapshot.Roster.Count); // the whole roster comes in the snapshot
    }

    private static List<string> Seats(RosterMessage roster) => [.. roster.Seats.Select(s => s.SeatId)];
}
