using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using RolePlay.Cli.Load;
using RolePlay.Contracts;
using RolePlay.Core.Engine;
using RolePlay.Core.Transcripts;

namespace RolePlay.Cli.Commands;

/// <summary>
/// <c>load --url URL [--url URL…] --key KEY [--groups N] [--duration SECONDS] [--rate R] [--scenario ID] [--json]</c>:
/// plays N groups of four real SignalR clients against a server, after measuring the same traffic on the server's bare
/// baseline hub. Given the nodes of a cluster, it seats each group across them (seat n on node n mod the count), so
/// every line crosses nodes, the cluster's worst case.
/// </summary>
internal sealed class LoadCommand : Command
{
    // The server's own limit per session; larger runs use several sessions.
    private const int MaxGroupsPerSession = 200;

    private static readonly string[] CustomerLines = ["嗯，你接着说。", "然后呢？", "我在听。", "嗯。"];
    private static readonly string[] ClerkLines = ["好的，我记下了。", "嗯，我看一下。", "好的。", "稍等一下。"];

    private readonly Option<Uri[]> _url = CliOptions.Urls("--url", "The server to load, e.g. http://127.0.0.1:5199; repeat it for each node of a cluster (sessions are made on the first)");
    private readonly Option<string> _key = new("--key") { Description = "The server's instructor key", HelpName = "KEY", Required = true };
    private readonly Option<int> _groups = CliOptions.WholeNumber("--groups", 10, "Groups of four connections, on each hub", 1, 2000);
    private readonly Option<int> _duration = CliOptions.WholeNumber("--duration", 20, "How long each hub is loaded", 1, 600, "SECONDS");
    private readonly Option<double?> _rate = new("--rate")
    {
        Description = "Lines each group says per second (default: the next line as soon as the last is answered)",
        HelpName = "LINES_PER_SECOND_PER_GROUP",
        CustomParser = result => double.TryParse(result.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is > 0 and <= 100
            ? rate
            : CliOptions.Fail<double?>(result, $"--rate must be between 0 and 100 lines per second per group, not '{result.Tokens[0].Value}'"),
    };

    private readonly Option<string> _scenario = new("--scenario")
    {
        Description = "The id of the scenario the RolePlay sessions play",
        HelpName = "ID",
        DefaultValueFactory = _ => "bakery-egg-tart-zh",
    };

    private readonly Option<bool> _json = new("--json") { Description = "Print the report as one JSON line; progress goes to stderr" };

    public LoadCommand()
        : base("load", "Load a server with real SignalR clients, beside its baseline hub")
    {
        Options.Add(_url);
        Options.Add(_key);
        Options.Add(_groups);
        Options.Add(_duration);
        Options.Add(_rate);
        Options.Add(_scenario);
        Options.Add(_json);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult result)
    {
        var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        var urls = result.GetRequiredValue(_url);
        var url = urls[0];
        var key = result.GetRequiredValue(_key);
        var groups = result.GetValue(_groups);
        var duration = TimeSpan.FromSeconds(result.GetValue(_duration));
        var rate = result.GetValue(_rate);
        var json = result.GetValue(_json);

        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Instructor-Key", key);
        var log = json ? stderr : stdout;

        log.WriteLine($"baseline: {groups} groups x 4 connections on /hubs/baseline for {duration.TotalSeconds:0} s ...");
        var baseline = await RunBaselineAsync(urls, key, groups, duration, rate).ConfigureAwait(false);
        log.WriteLine($"roleplay: {groups} groups x 4 seats on /hubs/roleplay for {duration.TotalSeconds:0} s ...");
        var (roleplay, memoryMb, perConnectionKb) = await RunRolePlayAsync(http, urls, result.GetRequiredValue(_scenario), groups, duration, rate).ConfigureAwait(false);

        var report = new LoadReport(roleplay.TurnsPerSecond, roleplay.P50Ms, roleplay.P95Ms, roleplay.P99Ms, baseline, memoryMb, perConnectionKb, groups, groups * 4, roleplay.Turns, roleplay.Errors,
            baseline.TurnsPerSecond > 0 ? Math.Round(roleplay.TurnsPerSecond / baseline.TurnsPerSecond, 2) : 0, roleplay.Gc);
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(report, TranscriptJson.Compact));
        }
        else
        {
            stdout.WriteLine($"roleplay: {report.TurnsPerSecond} turns/s, p50 {report.P50Ms} ms, p95 {report.P95Ms} ms, p99 {report.P99Ms} ms ({report.Turns} turns, {report.Errors} errors)");
            stdout.WriteLine($"baseline: {baseline.TurnsPerSecond} turns/s, p50 {baseline.P50Ms} ms, p95 {baseline.P95Ms} ms, p99 {baseline.P99Ms} ms");
            stdout.WriteLine($"ratio to baseline: {report.RatioToBaseline}; server memory {memoryMb} MB, about {perConnectionKb} KB per connected student");
            if (report.ServerGc is { } gc)
            {
                stdout.WriteLine($"server GC while RolePlay played: {gc.PauseMs} ms paused, {gc.Gen0} gen0 and {gc.Gen2} gen2 collections");
            }
        }

