using RolePlay.Core.Engine;
using RolePlay.Core.Groups;

namespace RolePlay.Server.Sessions;

/// <summary>
/// Where groups' logs are kept: the truth a group's state is replayed from. Whatever is appended here is stored before
/// anyone hears of it; a failed append means the turn was never accepted.
/// </summary>
public interface ITurnLog
{
    /// <summary>Stores one accepted turn of a group; completes once it is durable, fails when it could not be stored.</summary>
    Task AppendAsync(string groupId, Turn turn);

    /// <summary>Stores when a group's play opened (its turn times count from then); fails when it could not be stored.</summary>
    Task MarkStartedAsync(string groupId, DateTime startedUtc);

    /// <summary>The stored logs of <paramref name="groupIds"/>, for recovery; a group with nothing stored has <see cref="GroupLog.Empty"/>.</summary>
    Task<IReadOnlyDictionary<string, GroupLog>> ReadAsync(IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken = default);
}
