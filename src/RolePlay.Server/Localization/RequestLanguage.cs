using Microsoft.Net.Http.Headers;

namespace RolePlay.Server.Localization;

/// <summary>
/// The language a request wants its refusals in: the <c>lang</c> query parameter (the browser's WebSocket cannot set
/// headers, so the hub URL carries it), else the most preferred <c>Accept-Language</c>. Any <c>zh</c> tag means
/// simplified Chinese; everything else, and no preference at all, means English.
/// </summary>
public static class RequestLanguage
{
    /// <summary>The query parameter that names the language on the hub URL.</summary>
    public const string QueryKey = "lang";

    /// <summary>True when the request asks for Chinese.</summary>
    public static bool IsChinese(HttpContext? http)
    {
        if (http is null)
        {
            return false;
        }

        if (http.Request.Query.TryGetValue(QueryKey, out var lang) && !string.IsNullOrWhiteSpace(lang))
        {
            return IsChineseTag(lang.ToString());
        }

        // OrderByDescending is stable, so equal qualities keep the browser's order.
        var preferred = http.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault();
        return IsChineseTag(preferred?.Value.Value);
    }

    /// <summary>True for any language tag starting with <c>zh</c> (zh, zh-CN, zh-Hans, zh-TW…).</summary>
    public static bool IsChineseTag(string? tag) => tag is not null && tag.Trim().StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text in the request's language.</summary>
    public static string Pick(HttpContext? http, Core.Localization.LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.In(IsChinese(http));
    }
}
