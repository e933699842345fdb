using Microsoft.AspNetCore.SignalR;
using RolePlay.Core.Engine;
using RolePlay.Core.Localization;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Hubs;

/// <summary>
/// Sends every refusal of a hub call in the connection's language (<see cref="RequestLanguage"/> of the request that
/// opened it), and counts and logs it once (<see cref="RefusalLog"/>). Registered first, so it also sees the rate
/// limiter's refusals.
/// </summary>
public sealed class LocalizingHubFilter(RefusalLog refusals) : IHubFilter
{
    /// <inheritdoc />
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        ValueTask<object?> call;
        try
        {
            call = next(invocationContext);
        }
        catch (Exception ex) when (TextOf(ex) is { } text)
        {
            throw Translated(invocationContext, text, ex);
        }
        catch (Exception ex) when (ex is not HubException)
        {
            refusals.Failed(invocationContext.HubMethodName, invocationContext.Context.ConnectionId, ex);
            throw;
        }

        // Most calls succeed synchronously or are awaited once: only a call still running needs the async path.
        return call.IsCompletedSuccessfully ? call : AwaitAsync(invocationContext, call);
    }

    private async ValueTask<object?> AwaitAsync(HubInvocationContext context, ValueTask<object?> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Exception ex) when (TextOf(ex) is { } text)
        {
            throw Translated(context, text, ex);
        }
        catch (Exception ex) when (ex is not HubException)
        {
            refusals.Failed(context.HubMethodName, context.Context.ConnectionId, ex);
            throw;
        }
    }

    private static LocalizedText? TextOf(Exception ex) => ex switch
    {
        Refusal refusal => refusal.Text,
        PlayRuleException rule => rule.Text, // an engine refusal that reached the hub without being wrapped
        _ when Persistence.StorageFailure.Is(ex) => ServerText.CouldNotSave, // nothing was stored or acknowledged
        _ => null,
    };

    private HubException Translated(HubInvocationContext context, LocalizedText text, Exception ex)
    {
        if (ex is not (Refusal or PlayRuleException))
        {
            refusals.CouldNotSave(context.HubMethodName, ex);
        }

        refusals.Refused(context.HubMethodName, context.Context.ConnectionId, text.English);
        return new(RequestLanguage.Pick(context.Context.GetHttpContext(), text));
    }
}
