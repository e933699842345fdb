using Microsoft.EntityFrameworkCore;
using RolePlay.Core.Engine;
using RolePlay.Core.Groups;
using RolePlay.Server.Sessions;

namespace RolePlay.Server.Persistence;

/// <summary>
/// The groups' logs in the database: turns as <see cref="TurnRow"/>s through <see cref="TurnWriter"/>'s group commit,
/// start times on the <see cref="GroupRow"/>s.
/// </summary>
public sealed class TurnLog(IDbContextFactory<RolePlayDb> db, TurnWriter writer) : ITurnLog
{
    /// <inheritdoc />
    public Task AppendAsync(string groupId, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return writer.AppendAsync(new TurnRow
        {
            GroupId = groupId, Seq = turn.Seq, Kind = (int)turn.Kind, Role = turn.Role, Text = turn.Text,
            ActionId = turn.ActionId, EventId = turn.EventId, AtMs = turn.AtMs, IsBot = turn.IsBot,
        });
    }

    /// <inheritdoc />
    public async Task MarkStartedAsync(string groupId, DateTime startedUtc)
    {
        await using var context = await db.CreateDbContextAsync();
        await context.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.StartedUtc, startedUtc));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, GroupLog>> ReadAsync(IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        var ids = groupIds.Distinct(StringComparer.Ordinal).ToList();
        await using var context = await db.CreateDbContextAsync(cancellationToken);
        var groups = await context.Groups.AsNoTracking().Where(g => ids.Contains(g.Id))
            .Select(g => new { g.Id, g.StartedUtc }).ToListAsync(cancellationToken);
        var turns = (await context.Turns.AsNoTracking().Where(t => ids.Contains(t.GroupId)).OrderBy(t => t.Seq).ToListAsync(cancellationToken))
            .ToLookup(t => t.GroupId, StringComparer.Ordinal);
        var logs = ids.ToDictionary(id => id, _ => GroupLog.Empty, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            logs[group.Id] = new GroupLog(
                group.StartedUtc,
                [.. turns[group.Id].Select(t => new TurnRecord((TurnKind)t.Kind, t.Role, t.Text, t.ActionId, t.EventId, t.AtMs, t.IsBot))]);
        }

        return logs;
    }
}
