using System.Net.Http.Json;
using System.Text.Json;

namespace RolePlay.Server.Tests;

/// <summary>What the UI calls principles and mood bands travels with the data, in both languages: the rubric's names and the scenario's.</summary>
public sealed class DisplayNameTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly ServerProcess _server = shared.Server;

    [Fact]
    public async Task The_snapshot_the_review_and_the_agreement_name_principles_and_bands_as_the_rubric_and_scenario_do()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var (code, sessionId) = (session.GetProperty("joinCode").GetString()!, session.GetProperty("sessionId").GetString()!);
        await using var clerk = await Player.JoinAsync(_server, code, "Gus", "clerk");

        var snapshot = clerk.Joined.GetProperty("snapshot");
        var first = snapshot.GetProperty("principles")[0];
        Assert.Equal("customer-first", first.GetProperty("id").GetString());
        Assert.Equal(("The customer is always right", "顾客永远是对的"), Both(first.GetProperty("name")));
        Assert.Equal(("Customer first", "顾客至上"), Both(first.GetProperty("shortName")));
        Assert.Equal(5, snapshot.GetProperty("principles").GetArrayLength());
        var band = snapshot.GetProperty("mood").GetProperty("band").GetString();
        var named = snapshot.GetProperty("moodBands").EnumerateArray().Single(b => b.GetProperty("id").GetString() == band);
        Assert.Equal(("upset", "不满"), Both(named.GetProperty("name"))); // the bakery opens at 40

        var review = await _server.Http.GetFromJsonAsync<JsonElement>($"/api/groups/{clerk.GroupId}/review");
        Assert.Equal(("Timely & sincere", "及时诚恳"), Both(review.GetProperty("principles")[1].GetProperty("shortName")));

        var agreement = (await _server.Http.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/agreement"))[4];
        Assert.Equal("resolve", agreement.GetProperty("principle").GetString());
        Assert.Equal(("Resolve accurately, reach agreement", "准确处置，达成共识"), Both(agreement.GetProperty("name")));
    }

    private static (string?, string?) Both(JsonElement text) => (text.GetProperty("english").GetString(), text.GetProperty("chinese").GetString());
}
