using RolePlay.Contracts;

namespace RolePlay.Server.Sessions;

/// <summary>
/// Keeps this node's view of sessions current and the running groups alive. Every couple of seconds it reads the
/// sessions other nodes created or steered, and wakes every group of a running session: a group's grain ticks its own
/// clock once a second, and a group whose node died comes back here on the next wake (or the next call from a student),
/// so timed transitions go on after a failover even when nobody speaks.
/// </summary>
public sealed class ClockService(SessionService sessions, IHostApplicationLifetime lifetime, ILogger<ClockService> logger) : BackgroundService
{
    /// <summary>How often the view is refreshed and running groups are woken.</summary>
    internal static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grains can be called once the silo is up, which is before the app reports started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetResult()))
        {
            await started.Task; // also ends when the host stops before it ever started
        }

        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                // Open sessions, and any from the last day (so one ended elsewhere shows as ended here too).
                var since = DateTime.UtcNow.AddDays(-1);
                await sessions.RestoreAsync(stoppingToken, q => q.Where(r => r.State != SessionState.Ended || r.CreatedUtc > since));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not read the sessions: {Error}", ex.GetBaseException().Message);
            }

            foreach (var session in sessions.Sessions.Where(s => s.Row.State == SessionState.Running))
            {
                foreach (var group in session.Groups)
                {
                    try
                    {
                        await group.WakeAsync();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning("Could not wake group {GroupId}: {Error}", group.Id, ex.GetBaseException().Message);
                    }
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
