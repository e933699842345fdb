using Microsoft.AspNetCore.SignalR;

namespace RolePlay.Server.Hubs;

/// <summary>
/// Sends hub events to SignalR groups without waiting for the network: a send is issued at once, in the order of the
/// calls (SignalR queues each connection's writes first come, first served), and never awaited, so a group's gate is
/// never held across a network send and one phone that stops reading cannot stall the others. That phone's writes
/// wait in its own bounded buffers until the transport's send timeout drops it (<see cref="ServerOptions.SlowReaderTimeoutMs"/>).
/// </summary>
public sealed class Broadcaster(IHubContext<RolePlayHub> hub, ILogger<Broadcaster> logger)
{
    /// <summary>Sends <paramref name="method"/>(<paramref name="argument"/>) to every connection of the groups, once each.</summary>
    public void ToGroups(IReadOnlyList<string> groups, string method, object argument) =>
        Observe(hub.Clients.Groups(groups).SendCoreAsync(method, [argument]), method);

    /// <summary>Sends <paramref name="method"/>(<paramref name="argument"/>) to every connection of one group.</summary>
    public void ToGroup(string group, string method, object argument) =>
        Observe(hub.Clients.Group(group).SendCoreAsync(method, [argument]), method);

    private void Observe(Task send, string method)
    {
        if (send.IsCompletedSuccessfully)
        {
            return;
        }

        send.ContinueWith(
            static (t, state) =>
            {
                var (logger, method) = ((ILogger, string))state!;
                logger.LogDebug(t.Exception, "Sending {Method} did not complete", method);
            },
            (logger, method),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.NotOnRanToCompletion,
            TaskScheduler.Default);
    }
}
