using RolePlay.Contracts;
using Microsoft.EntityFrameworkCore;
using RolePlay.Core.Engine;
using RolePlay.Core.Groups;
using RolePlay.Server.Localization;
using RolePlay.Server.Cluster;
using RolePlay.Server.Persistence;

namespace RolePlay.Server.Sessions;

/// <summary>Taking a seat (students, one at a time per server) and moving people between seats (instructor).</summary>
public sealed partial class SessionService
{
    // One join at a time on this server, so two students cannot both take the last free seat of a role.
    private readonly SemaphoreSlim _seating = new(1, 1);

    /// <summary>Seats a student, or explains why not. The seating itself happens in the session's grain.</summary>
    public async Task<(GroupRuntime Group, Seat Seat)> JoinAsync(JoinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = (request.Name ?? string.Empty).Trim();
        if (!VisibleText.HasVisible(name) || VisibleText.Length(name) > 40)
        {
            throw new Refusal(RefusalCode.NameRequired, ServerText.NameRequired);
        }

        if (await FindByCodeAsync(request.JoinCode) is not { } session)
        {
            throw new Refusal(RefusalCode.JoinCodeUnknown, ServerText.UnknownJoinCode);
        }

        var joined = (await GrainCall.Run(() => _grains.GetGrain<ISessionGrain>(session.Row.Id).Join(request with { Name = name }))).Unwrap()!;
        var group = FindGroup(joined.GroupId) ?? throw new Refusal(RefusalCode.GroupNotInSession, ServerText.GroupNotInSession);
        _groupByToken[joined.Seat.Token] = group;
        return (group, joined.Seat);
    }

    /// <summary>Seats a student in <paramref name="session"/>; runs in the session's grain.</summary>
    internal async Task<(GroupRuntime Group, Seat Seat)> JoinHereAsync(SessionRuntime session, JoinRequest request)
    {
        var name = request.Name;
        if (session.Row.State == SessionState.Ended)
        {
            throw new Refusal(RefusalCode.JoinCodeEnded, ServerText.SessionEndedAskForCode);
        }

        var role = request.Role ?? string.Empty;
        if (role != RoleIds.Observer && session.Scenario.FindRole(role) is null)
        {
            throw new Refusal(RefusalCode.RoleUnknown, ServerText.NoSuchRoleHere(role, session.Scenario.Roles.Select(r => r.Id)));
        }

        await _seating.WaitAsync();
        try
        {
            var seats = new Dictionary<GroupRuntime, IReadOnlyList<Seat>>();
            foreach (var g in session.Groups)
            {
                seats[g] = await g.SeatsAsync();
            }

            var group = PickGroup(session, seats, request.GroupId, role);
            if (role == RoleIds.Observer && seats.Values.Sum(s => s.Count(s => s.Role == RoleIds.Observer)) >= _options.MaxObserversPerSession)
            {
                throw new Refusal(RefusalCode.ObserversFull, ServerText.ObserversFull(_options.MaxObserversPerSession));
            }

            // Counted last, so a refused join does not use up the session's joins.
            using (var lease = session.Joins.AttemptAcquire())
            {
                if (!lease.IsAcquired)
                {
                    throw new Refusal(RefusalCode.JoinsBusy, ServerText.JoinsBusy);
                }
            }

            var row = new SeatRow { Token = JoinCodes.NewToken(), GroupId = group.Id, Role = role, Name = name, JoinedUtc = DateTime.UtcNow };
            await using (var db = await _db.CreateDbContextAsync())
            {
                db.Seats.Add(row);
                await db.SaveChangesAsync();
            }

            var seat = SeatOf(row);
            await group.SubmitAsync(new GroupCommand.TakeSeat(seat));
            _groupByToken[seat.Token] = group;
            return (group, seat);
        }
        finally
        {
            _seating.Release();
        }
    }

    /// <summary>
    /// Moves the participant in seat <paramref name="seatId"/> to <paramref name="role"/> in group <paramref name="groupId"/>
    /// of the same session, then tells both groups (Roster) and them (Moved). Their earlier turns stay in the old
    /// group's log under the role they spoke as. Refusals change nothing.
    /// </summary>
    public async Task MoveAsync(string seatId, string groupId, string role)
    {
        if (await FindGroupAsync(groupId ?? string.Empty) is not { } to)
        {
            // Which refusal: a seat nobody holds is gone whatever the group.
            throw _groupByToken.Keys.Any(t => string.Equals(SeatIds.Of(t), seatId, StringComparison.Ordinal))
                ? new Refusal(RefusalCode.GroupUnknown, ServerText.NoGroupToMoveTo(groupId ?? string.Empty))
                : new Refusal(RefusalCode.SeatGone, ServerText.SeatGone);
        }

        (await GrainCall.Run(() => SessionGrain(to.Session).Move(seatId, to.Id, role ?? string.Empty))).Unwrap();
    }

