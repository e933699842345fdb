using StackExchange.Redis;

namespace RolePlay.Server.Cluster;

/// <summary>
/// Whether events can reach the class: always on one machine; in a cluster, while Redis carries this node's SignalR
/// sends (every send goes through it, even to this node's own connections). The node's one Redis connection is shared
/// with SignalR, and a ping this node publishes to itself twice a second tells when it really works again after an
/// outage: connected is not enough, the subscriptions must be back too.
/// </summary>
public sealed class Backplane : IDisposable
{
    private static readonly TimeSpan PingEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan DownAfter = TimeSpan.FromSeconds(2);
    private readonly Timer? _ping;
    private long _heardAt = Environment.TickCount64;

    private Backplane(ConnectionMultiplexer? redis)
    {
        Redis = redis;
        if (redis is null)
        {
            return;
        }

        var channel = RedisChannel.Literal("alive:" + Guid.NewGuid().ToString("N"));
        var subscriber = redis.GetSubscriber();
        subscriber.Subscribe(channel, (_, _) => Interlocked.Exchange(ref _heardAt, Environment.TickCount64));
        _ping = new Timer(_ => subscriber.Publish(channel, "ping", CommandFlags.FireAndForget), null, TimeSpan.Zero, PingEvery);
    }

    /// <summary>The connection SignalR's Redis backplane uses; null on one machine.</summary>
    public ConnectionMultiplexer? Redis { get; }

    /// <summary>True while events can be sent.</summary>
    public bool IsUp => Redis is null
        || (Redis.IsConnected && Environment.TickCount64 - Interlocked.Read(ref _heardAt) < DownAfter.TotalMilliseconds);

    /// <summary>No backplane: one machine, where SignalR sends in memory.</summary>
    public static Backplane None() => new(null);

    /// <summary>Connects to the Redis at <paramref name="configuration"/>, without waiting for it to be up; channels get <paramref name="prefix"/>.</summary>
    public static Backplane Connect(string configuration, string prefix)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ChannelPrefix = RedisChannel.Literal(prefix);
        return new Backplane(ConnectionMultiplexer.Connect(options));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ping?.Dispose();
        Redis?.Dispose();
    }
}
