using RolePlay.Contracts;
using Microsoft.AspNetCore.SignalR;
using RolePlay.Core.Groups;
using RolePlay.Server.Auth;
using RolePlay.Server.Sessions;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Hubs;

/// <summary>
/// The one live API. Students join a seat and speak from it; the server takes the speaker's role from
/// the connection's seat, so no client can speak as another role. Instructors watch and steer.
/// </summary>
public sealed partial class RolePlayHub(
    SessionService sessions, FeedbackService feedback, Api.ConnectionCounter connections, Security.JoinLookupLimiter joinLookups)
    : Hub<IRolePlayClient>, IRolePlayHub
{
    private const string SeatKey = "seat";

    // The participants' SignalR group this connection is in; a moved seat leaves it on Rejoin.
    private const string AttachedGroupKey = "seat-group";

    /// <summary>Takes a seat in a session with its join code.</summary>
    public async Task<JoinResult> Join(JoinRequest request)
    {
        // Checked before the seat is made: a refused Join changes nothing.
        if (Context.Items.ContainsKey(SeatKey))
        {
            throw new Refusal(RefusalCode.ConnectionHasSeat, ServerText.ConnectionHasSeat);
        }

        // A join code can be guessed here as on the join page: the same per-address limit.
        if (joinLookups.TryAcquire(Security.RateLimits.Address(Context.GetHttpContext())) is { } wait)
        {
            throw new Refusal(RefusalCode.TooManyAttempts, ServerText.TooManyRequests(wait));
        }

        var (_, seat) = await sessions.JoinAsync(request ?? throw new Refusal(RefusalCode.NameRequired, ServerText.NameRequired)).ConfigureAwait(false);
        return await Attach(seat.Token).ConfigureAwait(false);
    }

    /// <summary>Returns to a seat after a dropped connection, with the whole scene as it stands.</summary>
    public async Task<JoinResult> Rejoin(string participantToken)
    {
        return await Attach(participantToken ?? string.Empty).ConfigureAwait(false);
    }

    /// <summary>Says something as this connection's role.</summary>
    public async Task<TurnMessage> Say(string text)
    {
        var (group, role) = SpeakingSeat();
        if (!Core.Engine.VisibleText.HasVisible(text))
        {
            throw new Refusal(RefusalCode.EmptyText, Core.Engine.PlayText.EmptyReply);
        }

        var length = Core.Engine.VisibleText.Length(text);
        if (length > Core.Engine.Play.MaxTextLength)
        {
            throw new Refusal(RefusalCode.TooLong, Core.Engine.PlayText.ReplyTooLong(length, Core.Engine.Play.MaxTextLength));
        }

        return Messages.Turn(group.Id, await group.TakeTurnAsync(new GroupCommand.Say(role, text)));
    }

    /// <summary>Takes one of the stage's actions as this connection's role.</summary>
    public async Task<TurnMessage> Act(string actionId)
    {
        var (group, role) = SpeakingSeat();
        return Messages.Turn(group.Id, await group.TakeTurnAsync(new GroupCommand.Act(role, actionId ?? string.Empty)));
    }

    /// <summary>Steps this connection's role into the scene, where the scenario lets the role step in unasked.</summary>
    public async Task StepIn()
    {
        var (group, role) = SpeakingSeat();
        await group.SubmitAsync(new GroupCommand.StepIn(role));
    }

    /// <summary>Instructor: brings a role that is not in the scene yet into one group's current stage.</summary>
    [InstructorOnly]
    public Task BringIn(string groupId, string role) => InstructorGroup(groupId).SubmitAsync(new GroupCommand.BringIn(role ?? string.Empty));

    /// <summary>Instructor: receive every event of a session; returns every group's scene.</summary>
    [InstructorOnly]
    public async Task<IReadOnlyList<GroupSnapshot>> WatchSession(string sessionId)
    {
        var session = InstructorSession(sessionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, session.WatchersGroup).ConfigureAwait(false);
        var snapshots = new List<GroupSnapshot>();
        foreach (var group in session.Groups)
        {
            snapshots.Add(await group.ReadAsync(state => Messages.Snapshot(group, state, null, instructor: true)));
        }

        return snapshots;
    }

    /// <summary>Instructor: opens play (or resumes it).</summary>
    [InstructorOnly]
    public Task StartSession(string sessionId) => sessions.StartAsync(InstructorSession(sessionId));

    /// <summary>Instructor: pauses play.</summary>
    [InstructorOnly]
    public Task PauseSession(string sessionId) => sessions.PauseAsync(InstructorSession(sessionId));

    /// <summary>Instructor: ends the session.</summary>
    [InstructorOnly]
    public Task EndSession(string sessionId) => sessions.EndAsync(InstructorSession(sessionId));

    /// <summary>Instructor: lets bots play the empty seats, or stops them.</summary>
    [InstructorOnly]
    public Task SetBots(string sessionId, bool enabled) => sessions.SetBotsAsync(InstructorSession(sessionId), enabled);

    /// <summary>Instructor: shows or hides verdicts to students from the next turn on.</summary>
    [InstructorOnly]
    public Task SetLiveFeedback(string sessionId, bool enabled) => sessions.SetLiveFeedbackAsync(InstructorSession(sessionId), enabled);

    /// <summary>Instructor: moves a seated participant to another group of the session and/or another role.</summary>
    [InstructorOnly]
    public Task MoveSeat(string seatId, string groupId, string role)
    {
        return sessions.MoveAsync(seatId ?? string.Empty, groupId, role);
    }

    /// <summary>Instructor: injects a scenario event into one group.</summary>
    [InstructorOnly]
    public Task InjectEvent(string groupId, string eventId) => InstructorGroup(groupId).SubmitAsync(new GroupCommand.InjectEvent(eventId ?? string.Empty));

    /// <summary>Instructor: overrides one verdict with a note for the debrief.</summary>
    [InstructorOnly]
    public async Task OverrideVerdict(string groupId, int seq, string principle, int verdict, string note)
    {
        await sessions.OverrideAsync(InstructorGroup(groupId), seq, principle, verdict, note).ConfigureAwait(false);
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
            await found.Group.SubmitAsync(new GroupCommand.Detach(token));
        }

        await base.OnDisconnectedAsync(exception).ConfigureAwait(false);
    }

    private async Task<JoinResult> Attach(string token)
    {
        if (Context.Items.TryGetValue(SeatKey, out var existing) && existing is string other && other != token)
        {
            throw new Refusal(RefusalCode.ConnectionHasSeat, ServerText.ConnectionHasSeat);
        }

        // Counted once per connection, however often it rejoins (the count follows a moved seat).
        var firstAttach = !Context.Items.ContainsKey(AttachedGroupKey);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var group = sessions.FindSeat(token)?.Group
                ?? throw new Refusal(RefusalCode.SeatUnknown, ServerText.SeatUnknown);

            // Listen before taking the snapshot, so no turn falls between them (clients drop turns they already have).
            var participants = GroupNotifier.ParticipantsOf(group.Id);
            await Groups.AddToGroupAsync(Context.ConnectionId, participants);

            // The group tells its people the seat is connected, and the snapshot is taken before anything else happens.
            var attached = await group.SubmitAsync(new GroupCommand.Attach(token, firstAttach), state =>
                state.Seats.TryGetValue(token, out var seat)
                    ? (seat, Messages.Snapshot(group, state, seat.IsObserver ? null : seat.Role, instructor: false, SeatIds.Of(token)))
                    : ((Seat Seat, GroupSnapshot Snapshot)?)null); // moved away meanwhile
            if (attached is not { } found)
            {
                if (!string.Equals(AttachedGroup, participants, StringComparison.Ordinal))
                {
                    await Groups.RemoveFromGroupAsync(Context.ConnectionId, participants);
                }

                continue;
            }

            if (AttachedGroup is { } previous && previous != participants)
            {
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, previous);
            }

            Context.Items[SeatKey] = token;
            Context.Items[AttachedGroupKey] = participants;
            await Groups.AddToGroupAsync(Context.ConnectionId, SeatIds.SignalRGroup(token));
            return new JoinResult(token, group.Id, found.Seat.Role, found.Snapshot);
        }

        throw new Refusal(RefusalCode.SeatBeingMoved, ServerText.SeatBeingMoved);
    }

    private string? AttachedGroup => Context.Items.TryGetValue(AttachedGroupKey, out var value) ? value as string : null;

    /// <summary>This connection's group and seat.</summary>
    private (GroupRuntime Group, Seat Seat) CurrentSeat()
    {
        if (!Context.Items.TryGetValue(SeatKey, out var value) || value is not string token || sessions.FindSeat(token) is not { } found)
        {
            throw new Refusal(RefusalCode.NoSeatYet, ServerText.NoSeatYet);
        }

        return found;
    }

    private (GroupRuntime Group, string Role) SpeakingSeat()
    {
        var found = CurrentSeat();
        if (found.Seat.Role == RoleIds.Observer)
        {
            throw new Refusal(RefusalCode.NotYourRole, ServerText.ObserversCannotSpeak);
        }

        return (found.Group, found.Seat.Role);
    }

    private SessionRuntime InstructorSession(string sessionId)
    {
        return sessions.FindSession(sessionId ?? string.Empty) ?? throw new Refusal(RefusalCode.SessionUnknown, ServerText.NoSession(sessionId ?? string.Empty));
    }

    private GroupRuntime InstructorGroup(string groupId)
    {
        return sessions.FindGroup(groupId ?? string.Empty) ?? throw new Refusal(RefusalCode.GroupUnknown, ServerText.NoGroup(groupId ?? string.Empty));
    }
}
