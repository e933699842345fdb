using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>The instructor moves people between seats and switches live feedback during play.</summary>
public sealed class InstructorControlTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_moved_participant_is_told_rejoins_the_new_scene_and_no_longer_hears_the_old_group()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en", groups: 2);
        var (code, sessionId) = (session.JoinCode, session.SessionId);
        var groups = session.Groups.Select(g => g.GroupId).ToArray();
        await using var clerk = await Player.JoinAsync(_server, code, "Ann", "clerk", groups[0]);
        await using var customer1 = await Player.JoinAsync(_server, code, "Bo", "customer", groups[0]);
        await using var customer2 = await Player.JoinAsync(_server, code, "Cy", "customer", groups[1]);
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        await instructor.Connection.InvokeAsync<IReadOnlyList<GroupSnapshot>>(nameof(IRolePlayHub.WatchSession), sessionId);
        await _server.StartSessionAsync(sessionId);
        await clerk.SayAsync("Sorry, these tongs are awkward. Don't worry about it.");
        Assert.Contains(clerk.SeatId, clerk.Joined.Snapshot.Roster.Select(s => s.SeatId));

        await instructor.Connection.InvokeAsync(nameof(IRolePlayHub.MoveSeat), clerk.SeatId, groups[1], "clerk");

        await clerk.WaitUntilAsync(() => !clerk.Moved.IsEmpty);
        Assert.Equal(groups[1], clerk.Moved.First().GroupId);
        Assert.Equal("clerk", clerk.Moved.First().Role);
        var seatId = clerk.SeatId;
        await clerk.RejoinAsync(clerk.Token);
        Assert.Equal(groups[1], clerk.GroupId);
        Assert.Equal(seatId, clerk.SeatId);
        Assert.Equal(groups[1], clerk.Joined.Snapshot.GroupId);
        Assert.Empty(clerk.Joined.Snapshot.Turns);

        await customer1.SayAsync("Well, the tongs are impossible."); // old group: the clerk must not hear this
        var reply = await clerk.SayAsync("I'm so sorry about the tongs; please don't worry about it.");
        Assert.Equal(groups[1], reply.GroupId);
        await clerk.WaitUntilAsync(() => clerk.Turns.Any(t => t.GroupId == groups[1]));
        await customer2.WaitForSeqAsync(1);
        Assert.Equal([1], clerk.Turns.Where(t => t.GroupId == groups[0]).Select(t => t.Seq));

        var old = await _server.TranscriptAsync(groups[0]);
        Assert.Equal("clerk", old.Turns[0].Role); // spoken turns stay where they were spoken
        Assert.Contains(customer2.Rosters, r => r.Seats.Any(s => s.SeatId == seatId));

        var taken = await Refusals.With(RefusalCode.SeatTaken, () => instructor.Connection.InvokeAsync(nameof(IRolePlayHub.MoveSeat), customer1.SeatId, groups[1], "customer"));
        Assert.Contains("taken", taken);
        Assert.Empty(customer1.Moved);
        var notInstructor = await Refusals.With(RefusalCode.InstructorOnly, () => customer1.Connection.InvokeAsync(nameof(IRolePlayHub.MoveSeat), customer1.SeatId, groups[1], RoleIds.Observer));
        Assert.Contains("only the instructor", notInstructor.ToLowerInvariant());
        var join = await _server.Http.GetFromJsonAsync<JoinInfo>($"/api/join/{code}");
        Assert.Equal(["customer"], join!.Groups[0].Seats.Select(s => s.Role)); // Bo stayed, Ann left
    }

    [Fact]
    public async Task A_participant_moved_to_observer_can_no_longer_speak()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        await using var clerk = await Player.JoinAsync(_server, session.JoinCode, "Di", "clerk");
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        await _server.StartSessionAsync(session.SessionId);

        await instructor.Connection.InvokeAsync(nameof(IRolePlayHub.MoveSeat), clerk.SeatId, clerk.GroupId, RoleIds.Observer);
        await clerk.WaitUntilAsync(() => !clerk.Moved.IsEmpty);
        await clerk.RejoinAsync(clerk.Token);

        Assert.Equal(RoleIds.Observer, clerk.Joined.Role);
        Assert.Contains("Observers", await Refusals.With(RefusalCode.NotYourRole, () => clerk.SayAsync("Hello")));
    }

    [Fact]
    public async Task Live_feedback_switched_off_mid_session_hides_verdicts_from_students_but_not_from_watchers()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var sessionId = session.SessionId;
        var code = session.JoinCode;
        await using var clerk = await Player.JoinAsync(_server, code, "Ed", "clerk");
        await using var customer = await Player.JoinAsync(_server, code, "Fay", "customer");
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        await instructor.Connection.InvokeAsync<IReadOnlyList<GroupSnapshot>>(nameof(IRolePlayHub.WatchSession), sessionId);
        await _server.StartSessionAsync(sessionId);
        await clerk.SayAsync("Sorry, these tongs are awkward. Don't worry about it.");
        await customer.WaitForSeqAsync(1);
        Assert.True(HasVerdicts(customer.Turns.First()));

        await instructor.Connection.InvokeAsync(nameof(IRolePlayHub.SetLiveFeedback), sessionId, false);
        await customer.WaitUntilAsync(() => customer.SessionStates.Any(s => !s.LiveFeedback));
        await customer.SayAsync("Well, the tongs are impossible.");
        await clerk.SayAsync("You're right, I should have shown you how they work. I'm so sorry.");

        await customer.WaitForSeqAsync(3);
        await instructor.WaitForSeqAsync(3);
        Assert.False(HasVerdicts(customer.Turns.Single(t => t.Seq == 3)));
        Assert.True(HasVerdicts(instructor.Turns.Single(t => t.Seq == 3)));
        await customer.RejoinAsync(customer.Token);
        var snapshot = customer.Joined.Snapshot;
        Assert.False(snapshot.LiveFeedback);
        Assert.DoesNotContain(snapshot.Turns, HasVerdicts);
    }

    private static bool HasVerdicts(TurnMessage turn) => turn.Verdicts is not null;
}
