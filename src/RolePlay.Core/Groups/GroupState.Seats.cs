using System.Collections.Immutable;

namespace RolePlay.Core.Groups;

/// <summary>The group's seats: who sits where, who is connected, and which roles bots play.</summary>
public sealed partial class GroupState
{
    private ImmutableDictionary<string, Seat> _seats;

    /// <summary>Taken seats by participant token, observers included. Immutable: a copy may be read anywhere.</summary>
    public IReadOnlyDictionary<string, Seat> Seats => _seats;

    /// <summary>Taken seats in the order people joined.</summary>
    public IReadOnlyList<Seat> Roster => [.. _seats.Values.OrderBy(s => s.JoinedUtc).ThenBy(s => s.Token, StringComparer.Ordinal)];

    /// <summary>Roles no person sits in, played by bots when the session allows it.</summary>
    public IReadOnlyList<string> BotRoles => Settings.Bots
        ? [.. Scenario.Roles.Select(r => r.Id).Where(r => _seats.Values.All(s => s.Role != r))]
        : [];

    private IReadOnlyList<GroupEvent> TakeSeat(Seat seat)
    {
        var before = _seats.GetValueOrDefault(seat.Token);
        var taken = before is null ? seat : seat with { Connections = before.Connections };
        _seats = _seats.SetItem(taken.Token, taken);

        // A seat that is or was a role's concerns everyone; an observer's only the instructor.
        return [Changed([taken], [], taken.IsObserver && before?.IsObserver != false)];
    }

    private IReadOnlyList<GroupEvent> LeaveSeat(string token)
    {
        if (!_seats.TryGetValue(token, out var seat))
        {
            return [];
        }

        _seats = _seats.Remove(token);
        return [Changed([], [seat], seat.IsObserver)];
    }

    private IReadOnlyList<GroupEvent> Attach(string token, bool newConnection)
    {
        if (!_seats.TryGetValue(token, out var seat))
        {
            return []; // moved away meanwhile: the caller looks for it again
        }

        var attached = newConnection ? seat with { Connections = seat.Connections + 1 } : seat;
        _seats = _seats.SetItem(token, attached);
        return [Changed([attached], [], attached.IsObserver)];
    }

    private IReadOnlyList<GroupEvent> Detach(string token)
    {
        if (!_seats.TryGetValue(token, out var seat))
        {
            return [];
        }

        var detached = seat with { Connections = Math.Max(0, seat.Connections - 1) };
        _seats = _seats.SetItem(token, detached);
        return [Changed([detached], [], detached.IsObserver)];
    }

    private GroupEvent.RosterChanged Changed(IReadOnlyList<Seat> changed, IReadOnlyList<Seat> removed, bool observersOnly) =>
        new(changed, removed, BotRoles, observersOnly);
}
