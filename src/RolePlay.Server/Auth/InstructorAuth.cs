using Microsoft.AspNetCore.Authentication;
using RolePlay.Server.Hubs;

namespace RolePlay.Server.Auth;

/// <summary>
/// Who the instructor is, decided once by ASP.NET Core rather than checked by hand at each door:
/// <see cref="InstructorKeyHandler"/> turns the key into the instructor's principal, and the <see cref="Policy"/> policy
/// admits only that principal. The instructor API route group requires it (<c>RequireAuthorization</c>), the whole
/// <see cref="BaselineHub"/> (<c>[Authorize]</c>, checked when connecting) and each instructor method of
/// <see cref="RolePlayHub"/> (<see cref="InstructorOnlyAttribute"/>, checked on every call).
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
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireRole(InstructorKey.Role));
        services.AddSingleton<InstructorOnlyFilter>(); // one instance, so its per-method policies are worked out once
    }
}
