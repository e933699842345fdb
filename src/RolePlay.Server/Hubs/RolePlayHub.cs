using RolePlay.Contracts;
using Microsoft.AspNetCore.SignalR;
using RolePlay.Core.Groups;
using RolePlay.Server.Auth;
using RolePlay.Server.Cluster;
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
        var (group, token) = await SeatTokenAsync();
        if (!Core.Engine.VisibleText.HasVisible(text))
        {
            throw new Refusal(RefusalCode.EmptyText, Core.Engine.PlayText.EmptyReply);
        }

        var length = Core.Engine.VisibleText.Length(text);
        if (length > Core.Engine.Play.MaxTextLength)
        {
            throw new Refusal(RefusalCode.TooLong, Core.Engine.PlayText.ReplyTooLong(length, Core.Engine.Play.MaxTextLength));
        }

        return (await group.SpeakAsync(token, SeatMove.Say(text)))!;
    }

    /// <summary>Takes one of the stage's actions as this connection's role.</summary>
    public async Task<TurnMessage> Act(string actionId)
    {
        var (group, token) = await SeatTokenAsync();
        return (await group.SpeakAsync(token, SeatMove.Act(actionId ?? string.Empty)))!;
    }

    /// <summary>Steps this connection's role into the scene, where the scenario lets the role step in unasked.</summary>
    public async Task StepIn()
    {
        var (group, token) = await SeatTokenAsync();
        await group.SpeakAsync(token, SeatMove.StepIn());
    }

    /// <summary>Instructor: brings a role that is not in the scene yet into one group's current stage.</summary>
    [InstructorOnly]
    public async Task BringIn(string groupId, string role) => await (await InstructorGroupAsync(groupId)).SubmitAsync(new GroupCommand.BringIn(role ?? string.Empty));

    /// <summary>Instructor: receive every event of a session; returns every group's scene.</summary>
    [InstructorOnly]
    public async Task<IReadOnlyList<GroupSnapshot>> WatchSession(string sessionId)
    {
        var session = await InstructorSessionAsync(sessionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, session.WatchersGroup).ConfigureAwait(false);
        var snapshots = new List<GroupSnapshot>();
        foreach (var group in session.Groups)
        {
            snapshots.Add(await group.WatchAsync());
        }

        return snapshots;
    }

    /// <summary>Instructor: opens play (or resumes it).</summary>
    [InstructorOnly]
    public async Task StartSession(string sessionId) => await sessions.StartAsync(await InstructorSessionAsync(sessionId));

    /// <summary>Instructor: pauses play.</summary>
    [InstructorOnly]
    public async Task PauseSession(string sessionId) => await sessions.PauseAsync(await InstructorSessionAsync(sessionId));

    /// <summary>Instructor: ends the session.</summary>
    [InstructorOnly]
    public async Task EndSession(string sessionId) => await sessions.EndAsync(await InstructorSessionAsync(sessionId));

    /// <summary>Instructor: lets bots play the empty seats, or stops them.</summary>
    [InstructorOnly]
    public async Task SetBots(string sessionId, bool enabled) => await sessions.SetBotsAsync(await InstructorSessionAsync(sessionId), enabled);

    /// <summary>Instructor: shows or hides verdicts to students from the next turn on.</summary>
    [InstructorOnly]
    public async Task SetLiveFeedback(string sessionId, bool enabled) => await sessions.SetLiveFeedbackAsync(await InstructorSessionAsync(sessionId), enabled);

    /// <summary>Instructor: moves a seated participant to another group of the session and/or another role.</summary>
    [InstructorOnly]
    public Task MoveSeat(string seatId, string groupId, string role)
    {
        return sessions.MoveAsync(seatId ?? string.Empty, groupId, role);
    }

    /// <summary>Instructor: injects a scenario event into one group.</summary>
    [InstructorOnly]
    public async Task InjectEvent(string groupId, string eventId) => await (await InstructorGroupAsync(groupId)).SubmitAsync(new GroupCommand.InjectEvent(eventId ?? string.Empty));

    /// <summary>Instructor: overrides one verdict with a note for the debrief.</summary>
    [InstructorOnly]
    public async Task OverrideVerdict(string groupId, int seq, string principle, int verdict, string note)
    {
        await feedback.OverrideAsync(await InstructorGroupAsync(groupId), seq, principle, verdict, note).ConfigureAwait(false);
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
        if (Context.Items.TryGetValue(SeatKey, out var value) && value is string token && await sessions.FindGroupOfAsync(token) is { } group)
        {
            await group.SubmitAsync(new GroupCommand.Detach(token));
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
            // After the first try, ask the database: another node may have moved the seat.
            var group = await sessions.FindGroupOfAsync(token, fresh: attempt > 0)
                ?? throw new Refusal(RefusalCode.SeatUnknown, ServerText.SeatUnknown);

            // Listen before taking the snapshot, so no turn falls between them (clients drop turns they already have).
            var participants = GroupNotifier.ParticipantsOf(group.Id);
            await Groups.AddToGroupAsync(Context.ConnectionId, participants);

            // The group tells its people the seat is connected, and the snapshot is taken before anything else happens.
            var attached = await group.AttachAsync(token, firstAttach); // null: moved away meanwhile
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
    private async Task<(GroupRuntime Group, Seat Seat)> CurrentSeatAsync()
    {
        var (group, token) = await SeatTokenAsync();
        return (group, (await group.SeatsAsync()).FirstOrDefault(s => s.Token == token) ?? throw new Refusal(RefusalCode.NoSeatYet, ServerText.NoSeatYet));
    }

    /// <summary>This connection's group and seat token; the group's grain checks the seat is there as it acts.</summary>
    private async Task<(GroupRuntime Group, string Token)> SeatTokenAsync()
    {
        if (!Context.Items.TryGetValue(SeatKey, out var value) || value is not string token || await sessions.FindGroupOfAsync(token) is not { } group)
        {
            throw new Refusal(RefusalCode.NoSeatYet, ServerText.NoSeatYet);
        }

        return (group, token);
    }

    private async Task<SessionRuntime> InstructorSessionAsync(string sessionId)
    {
        return await sessions.FindSessionAsync(sessionId ?? string.Empty) ?? throw new Refusal(RefusalCode.SessionUnknown, ServerText.NoSession(sessionId ?? string.Empty));
    }

    private async Task<GroupRuntime> InstructorGroupAsync(string groupId)
    {
        return await sessions.FindGroupAsync(groupId ?? string.Empty) ?? throw new Refusal(RefusalCode.GroupUnknown, ServerText.NoGroup(groupId ?? string.Empty));
    }
}
