using RolePlay.Core.Groups;

namespace RolePlay.Server.Sessions;

/// <summary>Tells a group's clients, and its session's watchers, what happened in the group.</summary>
public interface IGroupNotifier
{
    /// <summary>
    /// Sends <paramref name="events"/> (already stored where they must be) in order, without waiting for the network: a
    /// group's gate is held while this runs, and one slow phone must not stall the group.
    /// </summary>
    void Send(string sessionId, string groupId, IReadOnlyList<GroupEvent> events);

    /// <summary>False while events could not reach anyone (a cluster's Redis is down): then the group takes no command.</summary>
    bool CanSend => true;
}
