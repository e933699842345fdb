using System.Net.Http.Json;
using System.Text.Json;
using RolePlay.Core.Localization;

namespace RolePlay.Server.Tests;

/// <summary>What the UI calls principles and mood bands travels with the data, in both languages: the rubric's names and the scenario's.</summary>
public sealed class DisplayNameTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly ServerProcess _server = shared.Server;

    [Fact]
    public async Task The_snapshot_the_review_and_the_agreement_name_principles_and_bands_as_the_rubric_and_scenario_do()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var (code, sessionId) = (session.JoinCode, session.SessionId);
        await using var clerk = await Player.JoinAsync(_server, code, "Gus", "clerk");

        var snapshot = clerk.Joined.Snapshot;
        var first = snapshot.Principles![0];
        Assert.Equal("customer-first", first.Id);
        Assert.Equal(new LocalizedText("The customer is always right", "顾客永远是对的"), first.Name);
        Assert.Equal(new LocalizedText("Customer first", "顾客至上"), first.ShortName);
        Assert.Equal(5, snapshot.Principles.Count);
        var named = snapshot.MoodBands!.Single(b => b.Id == snapshot.Mood.Band);
        Assert.Equal(new LocalizedText("upset", "不满"), named.Name); // the bakery opens at 40

        // The review and the agreement as raw JSON: the names' wire shape is { english, chinese }.
        var review = await _server.Http.GetFromJsonAsync<JsonElement>($"/api/groups/{clerk.GroupId}/review");
        Assert.Equal(("Timely & sincere", "及时诚恳"), Both(review.GetProperty("principles")[1].GetProperty("shortName")));

        var agreement = (await _server.Http.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/agreement"))[4];
        Assert.Equal("resolve", agreement.GetProperty("principle").GetString());
        Assert.Equal(("Resolve accurately, reach agreement", "准确处置，达成共识"), Both(agreement.GetProperty("name")));
    }

    private static (string?, string?) Both(JsonElement text) => (text.GetProperty("english").GetString(), text.GetProperty("chinese").GetString());
}
