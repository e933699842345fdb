using RolePlay.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using RolePlay.Server.Auth;
using RolePlay.Server.Sessions;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Api;

/// <summary>The HTTP API: scenarios, sessions, transcripts, login and health.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps every endpoint.</summary>
    public static void MapRolePlayApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", () => Results.Text("ok"));

        app.MapPost("/api/login", async (LoginRequest request, InstructorKey key, HttpContext http) =>
        {
            if (!key.Matches(request.Key))
            {
                return Problem(http, StatusCodes.Status401Unauthorized, ServerText.WrongKey);
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, InstructorKey.Principal(CookieAuthenticationDefaults.AuthenticationScheme)).ConfigureAwait(false);
            return Results.NoContent();
        }).RequireRateLimiting(Security.RateLimits.Login);
        app.MapPost("/api/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.NoContent();
        });

        app.MapGet("/api/scenarios", (ScenarioLibrary library) => library.All.Select(Summary));

        // Every route of this group is the instructor's: a route added here cannot be reached without the key.
        var instructor = app.MapGroup("/api").RequireAuthorization(InstructorAuth.Policy).RequireRateLimiting(Security.RateLimits.Instructor);
        instructor.MapGet("/sessions", (SessionService sessions, HttpContext http) => sessions.Sessions.Select(s => Summary(s, http)));
        instructor.MapGet("/sessions/{id}", (string id, SessionService sessions, HttpContext http) => sessions.FindSession(id) is { } session
            ? Results.Ok(Summary(session, http))
            : Problem(http, StatusCodes.Status404NotFound, ServerText.NoSessionListed(id)));
        instructor.MapPost("/sessions", async (CreateSessionRequest request, SessionService sessions, HttpContext http) =>
        {
            try
            {
                var session = await sessions.CreateAsync(request.ScenarioId ?? string.Empty, request.Groups ?? 1, request.Bots ?? true, request.LiveFeedback ?? true).ConfigureAwait(false);
                var joinUrl = JoinEndpoints.JoinUrl(http, session.Row.JoinCode);
                return Results.Ok(new CreateSessionResponse(session.Row.Id, session.Row.JoinCode, joinUrl, [.. session.Groups.Select(g => new GroupSummary(g.Id, g.Name))]));
            }
            catch (Refusal refusal)
            {
                return Problem(http, StatusCodes.Status400BadRequest, refusal.Text);
            }
        });
        instructor.MapPost("/sessions/{id}/start", (string id, SessionService s, HttpContext http) => Steer(http, s, id, s.StartAsync));
        instructor.MapPost("/sessions/{id}/resume", (string id, SessionService s, HttpContext http) => Steer(http, s, id, s.StartAsync));
        instructor.MapPost("/sessions/{id}/pause", (string id, SessionService s, HttpContext http) => Steer(http, s, id, s.PauseAsync));
        instructor.MapPost("/sessions/{id}/end", (string id, SessionService s, HttpContext http) => Steer(http, s, id, s.EndAsync));
        instructor.MapPost("/sessions/{id}/bots", (string id, BotsRequest request, SessionService s, HttpContext http) => Steer(http, s, id, session => s.SetBotsAsync(session, request.Enabled)));
        TranscriptEndpoints.Map(instructor);
        ReviewEndpoints.Map(instructor);
        CalibrationEndpoints.Map(instructor);
        JoinEndpoints.Map(app);
        MetricsEndpoint.Map(instructor);
        ScenarioEndpoints.Map(instructor);
    }

    /// <summary>A scenario as the library lists it.</summary>
    internal static ScenarioSummary Summary(Core.Scenarios.Scenario s) => new(
        s.Id, s.Title, s.Locale, [.. s.Roles.Select(r => r.Id)], s.Summary, RoleSummaries(s));

    /// <summary>A scenario's roles with their names, as the library, the join page and the review list them.</summary>
    internal static IReadOnlyList<RoleSummary> RoleSummaries(Core.Scenarios.Scenario s) =>
        [.. s.Roles.Select(r => new RoleSummary(r.Id, r.Name, r.IsCustomer))];

    private static SessionSummary Summary(SessionRuntime s, HttpContext http) => new(
        s.Row.Id, s.Row.ScenarioId, s.Scenario.Title, s.Row.JoinCode, s.Row.State.ToString().ToLowerInvariant(), s.Row.CreatedUtc,
        [.. s.Groups.Select(g => new GroupSummary(g.Id, g.Name))], JoinEndpoints.JoinUrl(http, s.Row.JoinCode));

    /// <summary>A problem document whose <c>detail</c> is in the request's language (<see cref="RequestLanguage"/>).</summary>
    internal static IResult Problem(HttpContext http, int status, Core.Localization.LocalizedText detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: RequestLanguage.Pick(http, detail), statusCode: status, extensions: extensions);

    private static async Task<IResult> Steer(HttpContext http, SessionService sessions, string id, Func<SessionRuntime, Task> action)
    {
        if (sessions.FindSession(id) is not { } session)
        {
            return Problem(http, StatusCodes.Status404NotFound, ServerText.NoSession(id));
        }

        try
        {
            await action(session).ConfigureAwait(false);
            return Results.NoContent();
        }
        catch (Refusal refusal)
        {
            return Problem(http, StatusCodes.Status409Conflict, refusal.Text);
        }
    }
}
