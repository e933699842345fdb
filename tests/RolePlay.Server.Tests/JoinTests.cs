using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>Joining: a refused Join changes nothing.</summary>
public sealed class JoinTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly ServerProcess _server = shared.Server;

    [Fact]
    public async Task A_join_refused_because_the_connection_holds_a_seat_takes_no_seat()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en", groups: 3);
        var code = session.GetProperty("joinCode").GetString()!;
        await using var greedy = await Player.JoinAsync(_server, code, "Greedy", "observer");

        foreach (var role in new[] { "customer", "clerk", "supervisor", "manager", "clerk", "clerk", "manager", "observer" })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => greedy.Connection.InvokeAsync<JsonElement>("Join", new { joinCode = code, name = "Greedy", role, groupId = (string?)null }));
            Assert.Contains("already holds a seat", refused.Message);
        }

        var join = await _server.Http.GetFromJsonAsync<JsonElement>($"/api/join/{code}");
        var seats = join.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("seats").EnumerateArray()).ToList();
        Assert.Equal(["observer"], seats.Select(s => s.GetProperty("role").GetString()));
        await using var clerk = await Player.JoinAsync(_server, code, "Real clerk", "clerk");
        Assert.Equal("clerk", clerk.Joined.GetProperty("role").GetString());
    }
}
