using System.Diagnostics;
using RolePlay.Contracts;
using RolePlay.Server.Sessions;

namespace RolePlay.Server.Api;

/// <summary><c>GET /api/metrics</c>: the server's memory and load, for the load tool and for operators.</summary>
internal static class MetricsEndpoint
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/metrics", (SessionService sessions, ConnectionCounter connections, Hubs.RefusalLog refusals) =>
    {
        using var process = Process.GetCurrentProcess();
        return new ServerMetrics(
            Math.Round(process.WorkingSet64 / 1048576.0, 1),
            Math.Round(GC.GetTotalMemory(forceFullCollection: false) / 1048576.0, 1),
            connections.Current,
            sessions.Groups.Count(),
            Math.Round(GC.GetTotalPauseDuration().TotalMilliseconds, 1),
            GC.CollectionCount(0),
            GC.CollectionCount(2),
            refusals.Total,
            refusals.ByMethod,
            refusals.ByCode);
    });
}

/// <summary>Counts live hub connections.</summary>
public sealed class ConnectionCounter
{
    private int _current;

    /// <summary>Live connections now.</summary>
    public int Current => Volatile.Read(ref _current);

    /// <summary>A connection opened.</summary>
    public void Opened() => Interlocked.Increment(ref _current);

    /// <summary>A connection closed.</summary>
    public void Closed() => Interlocked.Decrement(ref _current);
}