        return roleplay.Errors > roleplay.Turns / 100 ? 1 : 0;
    }

    private static async Task<PhaseResult> RunBaselineAsync(Uri[] urls, string key, int groups, TimeSpan duration, double? rate)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var loadGroups = new List<LoadGroup>();
        await ForEachAsync(Enumerable.Range(0, groups), async i =>
        {
            var group = new LoadGroup($"{run}-{i}");
            for (var seat = 0; seat < 4; seat++)
            {
                var connection = await ConnectAsync(new Uri(urls[seat % urls.Length], "/hubs/baseline?access_token=" + Uri.EscapeDataString(key))).ConfigureAwait(false);
                group.Add(connection, nameof(IBaselineClient.Turn));
                await connection.InvokeAsync(nameof(IBaselineHub.Join), group.Id).ConfigureAwait(false);
            }

            lock (loadGroups)
            {
                loadGroups.Add(group);
            }
        }).ConfigureAwait(false);
        try
        {
            // The baseline hub numbers lines per node; across nodes one seat speaks, so the numbers stay one sequence.
            var speakers = urls.Length > 1 ? 1 : 2;
            return await LoadPhase.RunAsync(loadGroups, (g, n) => () => g.Seats[n % speakers].InvokeAsync<int>(nameof(IBaselineHub.Say), g.Id, CustomerLines[n % CustomerLines.Length]), duration, rate).ConfigureAwait(false);
        }
        finally
        {
            await Task.WhenAll(loadGroups.Select(g => g.DisposeAsync().AsTask())).ConfigureAwait(false);
        }
    }

    private static async Task<(PhaseResult Result, double MemoryMb, double PerConnectionKb)> RunRolePlayAsync(HttpClient http, Uri[] urls, string scenarioId, int groups, TimeSpan duration, double? rate)
    {
        var before = await MetricsAsync(http).ConfigureAwait(false);
        var sessions = new List<(string Id, string Code, List<string> Groups)>();
        for (var left = groups; left > 0; left -= MaxGroupsPerSession)
        {
            var count = Math.Min(left, MaxGroupsPerSession);
            var created = await http.PostAsJsonAsync("/api/sessions", new CreateSessionRequest(scenarioId, count, Bots: false, LiveFeedback: true)).ConfigureAwait(false);
            if (!created.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"the server refused to create a session: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }

            var session = (await created.Content.ReadFromJsonAsync<CreateSessionResponse>().ConfigureAwait(false))!;
            sessions.Add((session.SessionId, session.JoinCode, [.. session.Groups.Select(g => g.GroupId)]));
        }

        var loadGroups = new List<LoadGroup>();
        await ForEachAsync(sessions.SelectMany(s => s.Groups.Select(g => (s.Code, GroupId: g))), async seat =>
        {
            var (code, groupId) = seat;
            var group = new LoadGroup(groupId);
            foreach (var (role, n) in new[] { "customer", "clerk", "supervisor", "manager" }.Select((r, n) => (r, n)))
            {
                var connection = await ConnectAsync(new Uri(urls[n % urls.Length], "/hubs/roleplay")).ConfigureAwait(false);
                group.Add(connection, nameof(IRolePlayClient.Turn));
                var joined = await connection.InvokeAsync<JoinResult>(nameof(IRolePlayHub.Join), new JoinRequest(code, "load " + role, role, groupId)).ConfigureAwait(false);
                group.Expecting = joined.Snapshot.Expecting;
            }

            lock (loadGroups)
            {
                loadGroups.Add(group);
            }
        }).ConfigureAwait(false);
        foreach (var session in sessions)
        {
            (await http.PostAsync($"/api/sessions/{session.Id}/start", null).ConfigureAwait(false)).EnsureSuccessStatusCode();
        }

        var connected = await MetricsAsync(http).ConfigureAwait(false);
        try
        {
            var result = await LoadPhase.RunAsync(loadGroups, (g, n) => () => g.Expecting == Side.Customer
                ? g.Seats[0].InvokeAsync<TurnSeen>(nameof(IRolePlayHub.Say), CustomerLines[n % CustomerLines.Length])
                : g.Seats[1].InvokeAsync<TurnSeen>(nameof(IRolePlayHub.Say), ClerkLines[n % ClerkLines.Length]), duration, rate).ConfigureAwait(false);
            var after = await MetricsAsync(http).ConfigureAwait(false);
            var perConnection = Math.Round((connected.WorkingSetMb - before.WorkingSetMb) * 1024 / (groups * 4), 1);
            var gc = new GcDuringRun(Math.Round(after.GcPauseMs - connected.GcPauseMs, 1), after.Gen0Collections - connected.Gen0Collections, after.Gen2Collections - connected.Gen2Collections);
            return (result with { Gc = gc }, after.WorkingSetMb, perConnection);
        }
        finally
        {
            foreach (var session in sessions)
            {
                await http.PostAsync($"/api/sessions/{session.Id}/end", null).ConfigureAwait(false);
            }

            await Task.WhenAll(loadGroups.Select(g => g.DisposeAsync().AsTask())).ConfigureAwait(false);
        }
    }

    private static async Task<HubConnection> ConnectAsync(Uri hub)
    {
        var connection = new HubConnectionBuilder().WithUrl(hub).Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(120);
        await connection.StartAsync().ConfigureAwait(false);
        return connection;
    }

    private static async Task<ServerMetrics> MetricsAsync(HttpClient http) =>
        await http.GetFromJsonAsync<ServerMetrics>("/api/metrics").ConfigureAwait(false) ?? throw new InvalidOperationException("no metrics");

    private static async Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> work)
    {
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await work(item).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }


    private sealed record LoadReport(
        double TurnsPerSecond, double P50Ms, double P95Ms, double P99Ms, PhaseResult Baseline, double ServerMemoryMb,
        double MemoryPerConnectionKb, int Groups, int Connections, int Turns, int Errors, double RatioToBaseline, GcDuringRun? ServerGc);
}
