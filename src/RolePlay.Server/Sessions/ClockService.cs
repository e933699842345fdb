namespace RolePlay.Server.Sessions;

/// <summary>Ticks every running group once a second so timed transitions fire even when nobody speaks.</summary>
public sealed class ClockService(SessionService sessions, ILogger<ClockService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var group in sessions.Groups)
            {
                try
                {
                    await group.TickAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Clock tick failed for group {GroupId}", group.Id);
                }
            }
        }
    }
}
