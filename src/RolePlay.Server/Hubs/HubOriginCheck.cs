using RolePlay.Contracts;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Hubs;

/// <summary>Refuses hub connections (negotiate, WebSocket, long polling) from a foreign browser origin.</summary>
public sealed class HubOriginCheck(RequestDelegate next, ServerOptions options)
{
    /// <summary>Checks the request and passes it on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Headers.Origin.FirstOrDefault() is { Length: > 0 } origin && !Allowed(origin, context))
        {
            await Api.RefusalProblems.WriteAsync(context, new Refusal(RefusalCode.ForeignOrigin, ServerText.ForeignOrigin(origin)));
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private bool Allowed(string origin, HttpContext context) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase));
}
