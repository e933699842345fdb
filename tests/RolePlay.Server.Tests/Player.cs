using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>A real SignalR client in a seat: records every event it receives.</summary>
public sealed class Player : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private Player(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("Turn", t => Turns.Enqueue(t));
        connection.On<JsonElement>("Ended", e => Ended.Enqueue(e));
        connection.On<JsonElement>("Stage", s => Stages.Enqueue(s));
        connection.On<JsonElement>("Roster", r => Rosters.Enqueue(r));
        connection.On<JsonElement>("Moved", m => Moved.Enqueue(m));
        connection.On<JsonElement>("SessionState", s => SessionStates.Enqueue(s));
    }

    public HubConnection Connection { get; }

    public ConcurrentQueue<JsonElement> Turns { get; } = new();

    public ConcurrentQueue<JsonElement> Ended { get; } = new();

    public ConcurrentQueue<JsonElement> Stages { get; } = new();

    public ConcurrentQueue<JsonElement> Rosters { get; } = new();

    public ConcurrentQueue<JsonElement> Moved { get; } = new();

    public ConcurrentQueue<JsonElement> SessionStates { get; } = new();

    public JsonElement Joined { get; private set; }

    /// <summary>The public id of this player's seat, as the join snapshot names it.</summary>
    public string SeatId => Joined.GetProperty("snapshot").GetProperty("seatId").GetString()!;

    public string Token => Joined.GetProperty("participantToken").GetString()!;

    public string GroupId => Joined.GetProperty("groupId").GetString()!;

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
        player.Joined = await player.Connection.InvokeAsync<JsonElement>("Join", new { joinCode, name, role, groupId });
        return player;
    }

    public async Task RejoinAsync(string token) =>
        Joined = await Connection.InvokeAsync<JsonElement>("Rejoin", token);

    public Task<JsonElement> SayAsync(string text) => Connection.InvokeAsync<JsonElement>("Say", text);

    public Task<JsonElement> ActAsync(string action) => Connection.InvokeAsync<JsonElement>("Act", action);

    /// <summary>Waits until this client has received turns up to <paramref name="seq"/>.</summary>
    public async Task WaitForSeqAsync(int seq)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!Turns.Any(t => t.GetProperty("seq").GetInt32() >= seq))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"turn {seq} never arrived; got {string.Join(",", Turns.Select(t => t.GetProperty("seq").GetInt32()))}");
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
                throw new TimeoutException("waited in vain; turns: " + string.Join(" | ", Turns.Select(t => t.GetProperty("seq") + ":" + t.GetProperty("role"))));
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits for the Ended event.</summary>
    public async Task<JsonElement> WaitForEndedAsync()
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
