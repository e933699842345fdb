using RolePlay.Contracts;
using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace RolePlay.Server.Tests;

/// <summary>Two real server processes as one cluster (Redis for membership and SignalR, one PostgreSQL), and one killed.</summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    [ClusterFact]
    public async Task Two_nodes_play_one_scene_and_a_node_killed_mid_scene_loses_no_acknowledged_turn()
    {
        var environment = ClusterFactAttribute.NodeSettings();
        var a = await ServerProcess.StartAsync(environment: environment);
        await using var b = await ServerProcess.StartAsync(environment: environment);
        var players = new Dictionary<string, Player>();
        try
        {
            var session = await a.CreateSessionAsync("bakery-egg-tart-zh");
            var code = session.JoinCode;

            // The customer and the clerk on node A, where the group's grain starts (it lives where it is first called);
            // the supervisor and the manager on node B.
            foreach (var (role, node) in new[] { ("customer", a), ("clerk", a), ("supervisor", b), ("manager", b) })
            {
                players[role] = await Player.JoinAsync(node, code, "Student " + role, role);
            }

            await b.StartSessionAsync(session.SessionId);
            var script = LivePlayTests.Script("egg-tart-good.zh.jsonl");
            var seq = 0;
            async Task PlayAsync(int lines)
            {
                foreach (var (role, text) in script.Skip(seq).Take(lines))
                {
                    var turn = await players[role].SayAsync(text);
                    Assert.Equal(++seq, turn.Seq);
                    foreach (var p in players.Values)
                    {
                        await p.WaitForSeqAsync(seq); // every line reaches all four seats, whichever node they are on
                    }
                }
            }

            await PlayAsync(4);
            var groupId = players["clerk"].GroupId;
            Assert.Contains($"Group {groupId} is live on this node", a.Log, StringComparison.Ordinal); // the grain was on A

            // Node A dies mid-scene. Its students reconnect to node B, as a load balancer would send them.
            var clock = Stopwatch.StartNew();
            await a.KillAsync();
            var rejoined = new List<Player>();
            foreach (var role in new[] { "customer", "clerk" })
            {
                var token = players[role].Token;
                await players[role].DisposeAsync();
                players[role] = await RejoinAsync(b, token);
                rejoined.Add(players[role]);
            }

            Assert.Contains($"Group {groupId} is live on this node", b.Log, StringComparison.Ordinal); // and came back on B
            output.WriteLine($"The group answered from node B {clock.Elapsed.TotalSeconds:F1} s after node A was killed.");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"failover took {clock.Elapsed}");
            foreach (var p in rejoined)
            {
                var snapshot = p.Joined.Snapshot;
                Assert.Equal(Enumerable.Range(1, 4), snapshot.Turns.Select(t => t.Seq));
                Assert.Equal(SessionState.Running, snapshot.SessionState);
            }

            await PlayAsync(script.Count - seq);
            foreach (var p in players.Values)
            {
                Assert.Equal("resolved", (await p.WaitForEndedAsync()).OutcomeId);
            }

            // Every acknowledged turn is stored once, in order: no gap, no duplicate.
            var transcript = await b.TranscriptAsync(players["clerk"].GroupId);
            Assert.Equal(Enumerable.Range(1, script.Count), transcript.Turns.Select(t => t.Seq));
            Assert.Equal("resolved", transcript.Outcome.Id);
        }
        finally
        {
            foreach (var p in players.Values)
            {
                await p.DisposeAsync();
            }

            await a.DisposeAsync();
        }
    }

    [ClusterFact]
    public async Task The_load_tool_seats_each_group_across_the_nodes_and_every_line_reaches_every_seat()
    {
        var environment = ClusterFactAttribute.NodeSettings();
        environment["RolePlay__HubCallsPerSecond"] = "10000";
        environment["RolePlay__HubCallBurst"] = "10000";
        await using var a = await ServerProcess.StartAsync(environment: environment);
        await using var b = await ServerProcess.StartAsync(environment: environment);
        var (code, report, errors) = await CliProcess.RunAsync(
            TimeSpan.FromMinutes(2), "load", "--url", a.Url.ToString(), "--url", b.Url.ToString(), "--key", ServerProcess.Key, "--groups", "2", "--duration", "2", "--json");

        Assert.True(code == 0, errors + report);
        var root = JsonDocument.Parse(report).RootElement;
        Assert.True(root.GetProperty("turns").GetInt32() > 0); // a turn counts once all four seats, on both nodes, had it
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task A_node_refuses_to_start_in_cluster_mode_on_sqlite()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = "127.0.0.1:1",
        }));
        Assert.Contains("Cluster mode (ConnectionStrings:Redis is set) needs PostgreSQL", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Rejoins a seat on <paramref name="node"/>, trying again while the cluster is still finding the group a new home.</summary>
    internal static async Task<Player> RejoinAsync(ServerProcess node, string token)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var player = await Player.ConnectAsync(node);
            try
            {
                await player.RejoinAsync(token);
                return player;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await player.DisposeAsync();
                await Task.Delay(250);
            }
        }
    }
}

/// <summary>A test that needs Redis and PostgreSQL; skipped, saying why, when either is missing.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Redis) || string.IsNullOrWhiteSpace(PostgresFactAttribute.ConnectionString))
        {
            Skip = "No Redis or no PostgreSQL: set ROLEPLAY_TEST_REDIS (host:port) and ROLEPLAY_TEST_POSTGRES (.ci/run starts both on 127.0.0.1).";
        }
    }

    /// <summary>The test Redis, host:port.</summary>
    public static string? Redis => Environment.GetEnvironmentVariable("ROLEPLAY_TEST_REDIS");

    /// <summary>The settings of one node of a new cluster: its own cluster id and database, shared by every node started with them.</summary>
    public static Dictionary<string, string> NodeSettings()
    {
        var id = Guid.NewGuid().ToString("N");
        return new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = Redis!,
            ["ConnectionStrings__RolePlay"] = PostgresFactAttribute.ConnectionString! + $";Database=roleplay_{id}",
            ["RolePlay__Cluster__Id"] = "test-" + id,
            ["RolePlay__Cluster__Address"] = "127.0.0.1",
        };
    }
}
