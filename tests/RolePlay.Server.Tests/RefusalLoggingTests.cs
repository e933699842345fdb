using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;

namespace RolePlay.Server.Tests;

/// <summary>Refused hub calls are counted, and never logged as errors with a stack trace: a flooding client cannot fill the disk.</summary>
public sealed class RefusalLoggingTests
{
    [Fact]
    public async Task A_flood_of_refused_calls_is_counted_and_writes_no_error_or_stack_trace()
    {
        await using var server = await ServerProcess.StartAsync();
        await using var unseated = await Player.ConnectAsync(server);
        var before = await Metrics(server);

        var refused = 0;
        for (var i = 0; i < 40; i++)
        {
            try
            {
                await unseated.SayAsync("hello");
            }
            catch (HubException)
            {
                refused++;
            }
        }

        await Assert.ThrowsAsync<HubException>(() => unseated.TryJoinAsync("ZZZZZZ", "A", "clerk"));
        refused++;

        var after = await Metrics(server);
        Assert.Equal(40 + 1, refused);
        Assert.Equal(refused, after.RefusedHubCalls - before.RefusedHubCalls);
        Assert.True(after.RefusedHubCallsByMethod[nameof(IRolePlayHub.Say)] >= 40);
        long Counted(RefusalCode code) => after.RefusedHubCallsByCode.GetValueOrDefault(code) - before.RefusedHubCallsByCode.GetValueOrDefault(code);
        Assert.Equal(refused, Counted(RefusalCode.NoSeatYet) + Counted(RefusalCode.JoinCodeUnknown) + Counted(RefusalCode.TooFast)); // the rate limiter may answer some first
        Assert.True(Counted(RefusalCode.NoSeatYet) > 0);
        var log = server.Log;
        Assert.DoesNotContain("fail:", log, StringComparison.Ordinal);
        Assert.DoesNotContain("HubException", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
    }

    private static async Task<ServerMetrics> Metrics(ServerProcess server) => (await server.Http.GetFromJsonAsync<ServerMetrics>("/api/metrics"))!;
}
