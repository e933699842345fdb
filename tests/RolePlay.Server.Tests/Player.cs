using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using RolePlay.Contracts;

namespace RolePlay.Server.Tests;

/// <summary>A real SignalR client in a seat: records every event it receives, as the contract's records.</summary>
public sealed class Player : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private Player(HubConnection connection)
    {
        Connection = connection;
        connection.On<TurnMessage>(nameof(IRolePlayClient.Turn), Turns.Enqueue);
        connection.On<EndedMessage>(nameof(IRolePlayClient.Ended), Ended.Enqueue);
        connection.On<StageInfo>(nameof(IRolePlayClient.Stage), Stages.Enqueue);
        connection.On<RosterMessage>(nameof(IRolePlayClient.Roster), Rosters.Enqueue);
        connection.On<MovedMessage>(nameof(IRolePlayClient.Moved), Moved.Enqueue);
        connection.On<SessionStateMessage>(nameof(IRolePlayClient.SessionState), SessionStates.Enqueue);
    }

    public HubConnection Connection { get; }

    public ConcurrentQueue<TurnMessage> Turns { get; } = new();

    public ConcurrentQueue<EndedMessage> Ended { get; } = new();

    public ConcurrentQueue<StageInfo> Stages { get; } = new();

    public ConcurrentQueue<RosterMessage> Rosters { get; } = new();

    public ConcurrentQueue<MovedMessage> Moved { get; } = new();

    public ConcurrentQueue<SessionStateMessage> SessionStates { get; } = new();

    public JoinResult Joined { get; private set; } = null!;

    /// <summary>The public id of this player's seat, as the join snapshot names it.</summary>
    public string SeatId => Joined.Snapshot.SeatId!;

    public string Token => Joined.ParticipantToken;

    public string GroupId => Joined.GroupId;

    /// <summary>Connects (with a reconnect policy that never gives up) without taking a seat; <paramref name="lang"/> goes on the URL as the browser sends it.</summary>
    public static async Task<Player> ConnectAsync(ServerProcess server, bool instructor = false, string? lang = null)
    {
        var query = new List<string>();
        if (instructor)
        {
            query.Add("access_token=" + ServerProcess.Key);
        }

        if (lang is not null)
        {
            query.Add("lang=" + Uri.EscapeDataString(lang));
        }

        var url = new Uri(server.Url, "/hubs/roleplay" + (query.Count > 0 ? "?" + string.Join("&", query) : string.Empty));
        var connection = new HubConnectionBuilder()
            .WithUrl(url)
            .WithAutomaticReconnect(new ForeverRetryPolicy())
            .Build();
        await connection.StartAsync();
        return new Player(connection);
    }

    /// <summary>Connects and takes a seat.</summary>
    public static async Task<Player> JoinAsync(ServerProcess server, string joinCode, string name, string role, string? groupId = null, string? lang = null)
    {
        var player = await ConnectAsync(server, lang: lang);
        player.Joined = await player.TryJoinAsync(joinCode, name, role, groupId);
        return player;
    }

    /// <summary>Calls Join on this connection (for tests that expect a refusal, or a second seat).</summary>
    public Task<JoinResult> TryJoinAsync(string joinCode, string name, string role, string? groupId = null) =>
        Connection.InvokeAsync<JoinResult>(nameof(IRolePlayHub.Join), new JoinRequest(joinCode, name, role, groupId));

    public async Task RejoinAsync(string token) =>
        Joined = await Connection.InvokeAsync<JoinResult>(nameof(IRolePlayHub.Rejoin), token);

    public Task<TurnMessage> SayAsync(string text) => Connection.InvokeAsync<TurnMessage>(nameof(IRolePlayHub.Say), text);

    public Task<TurnMessage> ActAsync(string action) => Connection.InvokeAsync<TurnMessage>(nameof(IRolePlayHub.Act), action);

    /// <summary>Waits until this client has received turns up to <paramref name="seq"/>.</summary>
    public async Task WaitForSeqAsync(int seq)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!Turns.Any(t => t.Seq >= seq))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"turn {seq} never arrived; got {string.Join(",", Turns.Select(t => t.Seq))}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("waited in vain; turns: " + string.Join(" | ", Turns.Select(t => t.Seq + ":" + t.Role)));
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits for the Ended event.</summary>
    public async Task<EndedMessage> WaitForEndedAsync()
    {
        var deadline = DateTime.UtcNow + Wait;
        while (Ended.IsEmpty)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the scene never ended");
            }

            await Task.Delay(20);
        }

        return Ended.First();
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    /// <summary>Retries every second, forever: a classroom's wifi can drop for longer than four tries.</summary>
    private sealed class ForeverRetryPolicy : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            TimeSpan.FromMilliseconds(Math.Min(5000, 250 * (retryContext.PreviousRetryCount + 1)));
    }
}
