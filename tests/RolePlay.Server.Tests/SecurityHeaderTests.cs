using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace RolePlay.Server.Tests;

/// <summary>Every response tells the browser not to sniff and to run only this server's scripts; scenario Markdown exports carry no author HTML.</summary>
public sealed class SecurityHeaderTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly ServerProcess _server = shared.Server;

    [Theory]
    [InlineData("/")]
    [InlineData("/join/ABCDEF")]
    [InlineData("/healthz")]
    [InlineData("/api/scenarios")]
    [InlineData("/api/sessions")] // 401 without the key
    [InlineData("/api/join/ZZZZZZ")] // 404 problem
    [InlineData("/css/app.css")]
    [InlineData("/js/roleplay.js")]
    public async Task Every_response_carries_nosniff_and_a_strict_content_security_policy(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Url };

        using var response = await anonymous.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var script = Directive(policy, "script-src");
        Assert.Contains("'self'", script);
        Assert.Contains("'wasm-unsafe-eval'", script);
        Assert.DoesNotContain("'unsafe-inline'", script);
        Assert.DoesNotContain("'unsafe-eval'", script);
        Assert.DoesNotContain("*", script);
        Assert.Contains("'none'", Directive(policy, "object-src"));
        Assert.Contains("'none'", Directive(policy, "frame-ancestors"));
        Assert.Contains("'self'", Directive(policy, "base-uri"));
    }

    [Fact]
    public async Task The_pages_only_inline_script_carries_the_nonce_the_policy_allows()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Url };
        using var response = await anonymous.GetAsync("/instructor");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = Regex.Match(Directive(Assert.Single(response.Headers.GetValues("Content-Security-Policy")), "script-src"), "'nonce-([^']+)'").Groups[1].Value;

        Assert.NotEmpty(nonce);
        var inline = Regex.Matches(html, "<script(?![^>]*\\bsrc=)([^>]*)>", RegexOptions.IgnoreCase).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(inline); // the import map
        Assert.All(inline, attributes => Assert.Contains($"nonce=\"{nonce}\"", attributes, StringComparison.Ordinal));

        using var again = await anonymous.GetAsync("/instructor");
        Assert.DoesNotContain(nonce, Assert.Single(again.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_scenarios_markdown_export_copies_no_raw_html_and_no_script_link()
    {
        var yaml = File.ReadAllText(Path.Combine(ServerProcess.RepoRoot, "scenarios", "bakery-egg-tart.en.yaml"))
            .Replace("id: bakery-egg-tart-en", "id: hostile-bakery-en", StringComparison.Ordinal);
        const string Debrief = "The exercise ended before any agreement.";
        Assert.Contains(Debrief, yaml, StringComparison.Ordinal);
        yaml = yaml.Replace(Debrief, "<script>alert(1)</script> [the notes](javascript:alert(2)) <javascript:alert(3)> " + Debrief, StringComparison.Ordinal);
        var upload = await _server.Http.PostAsync("/api/scenarios?fileName=hostile.yaml", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var session = await _server.CreateSessionAsync("hostile-bakery-en");
        var sessionId = session.SessionId;
        var groupId = session.Groups[0].GroupId;
        await _server.StartSessionAsync(sessionId);
        (await _server.Http.PostAsync($"/api/sessions/{sessionId}/end", null)).EnsureSuccessStatusCode();

        using var response = await _server.Http.GetAsync($"/api/groups/{groupId}/transcript.md");
        var markdown = await response.Content.ReadAsStringAsync();

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("the notes", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<script", markdown);
        Assert.DoesNotMatch(@"(?<!\\)<javascript:", markdown);
        Assert.DoesNotMatch(@"(?<!\\)\[the notes\]", markdown);
    }

    private static string Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"no {name} in: {policy}");
}
