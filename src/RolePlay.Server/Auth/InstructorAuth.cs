using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using RolePlay.Server.Hubs;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Auth;

/// <summary>
/// Who the instructor is, decided once by ASP.NET Core rather than checked by hand at each door:
/// <see cref="InstructorKeyHandler"/> turns the key into the instructor's principal, and the <see cref="Policy"/> policy
/// admits only that principal. The instructor API route group requires it (<c>RequireAuthorization</c>), and so do the
/// instructor methods of <see cref="RolePlayHub"/> and the whole <see cref="BaselineHub"/> (<c>[Authorize]</c>).
/// </summary>
public static class InstructorAuth
{
    /// <summary>The authorization policy of everything only the instructor may do.</summary>
    public const string Policy = "instructor";

    /// <summary>The authentication scheme of the instructor key (header, login cookie, or the hubs' query).</summary>
    public const string Scheme = "instructor-key";

    /// <summary>Registers the schemes and the policy.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddScheme<AuthenticationSchemeOptions, InstructorKeyHandler>(Scheme, null)
            .AddCookie(c =>
            {
                c.Cookie.Name = "roleplay-instructor";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Strict;

                // The cookie scheme never answers a refusal itself (its default is a redirect to a login page): the key
                // scheme answers, with 401 and a problem detail.
                c.ForwardChallenge = Scheme;
                c.ForwardForbid = Scheme;
            });
        services.AddSingleton<IAuthorizationHandler, InstructorRequirementHandler>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddRequirements(new InstructorRequirement()));
    }
}

/// <summary>The <see cref="InstructorAuth.Policy"/> policy's requirement: the caller holds the instructor's principal.</summary>
public sealed class InstructorRequirement : IAuthorizationRequirement;

/// <summary>
/// Meets <see cref="InstructorRequirement"/> for the instructor's principal. SignalR refuses an unauthorized hub method
/// itself, with its own fixed text and before any hub filter runs, so <see cref="LocalizingHubFilter"/> never sees that
/// refusal: it is counted for <c>/api/metrics</c> and logged here, like every other refused hub call.
/// </summary>
internal sealed class InstructorRequirementHandler(RefusalLog refusals) : AuthorizationHandler<InstructorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InstructorRequirement requirement)
    {
        if (context.User.IsInRole(InstructorKey.Role))
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HubInvocationContext call)
        {
            refusals.Refused(call.HubMethodName, call.Context.ConnectionId, ServerText.InstructorOnly.English);
        }

        return Task.CompletedTask;
    }
}
