using System.Net.Http.Json;

namespace RolePlay.Server.Tests;

/// <summary>Joining: a refused Join changes nothing.</summary>
public sealed class JoinTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly ServerProcess _server = shared.Server;

    [Fact]
    public async Task A_join_refused_because_the_connection_holds_a_seat_takes_no_seat()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en", groups: 3);
        var code = session.JoinCode;
        await using var greedy = await Player.JoinAsync(_server, code, "Greedy", "observer");

        foreach (var role in new[] { "customer", "clerk", "supervisor", "manager", "clerk", "clerk", "manager", "observer" })
        {
            Assert.Contains("already holds a seat", await Refusals.With(RefusalCode.ConnectionHasSeat, () => greedy.TryJoinAsync(code, "Greedy", role)));
        }

        var join = await _server.Http.GetFromJsonAsync<JoinInfo>($"/api/join/{code}");
        Assert.Equal([RoleIds.Observer], join!.Groups.SelectMany(g => g.Seats).Select(s => s.Role));
        await using var clerk = await Player.JoinAsync(_server, code, "Real clerk", "clerk");
        Assert.Equal("clerk", clerk.Joined.Role);
    }
}
