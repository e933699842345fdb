namespace RolePlay.Server.Tests;

/// <summary>The turn log is the truth: a server killed mid-session comes back whole.</summary>
public sealed class RestartTests
{
    [Fact]
    public Task After_a_hard_kill_the_sqlite_log_is_whole_and_play_goes_on() => KillAndRestart(null);

    [PostgresFact]
    public Task After_a_hard_kill_the_postgresql_log_is_whole_and_play_goes_on() =>
        KillAndRestart(new Dictionary<string, string>
        {
            ["ConnectionStrings__RolePlay"] = PostgresFactAttribute.ConnectionString! + $";Database=roleplay_{Guid.NewGuid():N}",
        });

    private static async Task KillAndRestart(IReadOnlyDictionary<string, string>? environment)
    {
        var server = await ServerProcess.StartAsync(environment: environment);
        string groupId, clerkToken, customerToken, code;
        try
        {
            var session = await server.CreateSessionAsync("bakery-egg-tart-zh");
            code = session.JoinCode;
            var clerk = await Player.JoinAsync(server, code, "Ann", "clerk");
            var customer = await Player.JoinAsync(server, code, "Bo", "customer");
            await server.StartSessionAsync(session.SessionId);
            var script = LivePlayTests.Script("egg-tart-good.zh.jsonl");
            await clerk.SayAsync(script[0].Text);
            await customer.SayAsync(script[1].Text);
            await clerk.SayAsync(script[2].Text); // acknowledged: moves to the counter stage
            (groupId, clerkToken, customerToken) = (clerk.GroupId, clerk.Token, customer.Token);
            await server.KillAsync();
            await clerk.DisposeAsync();
            await customer.DisposeAsync();
        }
        finally
        {
            await server.DisposeAsync();
        }

        await using var restarted = await ServerProcess.StartAsync(server.DataDir, environment);
        var transcript = await restarted.TranscriptAsync(groupId);
        Assert.Equal(3, transcript.Turns.Count);
        Assert.Equal(["tongs", "counter"], transcript.StagePath);

        await using var back = await Player.ConnectAsync(restarted);
        await back.RejoinAsync(customerToken);
        var snapshot = back.Joined.Snapshot;
        Assert.Equal("counter", snapshot.Stage.Id);
        Assert.Equal(3, snapshot.Turns.Count);
        Assert.Equal(SessionState.Running, snapshot.SessionState);

        var turn = await back.SayAsync("处理什么?你们是不是要我赔啊?");
        Assert.Equal(4, turn.Seq);
        Assert.NotEqual(clerkToken, customerToken);
        Assert.False(string.IsNullOrEmpty(code));
    }
}

/// <summary>A test that needs a real PostgreSQL server; skipped, saying why, when <c>ROLEPLAY_TEST_POSTGRES</c> is unset.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = "No PostgreSQL server: set ROLEPLAY_TEST_POSTGRES to a connection string without a database (.ci/run starts one on 127.0.0.1).";
        }
    }

    /// <summary>Host, port and user of the test server; each test adds its own database name.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable("ROLEPLAY_TEST_POSTGRES");
}
