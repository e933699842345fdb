using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RolePlay.Core.Transcripts;

/// <summary>
/// The one way scenario Markdown (briefings, private notes, narration, debriefs, questions) is turned into HTML or
/// copied into an export. Scenario files are shared between instructors, so their Markdown is not trusted: raw HTML is
/// shown as text, and a link or image survives only when its address is on the allow-list (http, https, mailto).
/// Every other address (<c>javascript:</c> in any case, entity-encoded, as an autolink or a reference link,
/// <c>data:</c>, <c>vbscript:</c>, relative paths) is shown as text.
/// </summary>
public static class SafeMarkdown
{
    private static readonly string[] AllowedPrefixes = ["http://", "https://", "mailto:"];

    // Raw HTML is parsed as literal text, so it is rendered escaped.
    private static readonly MarkdownPipeline RenderPipeline = new MarkdownPipelineBuilder().DisableHtml().UseEmphasisExtras().Build();

    // HTML is parsed (to find it in the source) with exact positions, for rewriting an author's Markdown.
    private static readonly MarkdownPipeline SourcePipeline = new MarkdownPipelineBuilder().UseEmphasisExtras().UsePreciseSourceLocation().Build();

    /// <summary>True when a link to <paramref name="url"/> may be followed: an absolute http, https or mailto address.</summary>
    public static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        // Browsers drop ASCII tabs and newlines anywhere in a URL and leading controls and spaces: a URL that has any
        // is not one a scenario needs, so it is refused rather than cleaned.
        if (url.Any(c => c <= ' ' || c == '\u007f'))
        {
            return false;
        }

        return AllowedPrefixes.Any(p => url.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
    }

    /// <summary>Renders scenario Markdown to HTML: raw HTML as text, links and images only to allowed addresses.</summary>
    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, RenderPipeline);

        // Both lists are taken before the tree changes: Markdig's descendant walk does not survive an unwrapped link.
        var links = document.Descendants<LinkInline>().ToList();
        var autolinks = document.Descendants<AutolinkInline>().ToList();
        foreach (var link in links)
        {
            if (!IsAllowedUrl(link.Url) || (link.IsImage && !IsWebUrl(link.Url)))
            {
                Unwrap(link);
            }
            else if (link.IsImage)
            {
                // A picture from elsewhere would be fetched from every student's phone as the page opens (and the
                // Content-Security-Policy blocks it anyway): it becomes a link to the picture, followed on a click.
                link.IsImage = false;
            }
        }

        foreach (var autolink in autolinks)
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!IsAllowedUrl(url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return document.ToHtml(RenderPipeline);
    }

    private static bool IsWebUrl(string? url) => url is not null && url.StartsWith("http", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The author's Markdown made safe to copy into an exported Markdown document, which another program may render
    /// with raw HTML on: raw HTML, and links, images and autolinks to addresses off the allow-list, are backslash-escaped
    /// so they read as the text they are. Everything else (emphasis, lists, allowed links, code) is kept as written.
    /// </summary>
    public static string ToSafeSource(string? markdown)
    {
        var text = markdown ?? string.Empty;

        // Escaping can expose new structure (a tag inside an escaped block becomes inline HTML), so repeat until the
        // source parses clean; a few rounds suffice, and the last resort escapes every '<' and '['.
        for (var round = 0; round < 8; round++)
        {
            var positions = UnsafePositions(text);
            if (positions.Count == 0)
            {
                return text;
            }

            text = EscapeAt(text, positions);
        }

        return UnsafePositions(text).Count == 0 ? text : EscapeAt(text, [.. Enumerable.Range(0, text.Length).Where(i => text[i] is '<' or '[')]);
    }

    /// <summary>The characters to backslash-escape: the start of raw HTML and of links to addresses off the allow-list.</summary>
    private static SortedSet<int> UnsafePositions(string text)
    {
        var document = Markdown.Parse(text, SourcePipeline);
        var positions = new SortedSet<int>();
        foreach (var block in document.Descendants<HtmlBlock>())
        {
            for (var i = block.Span.Start; i <= Math.Min(block.Span.End, text.Length - 1); i++)
            {
                if (text[i] == '<')
                {
                    positions.Add(i);
                }
            }
        }

        foreach (var inline in document.Descendants<HtmlInline>())
        {
            positions.Add(inline.Span.Start);
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsAllowedUrl(link.Url) || (link.IsImage && !IsWebUrl(link.Url)))
            {
                var at = link.Span.Start;
                positions.Add(link.IsImage && at + 1 < text.Length && text[at] == '!' ? at + 1 : at);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsAllowedUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                positions.Add(autolink.Span.Start);
            }
        }

        positions.RemoveWhere(p => p < 0 || p >= text.Length || text[p] is not ('<' or '['));
        return positions;
    }

    private static string EscapeAt(string text, IEnumerable<int> positions)
    {
        var sb = new System.Text.StringBuilder(text);
        foreach (var p in positions.OrderByDescending(p => p))
        {
            sb.Insert(p, '\\');
        }

        return sb.ToString();
    }

    /// <summary>Replaces a link or image by its text (an image by its alt text).</summary>
    private static void Unwrap(LinkInline link)
    {
        foreach (var child in link.ToList())
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.Remove();
    }
}
