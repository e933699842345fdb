using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>People's ratings, comments and reflections reach the review; the join page and QR code are public, the review is not.</summary>
public sealed class ReviewTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<string> Refused(Func<Task> call) => (await Assert.ThrowsAsync<HubException>(call)).Message;

    private static Dictionary<string, int> Ratings(params (string Key, int Value)[] items) => items.ToDictionary(i => i.Key, i => i.Value);

    [Fact]
    public async Task An_observers_rating_the_customers_satisfaction_comments_and_reflections_appear_in_the_review()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var (code, sessionId) = (session.GetProperty("joinCode").GetString()!, session.GetProperty("sessionId").GetString()!);
        await using var clerk = await Player.JoinAsync(_server, code, "Gus", "clerk");
        await using var customer = await Player.JoinAsync(_server, code, "Hana", "customer");
        await using var observer = await Player.JoinAsync(_server, code, "Olive", "observer");
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        var groupId = clerk.GroupId;
        await _server.StartSessionAsync(sessionId);
        await clerk.SayAsync("Sorry, these tongs are awkward. Don't worry about it.");
        await customer.SayAsync("Well, the tongs are impossible.");

        await observer.Connection.InvokeAsync("RateTurn", 1, Ratings(("customer-first", 1), ("affirm", 0)));
        await observer.Connection.InvokeAsync("RateTurn", 1, Ratings(("customer-first", -1), ("resolve", 1))); // replaces the first
        await instructor.Connection.InvokeAsync<JsonElement>("AddComment", groupId, 1, "A kind opening.");
        await instructor.Connection.InvokeAsync<JsonElement>("AddComment", groupId, (int?)null, "Watch the pace.");
        await (await _server.Http.PostAsync($"/api/sessions/{sessionId}/end", null)).Content.ReadAsStringAsync();
        await customer.WaitForEndedAsync();
        await customer.Connection.InvokeAsync("RateSatisfaction", new { items = Ratings(("friendly", 4), ("timely", 5)), comment = "fine" });
        await customer.Connection.InvokeAsync("RateSatisfaction", new { items = Ratings(("friendly", 2), ("resolved", 3)), comment = "on second thought" });
        await customer.Connection.InvokeAsync("SubmitReflection", new[] { "I would thank her first." });
        await observer.Connection.InvokeAsync("SubmitReflection", new[] { "An apology at once." });

        var review = await _server.Http.GetFromJsonAsync<JsonElement>($"/api/groups/{groupId}/review");

        Assert.Equal(groupId, review.GetProperty("groupId").GetString());
        Assert.Equal(sessionId, review.GetProperty("sessionId").GetString());
        Assert.Contains(review.GetProperty("roles").EnumerateArray(), r => r.GetProperty("id").GetString() == "clerk" && r.GetProperty("name").GetString()!.Length > 0);
        Assert.Single(review.GetProperty("questions").EnumerateArray()); // the unfinished outcome's question
        Assert.False(string.IsNullOrEmpty(review.GetProperty("debrief").GetString()));
        Assert.Equal(2, review.GetProperty("transcript").GetProperty("turns").GetArrayLength());
        var rating = Assert.Single(review.GetProperty("ratings").EnumerateArray());
        Assert.Equal(1, rating.GetProperty("seq").GetInt32());
        Assert.Equal("Olive", rating.GetProperty("rater").GetString());
        Assert.Equal(-1, rating.GetProperty("verdicts").GetProperty("customer-first").GetInt32());
        Assert.False(rating.GetProperty("verdicts").TryGetProperty("affirm", out _));
        var satisfaction = Assert.Single(review.GetProperty("satisfaction").EnumerateArray());
        Assert.Equal("Hana", satisfaction.GetProperty("rater").GetString());
        Assert.Equal(2, satisfaction.GetProperty("items").GetProperty("friendly").GetInt32());
        Assert.Equal("on second thought", satisfaction.GetProperty("comment").GetString());
        Assert.Equal(
            ["customer Hana I would thank her first.", "observer Olive An apology at once."],
            review.GetProperty("reflections").EnumerateArray().Select(r =>
                $"{r.GetProperty("role").GetString()} {r.GetProperty("name").GetString()} {r.GetProperty("answers")[0].GetString()}"));
        Assert.Equal(
            ["1 A kind opening.", " Watch the pace."],
            review.GetProperty("comments").EnumerateArray().Select(c =>
                $"{(c.GetProperty("seq").ValueKind == JsonValueKind.Number ? c.GetProperty("seq").GetInt32() : null)} {c.GetProperty("text").GetString()}"));
    }

    [Fact]
    public async Task Ratings_from_the_wrong_seat_at_the_wrong_time_or_with_bad_values_are_refused_and_change_nothing()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var (code, sessionId) = (session.GetProperty("joinCode").GetString()!, session.GetProperty("sessionId").GetString()!);
        await using var clerk = await Player.JoinAsync(_server, code, "Ivo", "clerk");
        await using var customer = await Player.JoinAsync(_server, code, "Jo", "customer");
        await using var observer = await Player.JoinAsync(_server, code, "Kai", "observer");
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        await _server.StartSessionAsync(sessionId);
        await clerk.SayAsync("Sorry, these tongs are awkward. Don't worry about it.");
        await customer.SayAsync("Well, the tongs are impossible.");
        var satisfied = new { items = Ratings(("friendly", 5)), comment = (string?)null };

        Assert.Contains("Only the customer", await Refused(() => clerk.Connection.InvokeAsync("RateSatisfaction", satisfied)));
        Assert.Contains("Only observers", await Refused(() => clerk.Connection.InvokeAsync("RateTurn", 1, Ratings(("affirm", 1)))));
        Assert.Contains("still going", await Refused(() => customer.Connection.InvokeAsync("RateSatisfaction", satisfied)));
        Assert.Contains("still going", await Refused(() => clerk.Connection.InvokeAsync("SubmitReflection", new[] { "x" })));
        Assert.Contains("not a staff turn", await Refused(() => observer.Connection.InvokeAsync("RateTurn", 2, Ratings(("affirm", 1)))));
        Assert.Contains("no turn 9", await Refused(() => observer.Connection.InvokeAsync("RateTurn", 9, Ratings(("affirm", 1)))));
        Assert.Contains("not a principle", await Refused(() => observer.Connection.InvokeAsync("RateTurn", 1, Ratings(("kindness", 1)))));
        Assert.Contains("-1", await Refused(() => observer.Connection.InvokeAsync("RateTurn", 1, Ratings(("affirm", 2)))));
        Assert.Contains("no turn 7", await Refused(() => instructor.Connection.InvokeAsync<JsonElement>("AddComment", clerk.GroupId, 7, "x")));
        Assert.Contains("1 to 2,000", await Refused(() => instructor.Connection.InvokeAsync<JsonElement>("AddComment", clerk.GroupId, (int?)null, "  ")));
        Assert.Contains("Only the instructor", await Refused(() => clerk.Connection.InvokeAsync<JsonElement>("AddComment", clerk.GroupId, (int?)null, "self-praise")));

        await (await _server.Http.PostAsync($"/api/sessions/{sessionId}/end", null)).Content.ReadAsStringAsync();
        Assert.Contains("1 (poor) to 5", await Refused(() => customer.Connection.InvokeAsync("RateSatisfaction", new { items = Ratings(("friendly", 6)) })));
        Assert.Contains("not a satisfaction item", await Refused(() => customer.Connection.InvokeAsync("RateSatisfaction", new { items = Ratings(("price", 3)) })));
        Assert.Contains("2,000", await Refused(() => customer.Connection.InvokeAsync("RateSatisfaction", new { items = Ratings(("friendly", 3)), comment = new string('x', 2001) })));
        Assert.Contains("1 questions but 2 answers", await Refused(() => clerk.Connection.InvokeAsync("SubmitReflection", new[] { "a", "b" })));
        Assert.Contains("4,000", await Refused(() => clerk.Connection.InvokeAsync("SubmitReflection", new[] { new string('x', 4001) })));

        var review = await _server.Http.GetFromJsonAsync<JsonElement>($"/api/groups/{clerk.GroupId}/review");
        foreach (var list in new[] { "ratings", "satisfaction", "reflections", "comments" })
        {
            Assert.Equal(0, review.GetProperty(list).GetArrayLength());
        }
    }

    [Fact]
    public async Task Join_info_lists_roles_groups_and_seats_and_a_wrong_or_ended_code_says_what_to_do()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en", groups: 2, bots: true);
        var code = session.GetProperty("joinCode").GetString()!;
        await using var clerk = await Player.JoinAsync(_server, code, "Lu", "clerk");
        using var anonymous = new HttpClient { BaseAddress = _server.Url };

        var info = await anonymous.GetFromJsonAsync<JsonElement>($"/api/join/{code.ToLowerInvariant()}");

        Assert.Equal(code, info.GetProperty("joinCode").GetString());
        Assert.Equal("lobby", info.GetProperty("state").GetString());
        Assert.Equal("en", info.GetProperty("locale").GetString()![..2]);
        Assert.Contains(info.GetProperty("roles").EnumerateArray(), r => r.GetProperty("id").GetString() == "customer" && r.GetProperty("isCustomer").GetBoolean());
        Assert.Equal(2, info.GetProperty("groups").GetArrayLength());
        var first = info.GetProperty("groups")[0];
        var seat = Assert.Single(first.GetProperty("seats").EnumerateArray());
        Assert.Equal("Lu", seat.GetProperty("name").GetString());
        Assert.Equal(clerk.SeatId, seat.GetProperty("seatId").GetString());
        Assert.DoesNotContain("clerk", first.GetProperty("botRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("customer", first.GetProperty("botRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(clerk.Token, JsonSerializer.Serialize(info)); // the roster never shows credentials

        var wrong = await anonymous.GetAsync("/api/join/ZZZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("check the code", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        (await _server.Http.PostAsync($"/api/sessions/{session.GetProperty("sessionId").GetString()}/end", null)).EnsureSuccessStatusCode();
        var ended = await anonymous.GetAsync($"/api/join/{code}");
        Assert.Equal(HttpStatusCode.Gone, ended.StatusCode);
        Assert.Contains("ended", (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_qr_endpoint_returns_an_svg_of_the_join_link_to_anyone()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-zh");
        var code = session.GetProperty("joinCode").GetString()!;
        using var anonymous = new HttpClient { BaseAddress = _server.Url };

        var response = await anonymous.GetAsync($"/api/join/{code}/qr.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = await response.Content.ReadAsStringAsync();
        Assert.Contains("<svg", svg);
        Assert.Contains("viewBox", svg);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/join/ZZZZZZ/qr.svg")).StatusCode);
    }

    [Fact]
    public async Task With_a_public_url_configured_join_links_point_phones_at_it_rather_than_at_the_instructors_address()
    {
        await using var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string> { ["RolePlay__PublicUrl"] = "http://classroom-laptop.local:5080/" });

        var session = await server.CreateSessionAsync("bakery-egg-tart-zh");
        var (code, sessionId) = (session.GetProperty("joinCode").GetString()!, session.GetProperty("sessionId").GetString()!);
        var summary = await server.Http.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}");

        Assert.Equal($"http://classroom-laptop.local:5080/join/{code}", session.GetProperty("joinUrl").GetString());
        Assert.Equal($"http://classroom-laptop.local:5080/join/{code}", summary.GetProperty("joinUrl").GetString());
    }

    [Fact]
    public async Task Review_and_session_endpoints_need_the_instructor_key()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en", groups: 2);
        var sessionId = session.GetProperty("sessionId").GetString()!;
        var groupId = session.GetProperty("groups")[0].GetProperty("groupId").GetString()!;
        using var anonymous = new HttpClient { BaseAddress = _server.Url };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/sessions/{sessionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/groups/{groupId}/review")).StatusCode);

        var summary = await _server.Http.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}");
        Assert.Equal(sessionId, summary.GetProperty("sessionId").GetString());
        Assert.Equal(2, summary.GetProperty("groups").GetArrayLength());
        Assert.Equal("lobby", summary.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Http.GetAsync("/api/sessions/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Http.GetAsync("/api/groups/nope/review")).StatusCode);
        var review = await _server.Http.GetFromJsonAsync<JsonElement>($"/api/groups/{groupId}/review");
        Assert.Equal(0, review.GetProperty("transcript").GetProperty("turns").GetArrayLength());
    }
}
