using RolePlay.Contracts;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;

namespace RolePlay.Server.Tests;

/// <summary>A cluster node whose Redis, then whose PostgreSQL, goes away mid-scene and comes back.</summary>
public sealed class OutageTests
{
    [ClusterFact]
    public async Task Turns_are_refused_with_a_clear_message_while_redis_or_postgresql_is_down_and_play_resumes_when_it_returns()
    {
        var redisAt = ClusterFactAttribute.Redis!.Split(':');
        await using var redis = new TcpRelay(redisAt[0], int.Parse(redisAt[1], System.Globalization.CultureInfo.InvariantCulture));
        var postgresAt = PostgresFactAttribute.ConnectionString!;
        await using var postgres = new TcpRelay(
            Regex.Match(postgresAt, "Host=([^;]+)").Groups[1].Value, int.Parse(Regex.Match(postgresAt, @"Port=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var settings = ClusterFactAttribute.NodeSettings();
        settings["ConnectionStrings__Redis"] = $"127.0.0.1:{redis.Port}";
        settings["ConnectionStrings__RolePlay"] = Regex.Replace(settings["ConnectionStrings__RolePlay"], @"Port=\d+", $"Port={postgres.Port}") + ";Timeout=3";
        await using var server = await ServerProcess.StartAsync(environment: settings);

        var session = await server.CreateSessionAsync("bakery-egg-tart-zh");
        var code = session.JoinCode;
        await using var clerk = await Player.JoinAsync(server, code, "Ann", "clerk", lang: "en");
        await using var customer = await Player.JoinAsync(server, code, "Bo", "customer", lang: "en");
        await server.StartSessionAsync(session.SessionId);
        var script = LivePlayTests.Script("egg-tart-good.zh.jsonl");
        await clerk.SayAsync(script[0].Text);

        // Redis down: a line would be stored and heard by nobody, so it is refused, saying why.
        redis.Down();
        await Task.Delay(1000);
        var refused = await Refusals.With(RefusalCode.MessagingDown, () => customer.SayAsync(script[1].Text));
        Assert.Contains("message service is not reachable", refused, StringComparison.Ordinal);
        Assert.Single((await server.TranscriptAsync(clerk.GroupId)).Turns);

        redis.Up();
        Assert.Equal(2, (await UntilAcceptedAsync(() => customer.SayAsync(script[1].Text))).Seq);
        await clerk.WaitForSeqAsync(2); // heard through Redis again

        // PostgreSQL down: nothing can be stored, so nothing is acknowledged.
        postgres.Down();
        refused = await Refusals.With(RefusalCode.CouldNotSave, () => clerk.SayAsync(script[2].Text));
        Assert.Contains("could not save", refused, StringComparison.Ordinal);

        postgres.Up();
        Assert.Equal(3, (await UntilAcceptedAsync(() => clerk.SayAsync(script[2].Text))).Seq);
        await customer.WaitForSeqAsync(3);
        var turns = (await server.TranscriptAsync(clerk.GroupId)).Turns.Select(t => t.Seq);
        Assert.Equal([1, 2, 3], turns);
    }

    /// <summary>Tries again, as a student would, until the line is taken (at most 30 s).</summary>
    private static async Task<TurnMessage> UntilAcceptedAsync(Func<Task<TurnMessage>> say)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return await say();
            }
            catch (HubException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
