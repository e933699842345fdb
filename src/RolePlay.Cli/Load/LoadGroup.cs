using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using RolePlay.Contracts;
using RolePlay.Core.Engine;

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
    private volatile Side _expecting = Side.Staff;

    public LoadGroup(string id) => Id = id;

    public string Id { get; }

    public IReadOnlyList<HubConnection> Seats => _seats;

    /// <summary>Whose move the last turn handed on to (RolePlay hub only).</summary>
    public Side Expecting
    {
        get => _expecting;
        set => _expecting = value;
    }

    public int LastSeq { get; set; }

    /// <summary>Adds a started connection and listens for its turns: <paramref name="turnEvent"/> is the hub's Turn event.</summary>
    public void Add(HubConnection connection, string turnEvent)
    {
        _seats.Add(connection);
        connection.On<TurnSeen>(turnEvent, turn =>
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
/// The two fields of a <see cref="TurnMessage"/> (a <c>Turn</c> event or a <c>Say</c> answer; a
/// <see cref="BaselineTurn"/> has the seq) the load tool reads, named and typed as there — a test holds it to the
/// contract. Binding to this instead of the whole message skips reading the verdicts, evidence and feedback of
/// every event: the tool shares the server's two cores, and a <see cref="TurnMessage"/> costs about four times as
/// much to read (twenty times the allocation), where the JSON document this replaced was ≈ 5 % of the tool's
/// managed CPU on the profile of a 200-group run.
/// </summary>
public sealed record TurnSeen(int Seq, Side? Expecting);

