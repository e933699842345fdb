using System.Collections.Concurrent;
using RolePlay.Contracts;

namespace RolePlay.Server.Hubs;

/// <summary>
/// Refused hub calls, counted for <c>/api/metrics</c> by hub method and by <see cref="RefusalCode"/>. A refusal is the
/// server working as designed (a wrong code, a turn out of order, a client sending too fast), so it is logged once, at
/// Debug, as one line without a stack trace: a flooding client cannot turn the log into an amplifier.
/// </summary>
public sealed class RefusalLog(ILogger<RefusalLog> logger)
{
    private readonly ConcurrentDictionary<string, long> _byMethod = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RefusalCode, long> _byCode = new();
    private long _total;

    /// <summary>Refused hub calls since start.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Refused hub calls since start, by hub method.</summary>
    public IReadOnlyDictionary<string, long> ByMethod => new SortedDictionary<string, long>(_byMethod, StringComparer.Ordinal);

    /// <summary>Refused hub calls since start, by refusal code.</summary>
    public IReadOnlyDictionary<RefusalCode, long> ByCode => new SortedDictionary<RefusalCode, long>(_byCode);

    /// <summary>Counts and logs one refusal of <paramref name="method"/>.</summary>
    public void Refused(string method, string connectionId, RefusalCode code, string reason)
    {
        Interlocked.Increment(ref _total);
        _byMethod.AddOrUpdate(method, 1, (_, n) => n + 1);
        _byCode.AddOrUpdate(code, 1, (_, n) => n + 1);
        logger.LogDebug("Refused {Method} on connection {ConnectionId}: {Code} {Reason}", method, connectionId, code, reason);
    }

    /// <summary>
    /// SignalR's dispatcher logs every exception a hub method throws at Error with its stack trace, refusals included.
    /// <see cref="LocalizingHubFilter"/> sees every call first and logs both kinds itself (a refusal once at Debug, any
    /// other exception at Error with its stack), so the dispatcher's category keeps only its warnings and critical
    /// entries.
    /// </summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <summary>A hub call whose write the database refused (told to the caller as "could not save, try again").</summary>
    public void CouldNotSave(string method, Exception exception) =>
        logger.LogWarning("Could not save for hub method {Method}: {Error}", method, exception.GetBaseException().Message);

    /// <summary>Failed hub calls that were not refusals (a fault in the server), logged at Error with the stack trace.</summary>
    public void Failed(string method, string connectionId, Exception exception) =>
        logger.LogError(exception, "Hub method {Method} failed on connection {ConnectionId}", method, connectionId);
}
