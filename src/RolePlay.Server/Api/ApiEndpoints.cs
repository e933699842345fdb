using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using RolePlay.Contracts;
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
                throw new Refusal(RefusalCode.WrongKey, ServerText.WrongKey);
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, InstructorKey.Principal(CookieAuthenticationDefaults.AuthenticationScheme));
            return TypedResults.NoContent();
        }).RequireRateLimiting(Security.RateLimits.Login);
        app.MapPost("/api/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });

        app.MapGet("/api/scenarios", (ScenarioLibrary library) => library.All.Select(Summary));

        // Every route of this group is the instructor's: a route added here cannot be reached without the key.
        var instructor = app.MapGroup("/api").RequireAuthorization(InstructorAuth.Policy).RequireRateLimiting(Security.RateLimits.Instructor);
        instructor.MapGet("/sessions", (SessionService sessions, HttpContext http) => sessions.Sessions.Select(s => Summary(s, http)));
        instructor.MapGet("/sessions/{id}", (string id, SessionService sessions, HttpContext http) =>
            Summary(sessions.FindSession(id) ?? throw new Refusal(RefusalCode.SessionUnknown, ServerText.NoSessionListed(id)), http));
        instructor.MapPost("/sessions", async (CreateSessionRequest request, SessionService sessions, HttpContext http) =>
        {
            var session = await sessions.CreateAsync(request.ScenarioId ?? string.Empty, request.Groups ?? 1, request.Bots ?? true, request.LiveFeedback ?? true);
            var joinUrl = JoinEndpoints.JoinUrl(http, session.Row.JoinCode);
            return new CreateSessionResponse(session.Row.Id, session.Row.JoinCode, joinUrl, [.. session.Groups.Select(g => new GroupSummary(g.Id, g.Name))]);
        });
        instructor.MapPost("/sessions/{id}/start", (string id, SessionService s) => Steer(s, id, s.StartAsync));
        instructor.MapPost("/sessions/{id}/resume", (string id, SessionService s) => Steer(s, id, s.StartAsync));
        instructor.MapPost("/sessions/{id}/pause", (string id, SessionService s) => Steer(s, id, s.PauseAsync));
        instructor.MapPost("/sessions/{id}/end", (string id, SessionService s) => Steer(s, id, s.EndAsync));
        instructor.MapPost("/sessions/{id}/bots", (string id, BotsRequest request, SessionService s) => Steer(s, id, session => s.SetBotsAsync(session, request.Enabled)));
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
        s.Row.Id, s.Row.ScenarioId, s.Scenario.Title, s.Row.JoinCode, s.Row.State, s.Row.CreatedUtc,
        [.. s.Groups.Select(g => new GroupSummary(g.Id, g.Name))], JoinEndpoints.JoinUrl(http, s.Row.JoinCode));

    /// <summary>Starts, pauses, ends or switches bots for a session: 204, or the refusal (404 for an unknown session, 409 for a move its state does not allow).</summary>
    private static async Task<NoContent> Steer(SessionService sessions, string id, Func<SessionRuntime, Task> action)
    {
        await action(sessions.FindSession(id) ?? throw new Refusal(RefusalCode.SessionUnknown, ServerText.NoSession(id)));
        return TypedResults.NoContent();
    }
}
