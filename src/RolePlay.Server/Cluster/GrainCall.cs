using RolePlay.Contracts;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Cluster;

/// <summary>
/// Calls a grain and turns what the cluster can throw into what a person can act on: while a dead node's grains find a
/// new home (a few seconds, see docs/performance.md) a call is refused with "try again in a few seconds", and a grain
/// that cannot come back because the database is down is refused with "could not save".
/// </summary>
internal static class GrainCall
{
    public static Task Run(Func<Task> call) => Run(async () =>
    {
        await call();
        return true;
    });

    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not Refusal && Persistence.StorageFailure.Is(ex))
        {
            throw new Refusal(RefusalCode.CouldNotSave, ServerText.CouldNotSave);
        }
        catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            throw new Refusal(RefusalCode.GroupMoving, ServerText.GroupMoving);
        }
    }
}
