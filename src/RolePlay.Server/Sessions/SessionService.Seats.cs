using RolePlay.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using RolePlay.Server.Persistence;

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
        await _seating.WaitAsync().ConfigureAwait(false);
        try
        {
            var token = _groupByToken.Keys.FirstOrDefault(t => string.Equals(SeatIds.Of(t), seatId, StringComparison.Ordinal))
                ?? throw new HubException("No one sits in that seat any more; refresh the roster and try again.");
            (from, seat) = FindSeat(token) ?? throw new HubException("No one sits in that seat any more; refresh the roster and try again.");
            to = FindGroup(groupId ?? string.Empty) ?? throw new HubException($"There is no group '{groupId}'; pick a group from the lobby.");
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

        await _services.Hub.Clients.Group(SeatIds.SignalRGroup(seat.Token)).Moved(new MovedMessage(to.Row.Id, seat.Role)).ConfigureAwait(false);
        await from.BroadcastRosterAsync().ConfigureAwait(false);
        if (to != from)
        {
            await to.BroadcastRosterAsync().ConfigureAwait(false);
        }

        // A seat left empty may now be a bot's, and a bot's seat may now be a person's.
        await Task.WhenAll(from.RunBotsAsync(), to.RunBotsAsync()).ConfigureAwait(false);
    }

    private static void CheckMove(GroupRuntime from, GroupRuntime to, SeatRow seat, string role)
    {
        var session = from.Session;
        if (to.Session != session)
        {
            throw new HubException("That group belongs to another session; move people only between groups of their own session.");
        }

        if (session.Row.State == SessionState.Ended)
        {
            throw new HubException("This session has ended; seats can no longer be moved.");
        }

        if (role != ObserverRole && session.Scenario.FindRole(role) is null)
        {
            throw new HubException($"There is no role '{role}' here; choose one of: {string.Join(", ", session.Scenario.Roles.Select(r => r.Id))}, or {ObserverRole}.");
        }

        if (to == from && role == seat.Role)
        {
            throw new HubException($"{seat.Name} already sits in {to.Row.Name} as {role}; choose another group or role.");
        }

        if (role != ObserverRole && to.Seats.Values.FirstOrDefault(s => s.Role == role && s.Token != seat.Token) is { } taken)
        {
            throw new HubException($"The {role} seat in {to.Row.Name} is taken by {taken.Name}; move them first or choose another seat.");
        }
    }
}
