using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Cli.Load;

/// <summary>
/// Four connections in one group. One line at a time: a turn counts as delivered when every seat has
/// received it, and its latency runs from the moment the line was sent.
/// </summary>
internal sealed class LoadGroup : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, int> _received = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _delivered = new();
    private readonly List<HubConnection> _seats = [];
    private volatile string _expecting = "staff";

    public LoadGroup(string id) => Id = id;

    public string Id { get; }

    public IReadOnlyList<HubConnection> Seats => _seats;

    /// <summary>Whose move the last turn handed on to (RolePlay hub only).</summary>
    public string Expecting
    {
        get => _expecting;
        set => _expecting = value;
    }

    public int LastSeq { get; set; }

    /// <summary>Adds a started connection and listens for its turns.</summary>
    public void Add(HubConnection connection)
    {
        _seats.Add(connection);
        connection.On<TurnSeen>("Turn", turn =>
        {
            var seq = turn.Seq;
            if (turn.Expecting is { } next)
            {
                _expecting = next;
            }

            if (_received.AddOrUpdate(seq, 1, (_, n) => n + 1) == _seats.Count && _delivered.TryGetValue(seq, out var done))
            {
                done.TrySetResult();
            }
        });
    }

    /// <summary>Sends one line with <paramref name="send"/> and returns the time until all seats had it.</summary>
    public async Task<TimeSpan> PlayLineAsync(Func<Task> send, CancellationToken cancellationToken)
    {
        var seq = LastSeq + 1;
        var done = _delivered.GetOrAdd(seq, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_received.GetValueOrDefault(seq) >= _seats.Count)
        {
            done.TrySetResult();
        }

        var clock = Stopwatch.StartNew();
        await send().ConfigureAwait(false);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        clock.Stop();
        LastSeq = seq;
        _delivered.TryRemove(seq, out _);
        _received.TryRemove(seq, out _);
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var seat in _seats)
        {
            await seat.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>
/// The two fields of a <c>Turn</c> event (or a <c>Say</c> result) the load tool reads. Binding to this instead of a
/// <see cref="System.Text.Json.JsonElement"/> skips building a document per event: the tool shares the server's two
/// cores, and on the profile of a 200-group run that DOM parse was ≈ 5 % of the tool's managed CPU.
/// </summary>
internal sealed record TurnSeen(int Seq, string? Expecting);

