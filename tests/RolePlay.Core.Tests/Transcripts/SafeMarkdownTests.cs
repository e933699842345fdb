using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RolePlay.Core.Transcripts;

namespace RolePlay.Core.Tests.Transcripts;

/// <summary>Scenario Markdown is shared between instructors: no link in it may run script, in the app or in an export.</summary>
public sealed class SafeMarkdownTests
{
    public static TheoryData<string> HostileLinks => new()
    {
        "[Read the case file](javascript:alert(document.cookie))",
        "[Read the case file](JaVaScRiPt:alert(1))",
        "[Read the case file](&#106;avascript:alert(1))",
        "[Read the case file](&#x6A;avascript&colon;alert(1))",
        "[Read the case file](java%0ascript:alert(1))",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "[Read the case file][case]\n\n[case]: javascript:alert(1)",
        "[case]\n\n[case]: javascript:alert(1)",
        "[Read the case file](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[Read the case file](vbscript:msgbox(1))",
        "![photo](javascript:alert(1))",
        "[Read the case file](//evil.example/x)",
        "[Read the case file](/api/sessions)",
        "Also <javascript:alert(1)>, [this](&#106;avascript:alert(2)) and [that][r].\n\n[r]: JAVASCRIPT:alert(3)",
        "[first](javascript:a) <javascript:alert(1)> [second](vbscript:b) <data:text/html,x>",
        "[![badge](javascript:a)](javascript:b) <javascript:c>",
    };

    [Theory]
    [MemberData(nameof(HostileLinks))]
    public void A_link_off_the_allow_list_is_rendered_as_text(string markdown)
    {
        var html = TranscriptMarkdown.ToSafeHtml(markdown);

        Assert.DoesNotContain("href", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_link_text_stays_readable()
    {
        var html = TranscriptMarkdown.ToSafeHtml("See [the **case** file](javascript:alert(1)) first.");

        Assert.Equal("<p>See the <strong>case</strong> file first.</p>\n", html);
    }

    [Theory]
    [InlineData("[site](https://example.com/a?b=1)", "https://example.com/a?b=1")]
    [InlineData("[site](HTTP://example.com/)", "HTTP://example.com/")]
    [InlineData("<https://example.com/>", "https://example.com/")]
    [InlineData("[mail](mailto:trainer@example.com)", "mailto:trainer@example.com")]
    [InlineData("<trainer@example.com>", "mailto:trainer@example.com")]
    [InlineData("[case][c]\n\n[c]: https://example.com/case", "https://example.com/case")]
    public void Http_https_and_mailto_links_are_kept(string markdown, string href)
    {
        var html = TranscriptMarkdown.ToSafeHtml(markdown);

        Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_is_still_shown_as_text_and_a_picture_becomes_a_link()
    {
        Assert.DoesNotContain("<script", TranscriptMarkdown.ToSafeHtml("<script>alert(1)</script>"), StringComparison.Ordinal);
        var html = TranscriptMarkdown.ToSafeHtml("![the shop](https://example.com/shop.png)");
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/shop.png\">the shop</a>", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileSources => new()
    {
        "<script>alert(1)</script>",
        "<div>\n<script>alert(1)</script>\n</div>",
        "Click <a href=\"javascript:alert(1)\">here</a>.",
        "<img src=x onerror=alert(1)>",
        "<!-- hidden --><iframe src=\"https://evil.example\"></iframe>",
        "[Read the case file](javascript:alert(1))",
        "[Read](&#106;avascript:alert(1))",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "![p](data:image/svg+xml,<svg onload=alert(1)>)",
    };

    [Theory]
    [MemberData(nameof(HostileSources))]
    public void An_export_never_carries_raw_html_or_a_hostile_link_even_to_a_renderer_with_html_on(string markdown)
    {
        var source = SafeMarkdown.ToSafeSource(markdown);

        // The export is read by other programs, some of which render raw HTML: parse it as they would.
        var permissive = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        var document = Markdown.Parse(source, permissive);
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.All(document.Descendants<LinkInline>(), l => Assert.True(SafeMarkdown.IsAllowedUrl(l.Url), l.Url));
        Assert.All(document.Descendants<AutolinkInline>(), a => Assert.True(a.IsEmail || SafeMarkdown.IsAllowedUrl(a.Url), a.Url));
        Assert.DoesNotContain("<script", Markdown.ToHtml(source, permissive), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_export_keeps_the_authors_formatting_and_good_links()
    {
        const string debrief = "**Well done.** See [the guide](https://example.com/guide).\n\n- one\n- two\n\n`<b>` in code";

        Assert.Equal(debrief, SafeMarkdown.ToSafeSource(debrief));
    }
}

/// <summary>The Markdown export of a transcript copies the scenario's debrief and questions through the same allow-list.</summary>
public sealed class TranscriptExportTests
{
    [Fact]
    public void The_export_does_not_copy_an_authors_raw_html_or_script_links()
    {
        var yaml = File.ReadAllText(TestPaths.Fixture("mini.yaml"))
            .Replace("debrief: The scene ended before any agreement.", "debrief: \"<script>alert(1)</script> See [the notes](javascript:alert(2)) or <img src=x onerror=alert(3)>.\"", StringComparison.Ordinal);
        var scenario = Core.Scenarios.ScenarioLoader.Load(yaml, "mini.yaml").Scenario!;
        var play = new Core.Engine.Play(scenario, Fixtures.MiniScorer, seed: 1);
        play.Finish();

        var markdown = TranscriptMarkdown.Render(TranscriptDocument.From(play), scenario);

        var html = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains("the notes", html, StringComparison.Ordinal);
    }
}
