using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Client.Live;

/// <summary>Reconnects forever: 0, 0.25, 0.5, 1, 2, 4 s, then every 5 s. A phone that wakes up after minutes still gets back in.</summary>
public sealed class ForeverRetryPolicy : IRetryPolicy
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        ArgumentNullException.ThrowIfNull(retryContext);
        return Delay(retryContext.PreviousRetryCount);
    }

    /// <summary>The delay before retry number <paramref name="previousRetries"/> + 1.</summary>
    public static TimeSpan Delay(long previousRetries) => previousRetries switch
    {
        0 => TimeSpan.Zero,
        < 6 => TimeSpan.FromMilliseconds(Math.Min(Cap.TotalMilliseconds, 250 * Math.Pow(2, previousRetries - 1))),
        _ => Cap,
    };
}
