using System.Net.Http.Json;

namespace RolePlay.Server.Tests;

/// <summary>Names and replies are measured in characters a reader counts, and one with nothing to see is refused.</summary>
public sealed class TypedTextTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly ServerProcess _server = shared.Server;

    [Fact]
    public async Task Emoji_count_as_one_character_and_invisible_names_and_replies_are_refused()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var code = session.JoinCode;
        await using var invisible = await Player.ConnectAsync(_server);
        foreach (var name in new[] { "\u200B\u200B", "\u202E\u2066\u200F", "\u3164", " \u00A0\uFEFF " })
        {
            Assert.Contains("visible", await Refusals.With(RefusalCode.NameRequired, () => invisible.TryJoinAsync(code, name, RoleIds.Observer)));
        }

        var fortyEmoji = string.Concat(Enumerable.Repeat("🙂", 40));
        await using var clerk = await Player.JoinAsync(_server, code, fortyEmoji, "clerk");
        await _server.StartSessionAsync(session.SessionId);

        Assert.Contains("empty", await Refusals.With(RefusalCode.EmptyText, () => clerk.SayAsync("\u200B\u202E\u2066\u200D\u2060")));
        var reply = string.Concat(Enumerable.Repeat("🙏", 1200)); // 2,400 UTF-16 units: 1,200 characters
        var turn = await clerk.SayAsync(reply);
        Assert.Equal(reply, turn.Text);
        var join = await _server.Http.GetFromJsonAsync<JoinInfo>($"/api/join/{code}");
        Assert.Contains(fortyEmoji, join!.Groups[0].Seats[0].Name);
    }
}
