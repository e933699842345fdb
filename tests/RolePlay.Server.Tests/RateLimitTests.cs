using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>Guessing the instructor key or a join code is rate limited per client address, with Retry-After.</summary>
public sealed class RateLimitTests
{
    private static Task<ServerProcess> StartAsync() => ServerProcess.StartAsync(environment: new Dictionary<string, string>
    {
        ["RolePlay__RateLimits__LoginsPerMinute"] = "5",
        ["RolePlay__RateLimits__InstructorCallsPerMinute"] = "8",
        ["RolePlay__RateLimits__JoinLookupsPerMinute"] = "6",
    });

    [Fact]
    public async Task Login_guesses_are_limited_per_address_with_retry_after_in_the_callers_language()
    {
        await using var server = await StartAsync();
        using var guesser = new HttpClient { BaseAddress = server.Url };
        guesser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.PostAsJsonAsync("/api/login", new { key = "guess" + i })).StatusCode);
        }

        using var limited = await guesser.PostAsJsonAsync("/api/login", new { key = ServerProcess.Key });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, limited.Headers.RetryAfter?.ToString());
        var problem = await Problem.ReadAsync(limited);
        Assert.Equal(RefusalCode.TooManyAttempts, problem.Code);
        Assert.Contains("秒后再试", problem.Detail);
    }

    [Fact]
    public async Task Key_checked_endpoints_are_limited_per_address()
    {
        await using var server = await StartAsync();
        using var guesser = new HttpClient { BaseAddress = server.Url };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sessions");
            request.Headers.Add("X-Instructor-Key", "guess" + i);
            statuses.Add((await guesser.SendAsync(request)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 8), statuses.Take(8));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Join_code_lookups_on_the_page_and_the_hub_are_limited_per_address()
    {
        await using var server = await StartAsync();
        using var guesser = new HttpClient { BaseAddress = server.Url };
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync($"/api/join/AAAAA{i}")).StatusCode);
        }

        using var limited = await guesser.GetAsync("/api/join/AAAAAZ");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);

        await using var player = await Player.ConnectAsync(server);
        var refusals = new List<HubRefusal>();
        for (var i = 0; i < 8; i++)
        {
            refusals.Add(await Refusals.Of(() => player.TryJoinAsync($"BBBBB{i}", "G", "clerk")));
        }

        Assert.Equal(RefusalCode.JoinCodeUnknown, refusals[0].Code);
        Assert.Contains("join code", refusals[0].Text);
        Assert.Equal(RefusalCode.TooManyAttempts, refusals[^1].Code);
        Assert.Contains("Too many attempts", refusals[^1].Text);
    }
}
