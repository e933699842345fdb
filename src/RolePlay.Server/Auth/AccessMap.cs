using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace RolePlay.Server.Auth;

/// <summary>
/// Who may call what, written once at start-up at Debug (category <c>RolePlay.Server.Auth.AccessMap</c>): every route
/// under <c>/api</c> and <c>/hubs</c> as the endpoint data sources hold it, and every hub method, each with the
/// authorization policies applied to it or "anyone" (for a hub method: the hub's own <c>[Authorize]</c>, checked when
/// connecting, and the method's <c>[Authorize]</c> or <see cref="InstructorOnlyAttribute"/>, checked on each call). It is
/// read from the metadata that is enforced, not kept by hand, so an operator, and the tests that call every instructor
/// entry point without the key, see a new route or hub method as soon as it exists.
/// </summary>
public static class AccessMap
{
    /// <summary>What an entry point open to every caller is listed as.</summary>
    public const string Anyone = "anyone";

    /// <summary>Writes the map once the app has started (when every data source has its endpoints).</summary>
    public static void WriteAtStart(WebApplication app, params Type[] hubs)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessMap).FullName!);
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
            {
                var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
                if (pattern.StartsWith("/api/", StringComparison.Ordinal) || pattern.StartsWith("/hubs/", StringComparison.Ordinal))
                {
                    var verbs = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } listed ? string.Join(',', listed) : "*";
                    logger.LogDebug("route {Verbs} {Pattern} -> {Access}", verbs, pattern, Access(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()));
                }
            }

            foreach (var hub in hubs)
            {
                foreach (var method in HubMethods(hub))
                {
                    logger.LogDebug(
                        "hub {Hub}.{Method}({Parameters}) -> {Access}",
                        hub.Name,
                        method.Name,
                        string.Join(',', method.GetParameters().Select(p => p.ParameterType.Name)),
                        Access([.. hub.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>(), .. method.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>()]));
                }
            }
        });
    }

    // The methods SignalR binds: public instance methods the hub declares itself, not the Hub base class's overrides.
    private static IEnumerable<MethodInfo> HubMethods(Type hub) =>
        hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == hub)
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    private static string Access(IReadOnlyList<IAuthorizeData> rules) =>
        rules.Count == 0 ? Anyone : string.Join('+', rules.Select(r => r.Policy ?? r.Roles ?? "authenticated"));
}
