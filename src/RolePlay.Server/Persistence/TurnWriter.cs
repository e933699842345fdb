using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace RolePlay.Server.Persistence;

/// <summary>
/// Writes turns with group commit: every turn waiting when the writer is free goes into one transaction,
/// so one fsync serves many groups. A turn's task completes only once its transaction is durable, so
/// "acknowledged means stored" still holds.
/// </summary>
public sealed class TurnWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly Channel<(TurnRow Row, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(TurnRow, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<RolePlayDb> _db;
    private readonly Task _loop;

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
                await using var db = await _db.CreateDbContextAsync().ConfigureAwait(false);
                db.Turns.AddRange(batch.Select(b => b.Row));
                await db.SaveChangesAsync().ConfigureAwait(false);
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
        foreach (var (row, done) in batch)
        {
            try
            {
                await using var db = await _db.CreateDbContextAsync().ConfigureAwait(false);
                db.Turns.Add(row);
                await db.SaveChangesAsync().ConfigureAwait(false);
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        }
    }
}