    /// <summary>Moves a seat within <paramref name="session"/>; runs in the session's grain.</summary>
    internal async Task MoveHereAsync(SessionRuntime session, string seatId, string groupId, string role)
    {
        var newRole = role;
        GroupRuntime from, to;
        Seat seat;
        await _seating.WaitAsync();
        try
        {
            // The session's seats as stored (any node may have seated them), then this node's other sessions.
            var groupIds = session.Groups.Select(g => g.Id).ToList();
            await using (var db = await _db.CreateDbContextAsync())
            {
                var tokens = await db.Seats.Where(s => groupIds.Contains(s.GroupId)).Select(s => new { s.Token, s.GroupId }).ToListAsync();
                if (tokens.FirstOrDefault(t => string.Equals(SeatIds.Of(t.Token), seatId, StringComparison.Ordinal)) is { } mine)
                {
                    _groupByToken[mine.Token] = FindGroup(mine.GroupId)!;
                }
            }

            var token = _groupByToken.Keys.FirstOrDefault(t => string.Equals(SeatIds.Of(t), seatId, StringComparison.Ordinal))
                ?? throw new Refusal(RefusalCode.SeatGone, ServerText.SeatGone);
            from = _groupByToken[token];
            seat = (await from.SeatsAsync()).FirstOrDefault(s => s.Token == token) ?? throw new Refusal(RefusalCode.SeatGone, ServerText.SeatGone);
            to = FindGroup(groupId) ?? throw new Refusal(RefusalCode.GroupUnknown, ServerText.NoGroupToMoveTo(groupId));
            await CheckMoveAsync(from, to, seat, newRole);

            await using (var db = await _db.CreateDbContextAsync())
            {
                await db.Seats.Where(s => s.Token == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.GroupId, to.Id).SetProperty(r => r.Role, newRole));
            }

            // The participant's live connections follow the seat; they leave the old SignalR group when they rejoin.
            // Each group tells its own people, and lets a bot take a seat left empty or give one up to a person.
            var connections = 0;
            if (to != from)
            {
                connections = await from.LeaveSeatAsync(token);
            }

            await to.SubmitAsync(new GroupCommand.TakeSeat(seat with { Role = newRole, Connections = connections }));
            _groupByToken[token] = to;
        }
        finally
        {
            _seating.Release();
        }

        _send.ToGroup(SeatIds.SignalRGroup(seat.Token), nameof(IRolePlayClient.Moved), new MovedMessage(to.Id, newRole));
    }

    private static async Task CheckMoveAsync(GroupRuntime from, GroupRuntime to, Seat seat, string role)
    {
        var session = from.Session;
        if (to.Session != session)
        {
            throw new Refusal(RefusalCode.GroupNotInSession, ServerText.GroupOfAnotherSession);
        }

        if (session.Row.State == SessionState.Ended)
        {
            throw new Refusal(RefusalCode.SessionEnded, ServerText.MoveAfterEnd);
        }

        if (role != RoleIds.Observer && session.Scenario.FindRole(role) is null)
        {
            throw new Refusal(RefusalCode.RoleUnknown, ServerText.NoSuchRoleHere(role, session.Scenario.Roles.Select(r => r.Id)));
        }

        if (to == from && role == seat.Role)
        {
            throw new Refusal(RefusalCode.AlreadySeated, ServerText.AlreadySits(seat.Name, to.Name, role, ServerText.RoleName(session.Scenario, role)));
        }

        if (role != RoleIds.Observer && (await to.SeatsAsync()).FirstOrDefault(s => s.Role == role && s.Token != seat.Token) is { } taken)
        {
            throw new Refusal(RefusalCode.SeatTaken, ServerText.SeatTakenBy(role, ServerText.RoleName(session.Scenario, role), to.Name, taken.Name));
        }
    }

    private static GroupRuntime PickGroup(SessionRuntime session, Dictionary<GroupRuntime, IReadOnlyList<Seat>> seats, string? groupId, string role)
    {
        if (!string.IsNullOrEmpty(groupId))
        {
            var group = session.Groups.FirstOrDefault(g => g.Id == groupId)
                ?? throw new Refusal(RefusalCode.GroupNotInSession, ServerText.GroupNotInSession);
            if (role != RoleIds.Observer && seats[group].Any(s => s.Role == role))
            {
                throw new Refusal(RefusalCode.SeatTaken, ServerText.SeatTaken(role, ServerText.RoleName(session.Scenario, role), group.Name));
            }

            return group;
        }

        return role == RoleIds.Observer
            ? session.Groups[0]
            : session.Groups.FirstOrDefault(g => seats[g].All(s => s.Role != role))
                ?? throw new Refusal(RefusalCode.NoFreeSeat, ServerText.EverySeatTaken(role, ServerText.RoleName(session.Scenario, role)));
    }
}
