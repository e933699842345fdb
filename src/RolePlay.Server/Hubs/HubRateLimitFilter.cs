using Microsoft.AspNetCore.SignalR;
using RolePlay.Contracts;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Hubs;

/// <summary>
/// Limits hub calls per connection with a token bucket. ASP.NET's rate limiter sees only the HTTP upgrade,
/// so a flooding client is stopped here, and other connections are unaffected.
/// </summary>
public sealed class HubRateLimitFilter(ServerOptions options) : IHubFilter
{
    private const string BucketKey = "rate-bucket";

    /// <inheritdoc />
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var items = invocationContext.Context.Items;
        if (!items.TryGetValue(BucketKey, out var value) || value is not TokenBucket bucket)
        {
            bucket = new TokenBucket(options.HubCallBurst, options.HubCallsPerSecond);
            items[BucketKey] = bucket;
        }

        if (!bucket.TryTake())
        {
            throw new Refusal(RefusalCode.TooFast, ServerText.TooFast);
        }

        return next(invocationContext);
    }

    private sealed class TokenBucket(int capacity, int perSecond)
    {
        private readonly Lock _lock = new();
        private double _tokens = capacity;
        private long _last = Environment.TickCount64;

        public bool TryTake()
        {
            lock (_lock)
            {
                var now = Environment.TickCount64;
                _tokens = Math.Min(capacity, _tokens + ((now - _last) * perSecond / 1000.0));
                _last = now;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens--;
                return true;
            }
        }
    }
}
