using RolePlay.Contracts;
using Microsoft.EntityFrameworkCore;
using RolePlay.Server.Persistence;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Sessions;

/// <summary>Moving people between seats (instructor).</summary>
public sealed partial class SessionService
{
    /// <summary>
    /// Moves the participant in seat <paramref name="seatId"/> to <paramref name="role"/> in group <paramref name="groupId"/>
    /// of the same session, then tells them (Moved) and everyone else (Roster). Their earlier turns stay in the old
    /// group's log under the role they spoke as. Refusals change nothing.
    /// </summary>
    public async Task MoveAsync(string seatId, string groupId, string role)
    {
        var newRole = role ?? string.Empty;
        GroupRuntime from, to;
        SeatRow seat;
        string oldRole;
        await _seating.WaitAsync().ConfigureAwait(false);
        try
        {
            var token = _groupByToken.Keys.FirstOrDefault(t => string.Equals(SeatIds.Of(t), seatId, StringComparison.Ordinal))
                ?? throw new Refusal(RefusalCode.SeatGone, ServerText.SeatGone);
            (from, seat) = FindSeat(token) ?? throw new Refusal(RefusalCode.SeatGone, ServerText.SeatGone);
            oldRole = seat.Role;
            to = FindGroup(groupId ?? string.Empty) ?? throw new Refusal(RefusalCode.GroupUnknown, ServerText.NoGroupToMoveTo(groupId ?? string.Empty));
            CheckMove(from, to, seat, newRole);

            await using (var db = await _db.CreateDbContextAsync().ConfigureAwait(false))
            {
                await db.Seats.Where(s => s.Token == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.GroupId, to.Row.Id).SetProperty(r => r.Role, newRole)).ConfigureAwait(false);
            }

            // The participant's live connections follow the seat; they leave the old SignalR group when they rejoin.
            var connections = await from.WithGateAsync(() =>
            {
                from.Seats.TryRemove(token, out _);
                return from.Connections.TryRemove(token, out var n) ? n : 0;
            }).ConfigureAwait(false);
            await to.WithGateAsync(() =>
            {
                seat.GroupId = to.Row.Id;
                seat.Role = newRole;
                to.Seats[token] = seat;
                return to.Connections[token] = connections;
            }).ConfigureAwait(false);
            _groupByToken[token] = to;
        }
        finally
        {
            _seating.Release();
        }

        _services.Send.ToGroup(SeatIds.SignalRGroup(seat.Token), nameof(IRolePlayClient.Moved), new MovedMessage(to.Row.Id, seat.Role));
        var roleSeat = oldRole != RoleIds.Observer || seat.Role != RoleIds.Observer;
        if (to != from)
        {
            from.SendRosterChange(null, SeatIds.Of(seat.Token), roleSeat);
        }

        to.SendRosterChange(seat, roleSeat: roleSeat);

        // A seat left empty may now be a bot's, and a bot's seat may now be a person's.
        await Task.WhenAll(from.RunBotsAsync(), to.RunBotsAsync()).ConfigureAwait(false);
    }

    private static void CheckMove(GroupRuntime from, GroupRuntime to, SeatRow seat, string role)
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
            throw new Refusal(RefusalCode.AlreadySeated, ServerText.AlreadySits(seat.Name, to.Row.Name, role, ServerText.RoleName(session.Scenario, role)));
        }

        if (role != RoleIds.Observer && to.Seats.Values.FirstOrDefault(s => s.Role == role && s.Token != seat.Token) is { } taken)
        {
            throw new Refusal(RefusalCode.SeatTaken, ServerText.SeatTakenBy(role, ServerText.RoleName(session.Scenario, role), to.Row.Name, taken.Name));
        }
    }
}
