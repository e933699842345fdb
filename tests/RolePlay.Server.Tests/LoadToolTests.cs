using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>The load tool plays real groups against a real server and reports in the documented shape.</summary>
public sealed class LoadToolTests
{
    [Fact]
    public async Task Load_reports_turns_latency_baseline_and_memory_as_json()
    {
        await using var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["RolePlay__HubCallsPerSecond"] = "10000",
            ["RolePlay__HubCallBurst"] = "10000",
        });
        var (code, output, errors) = await CliProcess.RunAsync(
            TimeSpan.FromMinutes(2), "load", "--url", server.Url.ToString(), "--key", ServerProcess.Key, "--groups", "2", "--duration", "2", "--json");

        Assert.True(code == 0, errors + output);
        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        Assert.True(root.GetProperty("turnsPerSecond").GetDouble() > 0);
        Assert.True(root.GetProperty("baseline").GetProperty("turnsPerSecond").GetDouble() > 0);
        foreach (var name in new[] { "p50Ms", "p95Ms", "p99Ms", "serverMemoryMb" })
        {
            Assert.True(root.TryGetProperty(name, out _), name);
        }

        Assert.Equal(0, root.GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task The_baseline_hub_is_closed_to_connections_without_the_instructor_key()
    {
        await using var server = await ServerProcess.StartAsync();
        var connection = new HubConnectionBuilder().WithUrl(new Uri(server.Url, "/hubs/baseline")).Build();
        var closed = new TaskCompletionSource();
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        try
        {
            await connection.StartAsync();
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is not TimeoutException)
        {
            // refused during the handshake: as good as closed
        }

        Assert.NotEqual(HubConnectionState.Connected, connection.State);
        await connection.DisposeAsync();
    }
}
