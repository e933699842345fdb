using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>The calibration loop: what people in a class judged becomes labelled corpus lines for the next training.</summary>
public sealed class CalibrationTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Overrides_and_observers_ratings_are_exported_as_corpus_lines_once()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-zh");
        var (code, sessionId) = (session.JoinCode, session.SessionId);
        await using var clerk = await Player.JoinAsync(_server, code, "小周", "clerk");
        await using var customer = await Player.JoinAsync(_server, code, "王女士", "customer");
        await using var observer = await Player.JoinAsync(_server, code, "小林", "observer");
        await using var instructor = await Player.ConnectAsync(_server, instructor: true);
        await _server.StartSessionAsync(sessionId);
        await clerk.SayAsync("您是不是手劲太大了？我们这夹子用了好几年都没夹碎过。");
        await customer.SayAsync("你什么意思？");
        await clerk.SayAsync("對不起，是我們夾子不好用，我幫您重新拿兩個。");
        await customer.SayAsync("這還差不多。");
        await clerk.SayAsync("好的");

        await instructor.Connection.InvokeAsync(nameof(IRolePlayHub.OverrideVerdict), clerk.GroupId, 1, "customer-first", -1, "blames her");
        await observer.Connection.InvokeAsync(nameof(IRolePlayHub.RateTurn), 3, new Dictionary<string, int> { ["customer-first"] = 1, ["resolve"] = 1 });

        var response = await _server.Http.GetAsync("/api/calibration/lines");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();

        // Turn 5 was judged by nobody, so it is not a labelled line.
        Assert.Equal([1, 3], lines.Select(l => int.Parse(l.GetProperty("id").GetString()!.Split('.')[^1], System.Globalization.CultureInfo.InvariantCulture)));
        var blame = lines[0];
        Assert.Equal("bakery-egg-tart", blame.GetProperty("scenario").GetString());
        Assert.Equal("zh-Hans", blame.GetProperty("script").GetString());
        Assert.Equal("clerk", blame.GetProperty("role").GetString());
        Assert.Equal(-1, blame.GetProperty("verdicts").GetProperty("customer-first").GetInt32());
        Assert.Equal("override", blame.GetProperty("basis").GetString());
        var owned = lines[1];
        Assert.Equal("zh-Hant", owned.GetProperty("script").GetString());
        Assert.Equal(1, owned.GetProperty("verdicts").GetProperty("resolve").GetInt32());
        Assert.Equal("observers", owned.GetProperty("basis").GetString());

        // The session's people-vs-engine figures count the observer's one rating on two principles.
        var agreement = (await _server.Http.GetFromJsonAsync<List<PrincipleAgreementView>>($"/api/sessions/{sessionId}/agreement"))!
            .ToDictionary(a => a.Principle);
        Assert.Equal(1, agreement["customer-first"].Ratings);
        Assert.Equal(1, agreement["resolve"].Ratings);
        Assert.Equal(0, agreement["off-scene"].Ratings);
        Assert.Null(agreement["off-scene"].Agreement);
        Assert.Null(agreement["customer-first"].Kappa);

        // The CLI adds them to a corpus once; a second export finds nothing new.
        var corpus = Directory.CreateTempSubdirectory("roleplay-corpus-").FullName;
        var (first, _) = await RunCliAsync("export-ratings", "--url", _server.Url.ToString(), "--key", ServerProcess.Key, "--corpus", corpus);
        Assert.Contains("wrote 2 lines", first, StringComparison.Ordinal);
        var written = Assert.Single(Directory.GetFiles(Path.Combine(corpus, "class"), "*.jsonl"));
        Assert.Equal(2, File.ReadAllLines(written).Length);
        var (second, _) = await RunCliAsync("export-ratings", "--url", _server.Url.ToString(), "--key", ServerProcess.Key, "--corpus", corpus);
        Assert.Contains("no new lines (2 already in the corpus)", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_is_for_instructors_only()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Url };

        var response = await anonymous.GetAsync("/api/calibration/lines");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var (output, code) = await RunCliAsync("export-ratings", "--url", _server.Url.ToString(), "--key", "wrong-key", "--corpus", Path.GetTempPath());
        Assert.Equal(1, code);
        Assert.Contains("401", output, StringComparison.Ordinal);
    }

    private static async Task<(string Output, int Code)> RunCliAsync(params string[] args)
    {
        var (code, output, errors) = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), args);
        return (output + errors, code);
    }
}
