using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>The instructor moves people between seats and switches live feedback during play.</summary>
public sealed class InstructorControlTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<string> Refused(Func<Task> call) => (await Assert.ThrowsAsync<HubException>(call)).Message;

    private static string GroupOf(JsonElement turn) => turn.GetProperty("groupId").GetString()!;

    [Fact]
    public async Task A_moved_participant_is_told_rejoins_the_new_scene_and_no_longer_hears_the_old_group()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en", groups: 2);
        var (code, sessionId) = (session.GetProperty("joinCode").GetString()!, session.GetProperty("sessionId").GetString()!);
        var groups = session.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("groupId").GetString()!).ToArray();
        await using var clerk = await Player.JoinAsync(_server, code, "Ann", "clerk", groups[0]);
        await using var customer1 = await Player.JoinAsync(_server, code, "Bo", "customer", groups[0]);
        await using var customer2 = await Player.JoinAsync(_server, code, "Cy", "customer", groups[1]);
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        await instructor.Connection.InvokeAsync<JsonElement>("WatchSession", sessionId);
        await _server.StartSessionAsync(sessionId);
        await clerk.SayAsync("Sorry, these tongs are awkward. Don't worry about it.");
        Assert.Contains(clerk.SeatId, clerk.Joined.GetProperty("snapshot").GetProperty("roster").EnumerateArray().Select(s => s.GetProperty("seatId").GetString()));

        await instructor.Connection.InvokeAsync("MoveSeat", clerk.SeatId, groups[1], "clerk");

        await clerk.WaitUntilAsync(() => !clerk.Moved.IsEmpty);
        Assert.Equal(groups[1], clerk.Moved.First().GetProperty("groupId").GetString());
        Assert.Equal("clerk", clerk.Moved.First().GetProperty("role").GetString());
        var seatId = clerk.SeatId;
        await clerk.RejoinAsync(clerk.Token);
        Assert.Equal(groups[1], clerk.GroupId);
        Assert.Equal(seatId, clerk.SeatId);
        Assert.Equal(groups[1], clerk.Joined.GetProperty("snapshot").GetProperty("groupId").GetString());
        Assert.Equal(0, clerk.Joined.GetProperty("snapshot").GetProperty("turns").GetArrayLength());

        await customer1.SayAsync("Well, the tongs are impossible."); // old group: the clerk must not hear this
        var reply = await clerk.SayAsync("I'm so sorry about the tongs; please don't worry about it.");
        Assert.Equal(groups[1], GroupOf(reply));
        await clerk.WaitUntilAsync(() => clerk.Turns.Any(t => GroupOf(t) == groups[1]));
        await customer2.WaitForSeqAsync(1);
        Assert.Equal([1], clerk.Turns.Where(t => GroupOf(t) == groups[0]).Select(t => t.GetProperty("seq").GetInt32()));

        var old = await _server.TranscriptAsync(groups[0]);
        Assert.Equal("clerk", old.GetProperty("turns")[0].GetProperty("role").GetString()); // spoken turns stay where they were spoken
        Assert.Contains(customer2.Rosters, r => r.GetProperty("seats").EnumerateArray().Any(s => s.GetProperty("seatId").GetString() == seatId));

        var taken = await Refused(() => instructor.Connection.InvokeAsync("MoveSeat", customer1.SeatId, groups[1], "customer"));
        Assert.Contains("taken", taken);
        Assert.Empty(customer1.Moved);
        Assert.Contains("only the instructor", (await Refused(() => customer1.Connection.InvokeAsync("MoveSeat", customer1.SeatId, groups[1], "observer"))).ToLowerInvariant());
        var join = await _server.Http.GetFromJsonAsync<JsonElement>($"/api/join/{code}");
        var firstGroupSeats = join.GetProperty("groups")[0].GetProperty("seats").EnumerateArray();
        Assert.Equal(["customer"], firstGroupSeats.Select(s => s.GetProperty("role").GetString())); // Bo stayed, Ann left
    }

    [Fact]
    public async Task A_participant_moved_to_observer_can_no_longer_speak()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        await using var clerk = await Player.JoinAsync(_server, session.GetProperty("joinCode").GetString()!, "Di", "clerk");
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        await _server.StartSessionAsync(session.GetProperty("sessionId").GetString()!);

        await instructor.Connection.InvokeAsync("MoveSeat", clerk.SeatId, clerk.GroupId, "observer");
        await clerk.WaitUntilAsync(() => !clerk.Moved.IsEmpty);
        await clerk.RejoinAsync(clerk.Token);

        Assert.Equal("observer", clerk.Joined.GetProperty("role").GetString());
        Assert.Contains("Observers", await Refused(() => clerk.SayAsync("Hello")));
    }

    [Fact]
    public async Task Live_feedback_switched_off_mid_session_hides_verdicts_from_students_but_not_from_watchers()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var sessionId = session.GetProperty("sessionId").GetString()!;
        var code = session.GetProperty("joinCode").GetString()!;
        await using var clerk = await Player.JoinAsync(_server, code, "Ed", "clerk");
        await using var customer = await Player.JoinAsync(_server, code, "Fay", "customer");
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        await instructor.Connection.InvokeAsync<JsonElement>("WatchSession", sessionId);
        await _server.StartSessionAsync(sessionId);
        await clerk.SayAsync("Sorry, these tongs are awkward. Don't worry about it.");
        await customer.WaitForSeqAsync(1);
        Assert.True(HasVerdicts(customer.Turns.First()));

        await instructor.Connection.InvokeAsync("SetLiveFeedback", sessionId, false);
        await customer.WaitUntilAsync(() => customer.SessionStates.Any(s => !s.GetProperty("liveFeedback").GetBoolean()));
        await customer.SayAsync("Well, the tongs are impossible.");
        await clerk.SayAsync("You're right, I should have shown you how they work. I'm so sorry.");

        await customer.WaitForSeqAsync(3);
        await instructor.WaitForSeqAsync(3);
        Assert.False(HasVerdicts(customer.Turns.Single(t => t.GetProperty("seq").GetInt32() == 3)));
        Assert.True(HasVerdicts(instructor.Turns.Single(t => t.GetProperty("seq").GetInt32() == 3)));
        await customer.RejoinAsync(customer.Token);
        var snapshot = customer.Joined.GetProperty("snapshot");
        Assert.False(snapshot.GetProperty("liveFeedback").GetBoolean());
        Assert.DoesNotContain(snapshot.GetProperty("turns").EnumerateArray(), HasVerdicts);
    }

    private static bool HasVerdicts(JsonElement turn) =>
        turn.TryGetProperty("verdicts", out var v) && v.ValueKind == JsonValueKind.Object;
}
