using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using RolePlay.Contracts;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Security;

/// <summary>
/// ASP.NET Core's rate limiter on what can be guessed: the instructor login, the endpoints that check the instructor
/// key, and join-code lookups (the HTTP join page and the hub's Join). Limits are per client address, in fixed windows
/// of a minute; a refused request gets 429 with <c>Retry-After</c> and a problem detail in the caller's language.
/// </summary>
public static class RateLimits
{
    /// <summary>The policy on <c>POST /api/login</c>.</summary>
    public const string Login = "login";

    /// <summary>The policy on every endpoint that checks the instructor key.</summary>
    public const string Instructor = "instructor";

    /// <summary>The policy on join-code lookups.</summary>
    public const string JoinLookup = "join-lookup";

    /// <summary>Registers the limiter and its policies from <paramref name="options"/>.</summary>
    public static void Add(IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(new JoinLookupLimiter(options.RateLimits.JoinLookupsPerMinute));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            limiter.AddPolicy(Login, http => PerAddress(http, options.RateLimits.LoginsPerMinute));
            limiter.AddPolicy(Instructor, http => PerAddress(http, options.RateLimits.InstructorCallsPerMinute));
            limiter.AddPolicy(JoinLookup, http => PerAddress(http, options.RateLimits.JoinLookupsPerMinute));
        });
    }

    /// <summary>The client's address: the partition every limit is counted in.</summary>
    public static string Address(HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => Window(perMinute));

    internal static FixedWindowRateLimiterOptions Window(int perMinute) => new()
    {
        PermitLimit = Math.Max(1, perMinute),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Api.RefusalProblems.WriteAsync(http, new Refusal(RefusalCode.TooManyAttempts, ServerText.TooManyRequests(seconds)));
    }
}

/// <summary>Join-code lookups over the hub, counted per client address in the same windows as the HTTP join page's.</summary>
public sealed class JoinLookupLimiter(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        address => RateLimitPartition.GetFixedWindowLimiter(address, _ => RateLimits.Window(perMinute)));

    /// <summary>Takes one lookup for <paramref name="address"/>; null when allowed, else the seconds to wait.</summary>
    public int? TryAcquire(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
