using System.Security.Cryptography;

namespace RolePlay.Server.Security;

/// <summary>
/// Puts a strict Content-Security-Policy, <c>X-Content-Type-Options: nosniff</c> and a referrer policy on every
/// response, errors included. Scripts run only from this server's own files (plus the page's import map, which carries
/// a per-request nonce); the Blazor WebAssembly runtime needs <c>'wasm-unsafe-eval'</c> to compile its code; no inline
/// script and no <c>eval</c> are allowed. Inline styles are allowed because the stage-graph renderer (Mermaid) writes
/// its SVG with style elements; styles cannot run script.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The nonce the page's inline import map carries, created on first use for this request.</summary>
    public static string Nonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceKey] is not string nonce)
        {
            // base64url: nothing in it needs escaping in an HTML attribute or the header (18 bytes: no padding either).
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    /// <summary>The policy, with <paramref name="nonce"/> allowed when the page uses one.</summary>
    public static string Policy(string? nonce) =>
        "default-src 'self'; "
        + "script-src 'self' 'wasm-unsafe-eval'" + (nonce is null ? string.Empty : $" 'nonce-{nonce}'") + "; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; "
        + "font-src 'self'; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";

    /// <summary>Adds the headers as the response starts and passes the request on.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = Policy(http.Items[NonceKey] as string);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
