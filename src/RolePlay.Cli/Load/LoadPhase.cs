using System.Diagnostics;

namespace RolePlay.Cli.Load;

/// <summary>Figures of one phase of a load run.</summary>
public sealed record PhaseResult(double TurnsPerSecond, double P50Ms, double P95Ms, double P99Ms, int Turns, int Errors)
{
    /// <summary>The server's GC pause time and collections while the phase played (RolePlay phase only).</summary>
    public GcDuringRun? Gc { get; init; }
}

/// <summary>GC pause time (ms) and collections on the server during a phase.</summary>
public sealed record GcDuringRun(double PauseMs, int Gen0, int Gen2);

/// <summary>Drives every group for a fixed time, closed loop or paced, and collects latencies.</summary>
internal static class LoadPhase
{
    public static async Task<PhaseResult> RunAsync(IReadOnlyList<LoadGroup> groups, Func<LoadGroup, int, Func<Task>> nextLine, TimeSpan duration, double? ratePerGroup)
    {
        using var stop = new CancellationTokenSource(duration);
        var latencies = new List<double>[groups.Count];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(groups.Select(async (group, index) =>
        {
            var mine = latencies[index] = [];
            var interval = ratePerGroup is { } rate ? TimeSpan.FromSeconds(1 / rate) : TimeSpan.Zero;
            var next = TimeSpan.FromMilliseconds(Random.Shared.Next((int)Math.Max(1, interval.TotalMilliseconds)));
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                if (interval > TimeSpan.Zero)
                {
                    var wait = next - clock.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        try
                        {
                            await Task.Delay(wait, stop.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException)
                        {
                            break;
                        }
                    }

                    next += interval;
                }

                try
                {
                    mine.Add((await group.PlayLineAsync(nextLine(group, n), stop.Token).ConfigureAwait(false)).TotalMilliseconds);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (Exception ex) when (ex is Microsoft.AspNetCore.SignalR.HubException or TimeoutException or InvalidOperationException)
                {
                    Interlocked.Increment(ref errors);
                    await Task.Delay(200).ConfigureAwait(false);
                }
            }
        })).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new PhaseResult(
            Math.Round(all.Length / elapsed, 1),
            Percentile(all, 0.50),
            Percentile(all, 0.95),
            Percentile(all, 0.99),
            all.Length,
            errors);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 2);
}
