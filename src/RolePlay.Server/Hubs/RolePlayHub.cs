using RolePlay.Contracts;
using Microsoft.AspNetCore.SignalR;
using RolePlay.Server.Auth;
using RolePlay.Server.Sessions;

namespace RolePlay.Server.Hubs;

/// <summary>
/// The one live API. Students join a seat and speak from it; the server takes the speaker's role from
/// the connection's seat, so no client can speak as another role. Instructors watch and steer.
/// </summary>
public sealed class RolePlayHub(SessionService sessions, InstructorKey instructorKey, Api.ConnectionCounter connections) : Hub<IRolePlayClient>
{
    private const string SeatKey = "seat";

    /// <summary>Takes a seat in a session with its join code.</summary>
    public async Task<JoinResult> Join(JoinRequest request)
    {
        var (group, seat) = await sessions.JoinAsync(request).ConfigureAwait(false);
        return await Attach(group, seat.Token).ConfigureAwait(false);
    }

    /// <summary>Returns to a seat after a dropped connection, with the whole scene as it stands.</summary>
    public async Task<JoinResult> Rejoin(string participantToken)
    {
        var found = sessions.FindSeat(participantToken ?? string.Empty)
            ?? throw new HubException("That seat is unknown; join again with the code on the projector.");
        return await Attach(found.Group, participantToken!).ConfigureAwait(false);
    }

    /// <summary>Says something as this connection's role.</summary>
    public async Task<TurnMessage> Say(string text)
    {
        var (group, role) = SpeakingSeat();
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new HubException("The reply is empty: type what your character says.");
        }

        if (text.Length > Core.Engine.Play.MaxTextLength)
        {
            throw new HubException($"The reply is {text.Length} characters long; keep it under {Core.Engine.Play.MaxTextLength}.");
        }

        return await group.TakeTurnAsync((play, at) => play.Say(role, text, at)).ConfigureAwait(false);
    }

    /// <summary>Takes one of the stage's actions as this connection's role.</summary>
    public async Task<TurnMessage> Act(string actionId)
    {
        var (group, role) = SpeakingSeat();
        return await group.TakeTurnAsync((play, at) => play.Act(role, actionId ?? string.Empty, at)).ConfigureAwait(false);
    }

    /// <summary>Instructor: receive every event of a session; returns every group's scene.</summary>
    public async Task<IReadOnlyList<GroupSnapshot>> WatchSession(string sessionId)
    {
        var session = InstructorSession(sessionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, session.WatchersGroup).ConfigureAwait(false);
        var snapshots = new List<GroupSnapshot>();
        foreach (var group in session.Groups)
        {
            snapshots.Add(await group.WithGateAsync(() => group.Snapshot(null, instructor: true)).ConfigureAwait(false));
        }

        return snapshots;
    }

    /// <summary>Instructor: opens play (or resumes it).</summary>
    public Task StartSession(string sessionId) => sessions.StartAsync(InstructorSession(sessionId));

    /// <summary>Instructor: pauses play.</summary>
    public Task PauseSession(string sessionId) => sessions.PauseAsync(InstructorSession(sessionId));

    /// <summary>Instructor: ends the session.</summary>
    public Task EndSession(string sessionId) => sessions.EndAsync(InstructorSession(sessionId));

    /// <summary>Instructor: lets bots play the empty seats, or stops them.</summary>
    public Task SetBots(string sessionId, bool enabled) => sessions.SetBotsAsync(InstructorSession(sessionId), enabled);

    /// <summary>Instructor: injects a scenario event into one group.</summary>
    public Task InjectEvent(string groupId, string eventId) => InstructorGroup(groupId).InjectAsync(eventId);

    /// <summary>Instructor: overrides one verdict with a note for the debrief.</summary>
    public async Task OverrideVerdict(string groupId, int seq, string principle, int verdict, string note)
    {
        try
        {
            await sessions.OverrideAsync(InstructorGroup(groupId), seq, principle, verdict, note).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw new HubException(ex.Message);
        }
    }

    /// <inheritdoc />
    public override Task OnConnectedAsync()
    {
        connections.Opened();
        return base.OnConnectedAsync();
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed();
        if (Context.Items.TryGetValue(SeatKey, out var value) && value is string token && sessions.FindSeat(token) is { } found)
        {
            var group = found.Group;
            await group.WithGateAsync(() => group.Connections[token] = Math.Max(0, group.Connections.GetValueOrDefault(token) - 1)).ConfigureAwait(false);
            await group.BroadcastRosterAsync().ConfigureAwait(false);
        }

        await base.OnDisconnectedAsync(exception).ConfigureAwait(false);
    }

    private async Task<JoinResult> Attach(GroupRuntime group, string token)
    {
        if (Context.Items.TryGetValue(SeatKey, out var existing) && existing is string other && other != token)
        {
            throw new HubException("This connection already holds a seat; open a new connection for another seat.");
        }

        Context.Items[SeatKey] = token;
        await Groups.AddToGroupAsync(Context.ConnectionId, group.ParticipantsGroup).ConfigureAwait(false);
        var (seat, snapshot) = await group.WithGateAsync(() =>
        {
            group.Connections[token] = group.Connections.GetValueOrDefault(token) + 1;
            var seat = group.Seats[token];
            return (seat, group.Snapshot(seat.Role == SessionService.ObserverRole ? null : seat.Role, instructor: false));
        }).ConfigureAwait(false);
        await group.BroadcastRosterAsync().ConfigureAwait(false);
        return new JoinResult(token, group.Row.Id, seat.Role, snapshot);
    }

    private (GroupRuntime Group, string Role) SpeakingSeat()
    {
        if (!Context.Items.TryGetValue(SeatKey, out var value) || value is not string token || sessions.FindSeat(token) is not { } found)
        {
            throw new HubException("Join a session first: you have no seat yet.");
        }

        if (found.Seat.Role == SessionService.ObserverRole)
        {
            throw new HubException("Observers watch and rate; they cannot speak in the scene.");
        }

        return (found.Group, found.Seat.Role);
    }

    private SessionRuntime InstructorSession(string sessionId)
    {
        RequireInstructor();
        return sessions.FindSession(sessionId ?? string.Empty) ?? throw new HubException($"There is no session '{sessionId}'.");
    }

    private GroupRuntime InstructorGroup(string groupId)
    {
        RequireInstructor();
        return sessions.FindGroup(groupId ?? string.Empty) ?? throw new HubException($"There is no group '{groupId}'.");
    }

    private void RequireInstructor()
    {
        if (Context.GetHttpContext() is not { } http || !instructorKey.IsInstructor(http))
        {
            throw new HubException("Only the instructor can do that: connect with the instructor key.");
        }
    }
}
