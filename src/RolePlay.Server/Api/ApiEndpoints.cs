using RolePlay.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using RolePlay.Server.Auth;
using RolePlay.Server.Sessions;

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
                return Problem(StatusCodes.Status401Unauthorized, "That is not the instructor key; it is printed when the server starts.");
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, InstructorKey.Principal()).ConfigureAwait(false);
            return Results.NoContent();
        });
        app.MapPost("/api/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.NoContent();
        });

        app.MapGet("/api/scenarios", (ScenarioLibrary library) => library.All.Select(Summary));

        var instructor = app.MapGroup("/api").AddEndpointFilter(RequireInstructor);
        instructor.MapGet("/sessions", (SessionService sessions, HttpContext http) => sessions.Sessions.Select(s => Summary(s, http)));
        instructor.MapGet("/sessions/{id}", (string id, SessionService sessions, HttpContext http) => sessions.FindSession(id) is { } session
            ? Results.Ok(Summary(session, http))
            : Problem(StatusCodes.Status404NotFound, $"There is no session '{id}'; GET /api/sessions lists them."));
        instructor.MapPost("/sessions", async (CreateSessionRequest request, SessionService sessions, HttpContext http) =>
        {
            try
            {
                var session = await sessions.CreateAsync(request.ScenarioId ?? string.Empty, request.Groups ?? 1, request.Bots ?? true, request.LiveFeedback ?? true).ConfigureAwait(false);
                var joinUrl = JoinEndpoints.JoinUrl(http, session.Row.JoinCode);
                return Results.Ok(new CreateSessionResponse(session.Row.Id, session.Row.JoinCode, joinUrl, [.. session.Groups.Select(g => new GroupSummary(g.Row.Id, g.Row.Name))]));
            }
            catch (ArgumentException ex)
            {
                return Problem(StatusCodes.Status400BadRequest, ex.Message);
            }
        });
        instructor.MapPost("/sessions/{id}/start", (string id, SessionService s) => Steer(s, id, s.StartAsync));
        instructor.MapPost("/sessions/{id}/resume", (string id, SessionService s) => Steer(s, id, s.StartAsync));
        instructor.MapPost("/sessions/{id}/pause", (string id, SessionService s) => Steer(s, id, s.PauseAsync));
        instructor.MapPost("/sessions/{id}/end", (string id, SessionService s) => Steer(s, id, s.EndAsync));
        instructor.MapPost("/sessions/{id}/bots", (string id, BotsRequest request, SessionService s) => Steer(s, id, session => s.SetBotsAsync(session, request.Enabled)));
        TranscriptEndpoints.Map(instructor);
        ReviewEndpoints.Map(instructor);
        JoinEndpoints.Map(app);
        MetricsEndpoint.Map(instructor);
        ScenarioEndpoints.Map(instructor);
    }

    /// <summary>A scenario as the library lists it.</summary>
    internal static ScenarioSummary Summary(Core.Scenarios.Scenario s) => new(
        s.Id, s.Title, s.Locale, [.. s.Roles.Select(r => r.Id)], s.Summary, [.. s.Roles.Select(r => new RoleSummary(r.Id, r.Name, r.IsCustomer))]);

    private static SessionSummary Summary(SessionRuntime s, HttpContext http) => new(
        s.Row.Id, s.Row.ScenarioId, s.Scenario.Title, s.Row.JoinCode, s.Row.State.ToString().ToLowerInvariant(), s.Row.CreatedUtc,
        [.. s.Groups.Select(g => new GroupSummary(g.Row.Id, g.Row.Name))], JoinEndpoints.JoinUrl(http, s.Row.JoinCode));

    internal static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    private static async Task<IResult> Steer(SessionService sessions, string id, Func<SessionRuntime, Task> action)
    {
        if (sessions.FindSession(id) is not { } session)
        {
            return Problem(StatusCodes.Status404NotFound, $"There is no session '{id}'.");
        }

        try
        {
            await action(session).ConfigureAwait(false);
            return Results.NoContent();
        }
        catch (InvalidOperationException ex)
        {
            return Problem(StatusCodes.Status409Conflict, ex.Message);
        }
    }

    private static async ValueTask<object?> RequireInstructor(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = context.HttpContext.RequestServices.GetRequiredService<InstructorKey>();
        return key.IsInstructor(context.HttpContext)
            ? await next(context).ConfigureAwait(false)
            : Problem(StatusCodes.Status401Unauthorized, $"Instructor only: send the instructor key in the {InstructorKey.HeaderName} header, or log in.");
    }
}
