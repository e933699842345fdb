namespace RolePlay.Server.Tests;

/// <summary>The turn log is the truth: a server killed mid-session comes back whole.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task After_a_hard_kill_the_transcript_and_seats_are_whole_and_play_goes_on()
    {
        var server = await ServerProcess.StartAsync();
        string groupId, clerkToken, customerToken, code;
        try
        {
            var session = await server.CreateSessionAsync("bakery-egg-tart-zh");
            code = session.GetProperty("joinCode").GetString()!;
            var clerk = await Player.JoinAsync(server, code, "Ann", "clerk");
            var customer = await Player.JoinAsync(server, code, "Bo", "customer");
            await server.StartSessionAsync(session.GetProperty("sessionId").GetString()!);
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

        await using var restarted = await ServerProcess.StartAsync(server.DataDir);
        var transcript = await restarted.TranscriptAsync(groupId);
        Assert.Equal(3, transcript.GetProperty("turns").GetArrayLength());
        Assert.Equal(["tongs", "counter"], transcript.GetProperty("stagePath").EnumerateArray().Select(s => s.GetString()));

        await using var back = await Player.ConnectAsync(restarted);
        await back.RejoinAsync(customerToken);
        var snapshot = back.Joined.GetProperty("snapshot");
        Assert.Equal("counter", snapshot.GetProperty("stage").GetProperty("id").GetString());
        Assert.Equal(3, snapshot.GetProperty("turns").GetArrayLength());
        Assert.Equal("running", snapshot.GetProperty("sessionState").GetString());

        var turn = await back.SayAsync("处理什么?你们是不是要我赔啊?");
        Assert.Equal(4, turn.GetProperty("seq").GetInt32());
        Assert.NotEqual(clerkToken, customerToken);
        Assert.False(string.IsNullOrEmpty(code));
    }
}
