using Microsoft.EntityFrameworkCore;
using RolePlay.Contracts;
using RolePlay.Server.Persistence;

namespace RolePlay.Server.Sessions;

/// <summary>
/// Finding sessions and groups by id, join code or seat: from what this server already holds, else from the
/// database (another server of the cluster may have created or moved them).
/// </summary>
public sealed partial class SessionService
{
    /// <summary>The session with this id, or null.</summary>
    public SessionRuntime? FindSession(string id) => _sessions.GetValueOrDefault(id);

    /// <summary>The session with this join code (spaces, dashes and case ignored), ended ones included, or null.</summary>
    public SessionRuntime? FindByCode(string? code)
    {
        var normalized = JoinCodes.Normalize(code);
        return _byCode.TryGetValue(normalized, out var live)
            ? live
            : _sessions.Values.FirstOrDefault(s => string.Equals(s.Row.JoinCode, normalized, StringComparison.Ordinal));
    }

    /// <summary>The group with this id, or null.</summary>
    public GroupRuntime? FindGroup(string id) => _groups.GetValueOrDefault(id);

    /// <summary>The session with this id, looked up in the database when this node has not seen it yet; or null.</summary>
    public async Task<SessionRuntime?> FindSessionAsync(string id) =>
        FindSession(id) ?? await ReloadAsync(id);

    /// <summary>The session with this join code, looked up in the database when this node has not seen it yet; or null.</summary>
    public async Task<SessionRuntime?> FindByCodeAsync(string? code)
    {
        if (FindByCode(code) is { } known)
        {
            return known;
        }

        var normalized = JoinCodes.Normalize(code);
        await RestoreAsync(only: q => q.Where(r => r.JoinCode == normalized));
        return FindByCode(code);
    }

    /// <summary>The group with this id, looked up in the database when this node has not seen it yet; or null.</summary>
    public async Task<GroupRuntime?> FindGroupAsync(string id)
    {
        if (FindGroup(id) is { } known)
        {
            return known;
        }

        await using (var db = await _db.CreateDbContextAsync())
        {
            var sessionId = await db.Groups.Where(g => g.Id == id).Select(g => g.SessionId).FirstOrDefaultAsync();
            if (sessionId is not null)
            {
                await ReloadAsync(sessionId);
            }
        }

        return FindGroup(id);
    }

    /// <summary>
    /// The group the seat holding <paramref name="token"/> is in, or null. This node remembers where it saw a seat;
    /// <paramref name="fresh"/> asks the database instead (the seat may have been moved by another node).
    /// </summary>
    public async Task<GroupRuntime?> FindGroupOfAsync(string token, bool fresh = false)
    {
        if (!fresh && _groupByToken.TryGetValue(token, out var known))
        {
            return known;
        }

        string? groupId;
        await using (var db = await _db.CreateDbContextAsync())
        {
            groupId = await db.Seats.Where(s => s.Token == token).Select(s => s.GroupId).FirstOrDefaultAsync();
        }

        if (groupId is null || await FindGroupAsync(groupId) is not { } group)
        {
            return null;
        }

        _groupByToken[token] = group;
        return group;
    }

    private void Add(SessionRuntime session, GroupRuntime group)
    {
        session.Groups.Add(group);
        _groups[group.Id] = group;
    }

    /// <summary>Takes the stored state of a session this node already knows.</summary>
    private void Refresh(SessionRuntime session, SessionRow row)
    {
        session.Row.State = row.State;
        session.Row.BotsForEmptyRoles = row.BotsForEmptyRoles;
        session.Row.LiveFeedback = row.LiveFeedback;
        if (row.State == SessionState.Ended)
        {
            _byCode.TryRemove(row.JoinCode, out _);
        }
    }

    private void Register(SessionRuntime session)
    {
        _sessions[session.Row.Id] = session;
        if (session.Row.State != SessionState.Ended)
        {
            _byCode[session.Row.JoinCode] = session;
        }
    }
}
