using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>People's ratings, comments and reflections reach the review; the join page and QR code are public, the review is not.</summary>
public sealed class ReviewTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Dictionary<string, int> Ratings(params (string Key, int Value)[] items) => items.ToDictionary(i => i.Key, i => i.Value);

    [Fact]
    public async Task An_observers_rating_the_customers_satisfaction_comments_and_reflections_appear_in_the_review()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var (code, sessionId) = (session.JoinCode, session.SessionId);
        await using var clerk = await Player.JoinAsync(_server, code, "Gus", "clerk");
        await using var customer = await Player.JoinAsync(_server, code, "Hana", "customer");
        await using var observer = await Player.JoinAsync(_server, code, "Olive", RoleIds.Observer);
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        var groupId = clerk.GroupId;
        await _server.StartSessionAsync(sessionId);
        await clerk.SayAsync("Sorry, these tongs are awkward. Don't worry about it.");
        await customer.SayAsync("Well, the tongs are impossible.");

        await observer.Connection.InvokeAsync(nameof(IRolePlayHub.RateTurn), 1, Ratings(("customer-first", 1), ("affirm", 0)));
        await observer.Connection.InvokeAsync(nameof(IRolePlayHub.RateTurn), 1, Ratings(("customer-first", -1), ("resolve", 1))); // replaces the first
        var comment = await instructor.Connection.InvokeAsync<CommentView>(nameof(IRolePlayHub.AddComment), groupId, 1, "A kind opening.");
        await instructor.Connection.InvokeAsync<CommentView>(nameof(IRolePlayHub.AddComment), groupId, (int?)null, "Watch the pace.");
        await (await _server.Http.PostAsync($"/api/sessions/{sessionId}/end", null)).Content.ReadAsStringAsync();
        await customer.WaitForEndedAsync();
        await customer.Connection.InvokeAsync(nameof(IRolePlayHub.RateSatisfaction), new SatisfactionRating(Ratings(("friendly", 4), ("timely", 5)), "fine"));
        await customer.Connection.InvokeAsync(nameof(IRolePlayHub.RateSatisfaction), new SatisfactionRating(Ratings(("friendly", 2), ("resolved", 3)), "on second thought"));
        await customer.Connection.InvokeAsync(nameof(IRolePlayHub.SubmitReflection), new[] { "I would thank her first." });
        await observer.Connection.InvokeAsync(nameof(IRolePlayHub.SubmitReflection), new[] { "An apology at once." });

        var review = (await _server.Http.GetFromJsonAsync<GroupReview>($"/api/groups/{groupId}/review"))!;

        Assert.Equal((1, "A kind opening."), (comment.Seq, comment.Text));
        Assert.Equal(groupId, review.GroupId);
        Assert.Equal(sessionId, review.SessionId);
        Assert.Contains(review.Roles, r => r.Id == "clerk" && r.Name.Length > 0);
        Assert.Single(review.Questions); // the unfinished outcome's question
        Assert.False(string.IsNullOrEmpty(review.Debrief));
        Assert.Equal(2, review.Transcript.Turns.Count);
        var rating = Assert.Single(review.Ratings);
        Assert.Equal(1, rating.Seq);
        Assert.Equal("Olive", rating.Rater);
        Assert.Equal(-1, rating.Verdicts["customer-first"]);
        Assert.False(rating.Verdicts.ContainsKey("affirm"));
        var satisfaction = Assert.Single(review.Satisfaction);
        Assert.Equal("Hana", satisfaction.Rater);
        Assert.Equal(2, satisfaction.Items["friendly"]);
        Assert.Equal("on second thought", satisfaction.Comment);
        Assert.Equal(
            ["customer Hana I would thank her first.", "observer Olive An apology at once."],
            review.Reflections.Select(r => $"{r.Role} {r.Name} {r.Answers[0]}"));
        Assert.Equal(["1 A kind opening.", " Watch the pace."], review.Comments.Select(c => $"{c.Seq} {c.Text}"));
    }

    [Fact]
    public async Task Ratings_from_the_wrong_seat_at_the_wrong_time_or_with_bad_values_are_refused_and_change_nothing()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var (code, sessionId) = (session.JoinCode, session.SessionId);
        await using var clerk = await Player.JoinAsync(_server, code, "Ivo", "clerk");
        await using var customer = await Player.JoinAsync(_server, code, "Jo", "customer");
        await using var observer = await Player.JoinAsync(_server, code, "Kai", RoleIds.Observer);
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        await _server.StartSessionAsync(sessionId);
        await clerk.SayAsync("Sorry, these tongs are awkward. Don't worry about it.");
        await customer.SayAsync("Well, the tongs are impossible.");
        var satisfied = new SatisfactionRating(Ratings(("friendly", 5)), null);
        Task Rate(Player p, int seq, params (string, int)[] verdicts) => p.Connection.InvokeAsync(nameof(IRolePlayHub.RateTurn), seq, Ratings(verdicts));
        Task Satisfy(Player p, SatisfactionRating rating) => p.Connection.InvokeAsync(nameof(IRolePlayHub.RateSatisfaction), rating);
        Task Reflect(Player p, params string[] answers) => p.Connection.InvokeAsync(nameof(IRolePlayHub.SubmitReflection), answers);
        Task Comment(Player p, int? seq, string text) => p.Connection.InvokeAsync<CommentView>(nameof(IRolePlayHub.AddComment), clerk.GroupId, seq, text);

        Assert.Contains("Only the customer", await Refusals.With(RefusalCode.NotYourRole, () => Satisfy(clerk, satisfied)));
        Assert.Contains("Only observers", await Refusals.With(RefusalCode.NotYourRole, () => Rate(clerk, 1, ("affirm", 1))));
        Assert.Contains("still going", await Refusals.With(RefusalCode.SceneNotOver, () => Satisfy(customer, satisfied)));
        Assert.Contains("still going", await Refusals.With(RefusalCode.SceneNotOver, () => Reflect(clerk, "x")));
        Assert.Contains("not a staff turn", await Refusals.With(RefusalCode.NotAStaffTurn, () => Rate(observer, 2, ("affirm", 1))));
        Assert.Contains("no turn 9", await Refusals.With(RefusalCode.TurnUnknown, () => Rate(observer, 9, ("affirm", 1))));
        Assert.Contains("not a principle", await Refusals.With(RefusalCode.PrincipleUnknown, () => Rate(observer, 1, ("kindness", 1))));
        Assert.Contains("-1", await Refusals.With(RefusalCode.OutOfRange, () => Rate(observer, 1, ("affirm", 2))));
        Assert.Contains("no turn 7", await Refusals.With(RefusalCode.TurnUnknown, () => Comment(instructor, 7, "x")));
        Assert.Contains("1 to 2,000", await Refusals.With(RefusalCode.EmptyText, () => Comment(instructor, null, "  ")));
        Assert.Contains("Only the instructor", await Refusals.With(RefusalCode.InstructorOnly, () => Comment(clerk, null, "self-praise")));

        await (await _server.Http.PostAsync($"/api/sessions/{sessionId}/end", null)).Content.ReadAsStringAsync();
        Assert.Contains("1 (poor) to 5", await Refusals.With(RefusalCode.OutOfRange, () => Satisfy(customer, new(Ratings(("friendly", 6)), null))));
        Assert.Contains("not a satisfaction item", await Refusals.With(RefusalCode.SatisfactionItemUnknown, () => Satisfy(customer, new(Ratings(("price", 3)), null))));
        Assert.Contains("2,000", await Refusals.With(RefusalCode.TooLong, () => Satisfy(customer, new(Ratings(("friendly", 3)), new string('x', 2001)))));
        Assert.Contains("1 questions but 2 answers", await Refusals.With(RefusalCode.TooManyAnswers, () => Reflect(clerk, "a", "b")));
        Assert.Contains("4,000", await Refusals.With(RefusalCode.TooLong, () => Reflect(clerk, new string('x', 4001))));

        var review = (await _server.Http.GetFromJsonAsync<GroupReview>($"/api/groups/{clerk.GroupId}/review"))!;
        Assert.Empty(review.Ratings);
        Assert.Empty(review.Satisfaction);
        Assert.Empty(review.Reflections);
        Assert.Empty(review.Comments);
    }

    [Fact]
    public async Task Join_info_lists_roles_groups_and_seats_and_a_wrong_or_ended_code_says_what_to_do()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en", groups: 2, bots: true);
        var code = session.JoinCode;
        await using var clerk = await Player.JoinAsync(_server, code, "Lu", "clerk");
        using var anonymous = new HttpClient { BaseAddress = _server.Url };

        var json = await anonymous.GetStringAsync($"/api/join/{code.ToLowerInvariant()}");
        var info = JsonSerializer.Deserialize<JoinInfo>(json, JsonSerializerOptions.Web)!;

        Assert.Equal(code, info.JoinCode);
        Assert.Equal(SessionState.Lobby, info.State);
        Assert.Contains("\"state\":\"lobby\"", json, StringComparison.Ordinal); // the wire keeps the lower-case word
        Assert.Equal("en", info.Locale[..2]);
        Assert.Contains(info.Roles, r => r.Id == "customer" && r.IsCustomer);
        Assert.Equal(2, info.Groups.Count);
        var first = info.Groups[0];
        var seat = Assert.Single(first.Seats);
        Assert.Equal("Lu", seat.Name);
        Assert.Equal(clerk.SeatId, seat.SeatId);
        Assert.DoesNotContain("clerk", first.BotRoles);
        Assert.Contains("customer", first.BotRoles);
        Assert.DoesNotContain(clerk.Token, json); // the roster never shows credentials

        var wrong = await anonymous.GetAsync("/api/join/ZZZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        var unknown = await Problem.ReadAsync(wrong);
        Assert.Equal(RefusalCode.JoinCodeUnknown, unknown.Code);
        Assert.Contains("check the code", unknown.Detail);

        (await _server.Http.PostAsync($"/api/sessions/{session.SessionId}/end", null)).EnsureSuccessStatusCode();
        var ended = await anonymous.GetAsync($"/api/join/{code}");
        Assert.Equal(HttpStatusCode.Gone, ended.StatusCode);
        var gone = await Problem.ReadAsync(ended);
        Assert.Equal(RefusalCode.JoinCodeEnded, gone.Code);
        Assert.Contains("ended", gone.Detail);
    }

    [Fact]
    public async Task The_qr_endpoint_returns_an_svg_of_the_join_link_to_anyone()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-zh");
        var code = session.JoinCode;
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
        var (code, sessionId) = (session.JoinCode, session.SessionId);
        var summary = await server.Http.GetFromJsonAsync<SessionSummary>($"/api/sessions/{sessionId}");

        Assert.Equal($"http://classroom-laptop.local:5080/join/{code}", session.JoinUrl);
        Assert.Equal($"http://classroom-laptop.local:5080/join/{code}", summary!.JoinUrl);
    }

    [Fact]
    public async Task Review_and_session_endpoints_need_the_instructor_key()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en", groups: 2);
        var sessionId = session.SessionId;
        var groupId = session.Groups[0].GroupId;
        using var anonymous = new HttpClient { BaseAddress = _server.Url };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/sessions/{sessionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/groups/{groupId}/review")).StatusCode);

        var summary = (await _server.Http.GetFromJsonAsync<SessionSummary>($"/api/sessions/{sessionId}"))!;
        Assert.Equal(sessionId, summary.SessionId);
        Assert.Equal(2, summary.Groups.Count);
        Assert.Equal(SessionState.Lobby, summary.State);
        var noSession = await _server.Http.GetAsync("/api/sessions/nope");
        Assert.Equal(HttpStatusCode.NotFound, noSession.StatusCode);
        Assert.Equal(RefusalCode.SessionUnknown, (await Problem.ReadAsync(noSession)).Code);
        var noGroup = await _server.Http.GetAsync("/api/groups/nope/review");
        Assert.Equal(HttpStatusCode.NotFound, noGroup.StatusCode);
        Assert.Equal(RefusalCode.GroupUnknown, (await Problem.ReadAsync(noGroup)).Code);
        var review = (await _server.Http.GetFromJsonAsync<GroupReview>($"/api/groups/{groupId}/review"))!;
        Assert.Empty(review.Transcript.Turns);
    }
}
