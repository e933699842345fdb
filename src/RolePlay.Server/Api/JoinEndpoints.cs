using QRCoder;
using RolePlay.Contracts;
using RolePlay.Server.Persistence;
using RolePlay.Server.Sessions;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Api;

/// <summary>The public join page's data and the projector's QR code: anyone with the code may read them.</summary>
internal static class JoinEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/join/{code}", async (string code, SessionService sessions) =>
        {
            var session = Find(sessions, code);

            var groups = new List<JoinGroup>();
            foreach (var group in session.Groups)
            {
                groups.Add(await group.JoinViewAsync());
            }

            var scenario = session.Scenario;
            return new JoinInfo(session.Row.JoinCode, scenario.Title, scenario.Locale, session.Row.State, ApiEndpoints.RoleSummaries(scenario), groups);
        }).RequireRateLimiting(Security.RateLimits.JoinLookup);

        app.MapGet("/api/join/{code}/qr.svg", (string code, SessionService sessions, HttpContext http) =>
        {
            var session = Find(sessions, code);
            var link = new PayloadGenerator.Url(JoinUrl(http, session.Row.JoinCode)).ToString();
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
            var svg = new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
            return Results.Text(svg, "image/svg+xml; charset=utf-8");
        }).RequireRateLimiting(Security.RateLimits.JoinLookup);
    }

    /// <summary>The link students open: <c>{PublicUrl or scheme://host}/join/{CODE}</c>.</summary>
    public static string JoinUrl(HttpContext http, string joinCode)
    {
        ArgumentNullException.ThrowIfNull(http);
        var publicUrl = http.RequestServices.GetRequiredService<ServerOptions>().PublicUrl;
        var root = string.IsNullOrWhiteSpace(publicUrl) ? $"{http.Request.Scheme}://{http.Request.Host}" : publicUrl.TrimEnd('/');
        return $"{root}/join/{joinCode}";
    }

    /// <summary>The session still open to join with <paramref name="code"/>; refused for an unknown or ended code.</summary>
    private static SessionRuntime Find(SessionService sessions, string code) => sessions.FindByCode(code) switch
    {
        null => throw new Refusal(RefusalCode.JoinCodeUnknown, ServerText.UnknownJoinCodeNamed(code)),
        { Row.State: SessionState.Ended } => throw new Refusal(RefusalCode.JoinCodeEnded, ServerText.JoinCodeEnded),
        var open => open,
    };
}
