namespace RolePlay.Server.Sessions;

/// <summary>
/// A value one caller at a time may use. The value is reachable only inside <c>RunAsync</c>, which waits its turn, so
/// "hold the gate while you touch it" is kept by the type rather than asked for in a comment. Work must not keep the
/// value past its call, and must not wait on the network while it holds it: one slow reader would stall everyone queued
/// behind it.
/// </summary>
internal sealed class Gate<T>(T value)
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Runs <paramref name="work"/> with the value to itself.</summary>
    public async Task<TResult> RunAsync<TResult>(Func<T, TResult> work)
    {
        await _turn.WaitAsync();
        try
        {
            return work(value);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> with the value to itself until the work completes.</summary>
    public async Task<TResult> RunAsync<TResult>(Func<T, Task<TResult>> work)
    {
        await _turn.WaitAsync();
        try
        {
            return await work(value);
        }
        finally
        {
            _turn.Release();
        }
    }
}
