using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using RolePlay.Contracts;
using RolePlay.Server.Auth;

namespace RolePlay.Server.Hubs;

/// <summary>
/// The load tool's floor: a hub in the same server that only broadcasts a line to its group — no engine,
/// no database — so RolePlay's figures can be read as a ratio to what SignalR itself costs here.
/// Instructor-key holders only: without the key, negotiate and the connection itself are answered 401.
/// </summary>
[Authorize(Policy = InstructorAuth.Policy)]
public sealed class BaselineHub : Hub<IBaselineClient>, IBaselineHub
{
    private static readonly ConcurrentDictionary<string, int> Seqs = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, "b:" + group);

    /// <inheritdoc />
    public async Task<int> Say(string group, string text)
    {
        var seq = Seqs.AddOrUpdate(group, 1, (_, s) => s + 1);
        await Clients.Group("b:" + group).Turn(new BaselineTurn(group, seq, text));
        return seq;
    }
}
