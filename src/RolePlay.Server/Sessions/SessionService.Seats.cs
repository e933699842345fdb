using RolePlay.Contracts;
using Microsoft.EntityFrameworkCore;
using RolePlay.Core.Groups;
using RolePlay.Server.Localization;
using RolePlay.Server.Persistence;

namespace RolePlay.Server.Sessions;

/// <summary>Moving people between seats (instructor).</summary>
public sealed partial class SessionService
{
    /// <summary>
    /// Moves the participant in seat <paramref name="seatId"/> to <paramref name="role"/> in group <paramref name="groupId"/>
    /// of the same session, then tells both groups (Roster) and them (Moved). Their earlier turns stay in the old
    /// group's log under the role they spoke as. Refusals change nothing.
    /// </summary>
    public async Task MoveAsync(string seatId, string groupId, string role)
    {
        var newRole = role ?? string.Empty;
        GroupRuntime from, to;
        Seat seat;
        await _seating.WaitAsync();
        try
        {
            var token = _groupByToken.Keys.FirstOrDefault(t => string.Equals(SeatIds.Of(t), seatId, StringComparison.Ordinal))
                ?? throw new Refusal(RefusalCode.SeatGone, ServerText.SeatGone);
            (from, seat) = FindSeat(token) ?? throw new Refusal(RefusalCode.SeatGone, ServerText.SeatGone);
            to = FindGroup(groupId ?? string.Empty) ?? throw new Refusal(RefusalCode.GroupUnknown, ServerText.NoGroupToMoveTo(groupId ?? string.Empty));
            CheckMove(from, to, seat, newRole);

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
                var left = await from.SubmitAsync(new GroupCommand.LeaveSeat(token));
                connections = left.OfType<GroupEvent.RosterChanged>().SelectMany(r => r.Removed).Sum(s => s.Connections);
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

    private static void CheckMove(GroupRuntime from, GroupRuntime to, Seat seat, string role)
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

        if (role != RoleIds.Observer && to.Seats.Values.FirstOrDefault(s => s.Role == role && s.Token != seat.Token) is { } taken)
        {
            throw new Refusal(RefusalCode.SeatTaken, ServerText.SeatTakenBy(role, ServerText.RoleName(session.Scenario, role), to.Name, taken.Name));
        }
    }
}
