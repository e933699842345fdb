using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>
/// Every instructor entry point, as the server itself lists them (its access map, read from the endpoint data sources
/// and the hubs' authorization attributes), refuses a caller without the key with the refusal callers have always had:
/// a route or hub method added later is held to the same rule, or shows up here as open to anyone.
/// </summary>
public sealed partial class InstructorAuthTests(InstructorAuthTests.MappedServer mapped) : IClassFixture<InstructorAuthTests.MappedServer>
{
    private const string InstructorOnlyEnglish = "Instructor only: send the instructor key in the X-Instructor-Key header, or log in.";

    private const string InstructorOnlyChinese = "仅限讲师：请先登录，或在 X-Instructor-Key 请求头中带上讲师密钥。";

    private const string HubInstructorOnlyEnglish = "Only the instructor can do that: connect with the instructor key.";

    private const string HubInstructorOnlyChinese = "只有讲师可以这样做，请先用讲师密钥登录。";

    private ServerProcess Server => mapped.Server;

    [Fact]
    public void Only_the_login_the_library_and_the_join_page_are_open_to_anyone_under_api()
    {
        var open = mapped.Routes.Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal) && r.Access == "anyone").Select(r => $"{r.Verbs} {r.Pattern}");

        Assert.Equal(
            ["GET /api/join/{code}", "GET /api/join/{code}/qr.svg", "GET /api/scenarios", "POST /api/login", "POST /api/logout"],
            open.Order(StringComparer.Ordinal));
        Assert.All(mapped.Routes.Where(r => r.Access != "anyone"), r => Assert.Equal("instructor", r.Access));
        Assert.Contains(mapped.Routes, r => r.Pattern == "/hubs/baseline" && r.Access == "instructor");
        Assert.Contains(mapped.Routes, r => r.Pattern == "/hubs/roleplay" && r.Access == "anyone");
    }

    [Fact]
    public async Task Every_instructor_route_refuses_a_caller_without_the_key_with_the_same_problem_as_before_and_opens_with_it()
    {
        using var anonymous = new HttpClient { BaseAddress = Server.Url };
        var instructorRoutes = mapped.Routes.Where(r => r.Access == "instructor").ToList();
        Assert.Contains(instructorRoutes, r => r.Verbs == "POST" && r.Pattern == "/api/sessions/{id}/end");

        foreach (var route in instructorRoutes)
        {
            var verb = route.Verbs == "*" ? "POST" : route.Verbs;
            var path = RouteParameter().Replace(route.Pattern, "x");

            using var bare = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(verb), path));
            Assert.True(bare.StatusCode == HttpStatusCode.Unauthorized, $"{verb} {path}: {bare.StatusCode}");
            var problem = await bare.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
            Assert.Equal(InstructorOnlyEnglish, problem.GetProperty("detail").GetString());

            // The hubs take the key in the query (a browser's WebSocket cannot send headers); nothing else does.
            if (!route.Pattern.StartsWith("/hubs/", StringComparison.Ordinal))
            {
                using var inUrl = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(verb), path + "?access_token=" + ServerProcess.Key));
                Assert.True(inUrl.StatusCode == HttpStatusCode.Unauthorized, $"{verb} {path}?access_token=: {inUrl.StatusCode}");

                using var withKey = await Server.Http.SendAsync(new HttpRequestMessage(new HttpMethod(verb), path));
                Assert.True(withKey.StatusCode != HttpStatusCode.Unauthorized, $"{verb} {path} with the key: {withKey.StatusCode}");
            }
        }

        using var chinese = new HttpRequestMessage(HttpMethod.Get, "/api/sessions");
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var refused = await anonymous.SendAsync(chinese);
        Assert.Equal(InstructorOnlyChinese, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_student_is_refused_every_instructor_hub_method_and_its_own_methods_still_work()
    {
        var hubMethods = mapped.HubMethods.Where(m => m.Hub == "RolePlayHub").ToList();
        Assert.Equal(
            [
                nameof(IRolePlayHub.Act), nameof(IRolePlayHub.Join), nameof(IRolePlayHub.RateSatisfaction), nameof(IRolePlayHub.RateTurn),
                nameof(IRolePlayHub.Rejoin), nameof(IRolePlayHub.Say), nameof(IRolePlayHub.StepIn), nameof(IRolePlayHub.SubmitReflection),
            ],
            hubMethods.Where(m => m.Access == "anyone").Select(m => m.Method).Order(StringComparer.Ordinal));
        var instructorMethods = hubMethods.Where(m => m.Access == "instructor").ToList();
        Assert.Contains(instructorMethods, m => m.Method == nameof(IRolePlayHub.EndSession));

        var session = await Server.CreateSessionAsync("bakery-egg-tart-en");
        var sessionId = session.SessionId;
        await using var clerk = await Player.JoinAsync(Server, session.JoinCode, "Gus", "clerk");
        await Server.StartSessionAsync(sessionId);
        var before = await Metrics();

        await using var chineseStudent = await Player.ConnectAsync(Server, lang: "zh-CN");
        foreach (var method in instructorMethods)
        {
            var refusal = await Assert.ThrowsAsync<HubException>(() => clerk.Connection.InvokeCoreAsync(method.Method, typeof(object), method.SampleArguments()));
            Assert.Equal(new HubRefusal(RefusalCode.InstructorOnly, HubInstructorOnlyEnglish), HubRefusal.Parse(refusal.Message));
            var chinese = await Assert.ThrowsAsync<HubException>(() => chineseStudent.Connection.InvokeCoreAsync(method.Method, typeof(object), method.SampleArguments()));
            Assert.Equal(new HubRefusal(RefusalCode.InstructorOnly, HubInstructorOnlyChinese), HubRefusal.Parse(chinese.Message));
        }

        // The connection is still the clerk's: its own calls go through, and the session was not touched.
        var turn = await clerk.SayAsync("Sorry, these tongs are awkward. Don't worry about it.");
        Assert.Equal(1, turn.Seq);
        Assert.Equal(SessionState.Running, (await Server.Http.GetFromJsonAsync<SessionSummary>($"/api/sessions/{sessionId}"))!.State);

        var after = await Metrics();
        Assert.Equal(2 * instructorMethods.Count, after.GetProperty("refusedHubCalls").GetInt64() - before.GetProperty("refusedHubCalls").GetInt64());
        foreach (var method in instructorMethods)
        {
            Assert.True(after.GetProperty("refusedHubCallsByMethod").TryGetProperty(method.Method, out _), method.Method);
        }

        await using var instructor = await Player.ConnectAsync(Server, instructor: true);
        Assert.Single(await instructor.Connection.InvokeAsync<IReadOnlyList<GroupSnapshot>>(nameof(IRolePlayHub.WatchSession), sessionId));
    }

    [Fact]
    public async Task The_baseline_hub_refuses_a_connection_without_the_key_at_negotiate_and_serves_one_with_it()
    {
        var student = new HubConnectionBuilder().WithUrl(new Uri(Server.Url, "/hubs/baseline")).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => student.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await student.DisposeAsync();

        await using var instructor = new HubConnectionBuilder().WithUrl(new Uri(Server.Url, "/hubs/baseline?access_token=" + ServerProcess.Key)).Build();
        await instructor.StartAsync();
        await instructor.InvokeAsync(nameof(IBaselineHub.Join), "g");
        Assert.Equal(1, await instructor.InvokeAsync<int>(nameof(IBaselineHub.Say), "g-" + Guid.NewGuid().ToString("N"), "hello"));
    }

    [Fact]
    public async Task The_login_cookie_opens_the_api_and_the_instructor_hub_methods_until_logout()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Server.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/api/login", new { key = "guess" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsJsonAsync("/api/login", new { key = ServerProcess.Key })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/sessions")).StatusCode);
        var session = await Server.CreateSessionAsync("bakery-egg-tart-en");
        await using (var hub = new HubConnectionBuilder().WithUrl(new Uri(Server.Url, "/hubs/roleplay"), o => o.Cookies = cookies).Build())
        {
            await hub.StartAsync();
            Assert.Single(await hub.InvokeAsync<IReadOnlyList<GroupSnapshot>>(nameof(IRolePlayHub.WatchSession), session.SessionId));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/sessions")).StatusCode);
        await using (var hub = new HubConnectionBuilder().WithUrl(new Uri(Server.Url, "/hubs/roleplay"), o => o.Cookies = cookies).Build())
        {
            await hub.StartAsync();
            var refusal = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<IReadOnlyList<GroupSnapshot>>(nameof(IRolePlayHub.WatchSession), session.SessionId));
            Assert.Equal(RefusalCode.InstructorOnly, HubRefusal.Parse(refusal.Message)?.Code);
        }
    }

    private Task<JsonElement> Metrics() => Server.Http.GetFromJsonAsync<JsonElement>("/api/metrics");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    /// <summary>A server that writes its access map, and the map as it wrote it.</summary>
    public sealed partial class MappedServer : IAsyncLifetime
    {
        public ServerProcess Server { get; private set; } = null!;

        public IReadOnlyList<Route> Routes { get; private set; } = [];

        public IReadOnlyList<HubMethod> HubMethods { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Server = await ServerProcess.StartAsync(environment: new Dictionary<string, string>
            {
                ["Logging__LogLevel__RolePlay.Server.Auth.AccessMap"] = "Debug",
            });

            // The map is written as the app starts, just before the start-up line with the key.
            for (var waited = 0; !Server.Log.Contains("RolePlay is running", StringComparison.Ordinal) && waited < 100; waited++)
            {
                await Task.Delay(100);
            }

            var lines = Server.Log.Split('\n').Select(l => l.Trim()).ToList();
            Routes = [.. lines.Select(l => RouteLine().Match(l)).Where(m => m.Success).Select(m => new Route(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))];
            HubMethods = [.. lines.Select(l => HubLine().Match(l)).Where(m => m.Success)
                .Select(m => new HubMethod(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value.Split(',', StringSplitOptions.RemoveEmptyEntries), m.Groups[4].Value))];
            Assert.True(Routes.Count > 0 && HubMethods.Count > 0, "no access map in the log:\n" + Server.Log);
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();

        [GeneratedRegex(@"^route (\S+) (\S+) -> (\S+)$")]
        private static partial Regex RouteLine();

        [GeneratedRegex(@"^hub (\w+)\.(\w+)\(([^)]*)\) -> (\S+)$")]
        private static partial Regex HubLine();
    }

    public sealed record Route(string Verbs, string Pattern, string Access);

    public sealed record HubMethod(string Hub, string Method, IReadOnlyList<string> Parameters, string Access)
    {
        /// <summary>Arguments of the right types (so the call is not refused for its arguments) naming nothing that exists.</summary>
        public object?[] SampleArguments() => [.. Parameters.Select(p => p switch
        {
            "String" => "x",
            "Int32" => 1,
            "Boolean" => (object)true,
            _ => null,
        })];
    }
}
