using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using RolePlay.Contracts;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Auth;

/// <summary>
/// The instructor-key scheme, the app's default: a request is the instructor's when it carries the key in the
/// <see cref="InstructorKey.HeaderName"/> header, holds the login cookie, or, on the hubs' paths only, carries the key as
/// <c>?access_token=</c> (negotiate and the WebSocket, which a browser cannot give headers). Anywhere else a key in a URL
/// would end up in browser history, proxies and logs, so it opens nothing. Any one of the three is enough, as before.
/// </summary>
public sealed class InstructorKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, InstructorKey key)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The paths on which the key is accepted in the query: both hubs, their negotiate and their transports.</summary>
    public const string HubPathPrefix = "/hubs";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (key.Matches(Request.Headers[InstructorKey.HeaderName].FirstOrDefault())
            || (Request.Path.StartsWithSegments(HubPathPrefix) && key.Matches(Request.Query["access_token"].FirstOrDefault())))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(InstructorKey.Principal(Scheme.Name), Scheme.Name));
        }

        // The login cookie is ASP.NET Core's cookie scheme (POST /api/login signs in to it): its handler decrypts,
        // checks and renews it.
        var cookie = await Context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (cookie.Principal is { } principal && principal.IsInRole(InstructorKey.Role))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }

        // A missing or wrong key is an anonymous caller, not a failure: the base class would log every failure at
        // Information, and a guesser would write a line per guess.
        return AuthenticateResult.NoResult();
    }

    /// <summary>
    /// An instructor-only endpoint called without the instructor: 401 with the problem detail callers have always had,
    /// in the request's language; never a redirect to a login page (the client has its own login form).
    /// </summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Api.RefusalProblems.WriteAsync(Context, new Refusal(RefusalCode.InstructorOnly, ServerText.InstructorOnlyHttp(InstructorKey.HeaderName)));
}
