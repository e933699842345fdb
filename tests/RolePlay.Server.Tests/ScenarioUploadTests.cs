using System.Net;
using System.Net.Http.Json;
using System.Text;
using RolePlay.Core.Yaml;

namespace RolePlay.Server.Tests;

/// <summary>Uploaded scenarios are validated like files on disk, stored, and kept after a restart; broken ones change nothing.</summary>
public sealed class ScenarioUploadTests
{
    private static readonly string EggTart = File.ReadAllText(Path.Combine(ServerProcess.RepoRoot, "scenarios", "bakery-egg-tart.en.yaml"));

    [Fact]
    public async Task A_valid_upload_joins_the_library_and_survives_a_restart()
    {
        var server = await ServerProcess.StartAsync();
        try
        {
            var upload = await Upload(server, EggTart.Replace("id: bakery-egg-tart-en", "id: my-bakery-en"), "my-bakery.en.yaml");
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
            Assert.Contains("my-bakery-en", await Ids(server));
            var graph = await server.Http.GetStringAsync("/api/scenarios/my-bakery-en/graph");
            Assert.Contains("stateDiagram", graph);
            Assert.Equal(HttpStatusCode.Conflict, (await Upload(server, EggTart.Replace("id: bakery-egg-tart-en", "id: my-bakery-en"), "again.yaml")).StatusCode);
        }
        finally
        {
            await server.DisposeAsync();
        }

        await using var restarted = await ServerProcess.StartAsync(server.DataDir);
        Assert.Contains("my-bakery-en", await Ids(restarted));
        var session = await restarted.CreateSessionAsync("my-bakery-en");
        Assert.False(string.IsNullOrEmpty(session.JoinCode));
    }

    [Fact]
    public async Task A_broken_upload_lists_file_line_col_errors_and_changes_nothing()
    {
        await using var server = await ServerProcess.StartAsync();
        var before = await Ids(server);
        var broken = EggTart.Replace("id: bakery-egg-tart-en", "id: broken-en").Replace("      - to: apology-demand\n        when: { cue: waive }", "      - to: apology-demnd\n        when: { cue: waive }");

        var response = await Upload(server, broken, "broken.en.yaml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Equal(RefusalCode.ScenarioInvalid, problem.Code);
        var errors = problem.Errors!;
        Assert.Contains(errors, e => System.Text.RegularExpressions.Regex.IsMatch(e, @"^broken\.en\.yaml:\d+:\d+: unknown stage or outcome 'apology-demnd'"));
        Assert.Equal(before, await Ids(server));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Upload(server, new string('x', 2_000_000), "huge.yaml")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new HttpClient { BaseAddress = server.Url }.PostAsync("/api/scenarios", new StringContent(EggTart))).StatusCode);
    }

    [Fact]
    public async Task An_oversized_upload_is_413_with_a_clear_message_with_or_without_a_length()
    {
        await using var server = await ServerProcess.StartAsync();

        // As curl sends it: the length first, the body only once the server agrees (it does not, so it never reads it).
        // The client waits for that answer as long as it takes: with the default one second, a slow machine's client
        // starts sending the 60 MB anyway and can hit the closed connection (a broken pipe) instead of reading the 413.
        using var patient = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = server.Http.BaseAddress,
            Timeout = server.Http.Timeout,
        };
        patient.DefaultRequestHeaders.Add("X-Instructor-Key", ServerProcess.Key);
        using var huge = new ByteArrayContent(new byte[60 * 1024 * 1024]);
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/scenarios?fileName=huge.yaml") { Content = huge };
        upload.Headers.ExpectContinue = true;
        using var sized = await patient.SendAsync(upload);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sized.StatusCode);
        var problem = await Problem.ReadAsync(sized);
        Assert.Equal(RefusalCode.ScenarioTooLarge, problem.Code);
        Assert.Contains("too large", problem.Detail);
        Assert.StartsWith("huge.yaml:1:1: file is too large", problem.Errors![0]);

        // Just past the limit: the server stops reading at the limit and answers 413; the few KB still on their way fit in
        // the socket's buffers, so the client finishes sending and reads the answer (with megabytes still to send, it
        // could hit a closed connection first and see a broken pipe instead of the 413).
        using var chunked = new StreamContent(new MemoryStream(new byte[YamlLimits.Default.MaxBytes + 32 * 1024]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/scenarios?fileName=chunked.yaml") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var streamed = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
    }

    private static Task<HttpResponseMessage> Upload(ServerProcess server, string text, string fileName) =>
        server.Http.PostAsync($"/api/scenarios?fileName={Uri.EscapeDataString(fileName)}", new StringContent(text, Encoding.UTF8, "application/yaml"));

    private static async Task<List<string>> Ids(ServerProcess server) =>
        [.. (await server.Http.GetFromJsonAsync<List<ScenarioSummary>>("/api/scenarios"))!.Select(s => s.Id)];
}
