using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace RolePlay.Server.Persistence;

/// <summary>
/// Writes turns with group commit: every turn waiting when the writer is free goes into one transaction,
/// so one fsync serves many groups. A turn's task completes only once its transaction is durable, so
/// "acknowledged means stored" still holds.
/// </summary>
/// <remarks>
/// Rows are inserted with one prepared ADO.NET command per batch rather than EF's <c>SaveChanges</c>: the profile of a
/// 200-group run showed EF's change tracking and batch building as the largest managed cost on the write path, and the
/// rows are append-only, so nothing here needs tracking. The statement is built from the EF model and the provider's
/// SQL helper, so it stays correct for SQLite and PostgreSQL alike.
/// </remarks>
public sealed class TurnWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly Channel<(TurnRow Row, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(TurnRow, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<RolePlayDb> _db;
    private readonly Task _loop;
    private InsertStatement? _insert;

    /// <summary>Starts the writer.</summary>
    public TurnWriter(IDbContextFactory<RolePlayDb> db)
    {
        _db = db;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Stores <paramref name="row"/>; completes when it is durable, fails when it could not be stored.</summary>
    public Task AppendAsync(TurnRow row)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((row, done)))
        {
            done.SetException(new InvalidOperationException("The server is shutting down; the turn was not stored."));
        }

        return done.Task;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(TurnRow Row, TaskCompletionSource Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await InsertAsync(batch).ConfigureAwait(false);
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception ex) when (batch.Count > 1)
            {
                // One bad row must not sink its neighbours: store the batch row by row to find it.
                _ = ex;
                await WriteOneByOneAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                batch.ForEach(b => b.Done.TrySetException(ex));
            }

            batch.Clear();
        }
    }

    private async Task WriteOneByOneAsync(List<(TurnRow Row, TaskCompletionSource Done)> batch)
    {
        foreach (var item in batch)
        {
            try
            {
                await InsertAsync([item]).ConfigureAwait(false);
                item.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                item.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Inserts <paramref name="batch"/> in one transaction; returns once it is committed (durable).</summary>
    private async Task InsertAsync(IReadOnlyList<(TurnRow Row, TaskCompletionSource Done)> batch)
    {
        await using var db = await _db.CreateDbContextAsync().ConfigureAwait(false);
        var insert = _insert ??= InsertStatement.For(db);
        await db.Database.OpenConnectionAsync().ConfigureAwait(false);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = insert.Sql;
            var parameters = new DbParameter[insert.Columns.Count];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = command.CreateParameter();
                parameters[i].ParameterName = insert.ParameterNames[i];
                command.Parameters.Add(parameters[i]);
            }

            foreach (var (row, _) in batch)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = insert.Columns[i](row) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The INSERT for <see cref="TurnRow"/> (every stored column but the generated key), from the EF model.</summary>
    private sealed record InsertStatement(string Sql, IReadOnlyList<string> ParameterNames, IReadOnlyList<Func<TurnRow, object?>> Columns)
    {
        public static InsertStatement For(RolePlayDb db)
        {
            var entity = db.Model.FindEntityType(typeof(TurnRow)) ?? throw new InvalidOperationException("TurnRow is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var values = new Dictionary<string, Func<TurnRow, object?>>(StringComparer.Ordinal)
            {
                [nameof(TurnRow.GroupId)] = r => r.GroupId,
                [nameof(TurnRow.Seq)] = r => r.Seq,
                [nameof(TurnRow.Kind)] = r => r.Kind,
                [nameof(TurnRow.Role)] = r => r.Role,
                [nameof(TurnRow.Text)] = r => r.Text,
                [nameof(TurnRow.ActionId)] = r => r.ActionId,
                [nameof(TurnRow.EventId)] = r => r.EventId,
                [nameof(TurnRow.AtMs)] = r => r.AtMs,
                [nameof(TurnRow.IsBot)] = r => r.IsBot,
            };
            var stored = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
            if (stored.Count != values.Count || stored.Any(p => !values.ContainsKey(p.Name)))
            {
                // A new column on TurnRow must be written here too; failing loudly beats silently dropping it.
                throw new InvalidOperationException("TurnWriter's column list is out of date with TurnRow.");
            }

            var names = stored.Select((_, i) => sql.GenerateParameterName("p" + i)).ToList();
            var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", stored.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ({string.Join(", ", names)})";
            return new InsertStatement(text, names, [.. stored.Select(p => values[p.Name])]);
        }
    }
}
