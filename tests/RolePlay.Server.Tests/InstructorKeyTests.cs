using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>The instructor key travels in a header or the login cookie, in a URL only to the hub, and is never logged; callers never see the server's internals.</summary>
public sealed class InstructorKeyTests
{
    [Fact]
    public async Task The_key_in_a_url_opens_only_the_hub_and_never_reaches_the_log_even_at_trace_level()
    {
        await using var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
        });
        using var anonymous = new HttpClient { BaseAddress = server.Url };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sessions?access_token=" + ServerProcess.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/sessions/x/end?access_token=" + ServerProcess.Key, null)).StatusCode);
        await using var instructor = await Player.ConnectAsync(server, instructor: true);
        var session = await server.CreateSessionAsync("bakery-egg-tart-en");
        await instructor.Connection.InvokeAsync<IReadOnlyList<GroupSnapshot>>(nameof(IRolePlayHub.WatchSession), session.SessionId);

        var lines = server.Log.Split('\n').Where(l => l.Contains(ServerProcess.Key, StringComparison.Ordinal)).ToList();
        Assert.Equal(["      RolePlay is running. Instructor key: test-instructor-key"], lines.Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task Outside_development_a_bad_call_shows_no_exception_details()
    {
        await using var server = await ServerProcess.StartAsync();
        await using var player = await Player.ConnectAsync(server);

        var nullJoin = await Assert.ThrowsAsync<HubException>(() => player.Connection.InvokeAsync<JoinResult>(nameof(IRolePlayHub.Join), (object?)null));
        var badArgument = await Assert.ThrowsAsync<HubException>(() => player.Connection.InvokeAsync<JoinResult>(nameof(IRolePlayHub.Join), 42));

        Assert.Equal(RefusalCode.NameRequired, HubRefusal.Parse(nullJoin.Message)?.Code);
        foreach (var message in new[] { nullJoin.Message, badArgument.Message })
        {
            Assert.DoesNotContain("ArgumentNullException", message);
            Assert.DoesNotContain("InvalidDataException", message);
            Assert.DoesNotContain("JsonException", message);
            Assert.DoesNotContain("   at ", message);
        }
    }
}
