using Microsoft.AspNetCore.SignalR;
using RolePlay.Contracts;
using RolePlay.Core.Engine;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Hubs;

/// <summary>
/// The one place a refused hub call becomes the caller's error: a <see cref="HubRefusal"/> (<c>[Code] text</c>) in the
/// connection's language (<see cref="RequestLanguage"/> of the request that opened it), counted and logged once
/// (<see cref="RefusalLog"/>). Registered first, so it also sees the rate limiter's refusals.
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
        catch (Exception ex) when (RefusalOf(ex) is { } refusal)
        {
            throw Translated(invocationContext, refusal, ex);
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
            return await call;
        }
        catch (Exception ex) when (RefusalOf(ex) is { } refusal)
        {
            throw Translated(context, refusal, ex);
        }
        catch (Exception ex) when (ex is not HubException)
        {
            refusals.Failed(context.HubMethodName, context.Context.ConnectionId, ex);
            throw;
        }
    }

    private static Refusal? RefusalOf(Exception ex) => ex switch
    {
        Refusal refusal => refusal,
        PlayRuleException rule => new Refusal(RefusalCode.PlayRule, rule.Text), // an engine refusal that reached the hub without being wrapped
        _ when Persistence.StorageFailure.Is(ex) => new Refusal(RefusalCode.CouldNotSave, ServerText.CouldNotSave), // nothing was stored or acknowledged
        _ => null,
    };

    private HubException Translated(HubInvocationContext context, Refusal refusal, Exception ex)
    {
        if (refusal.Code == RefusalCode.CouldNotSave && ex is not Refusal)
        {
            refusals.CouldNotSave(context.HubMethodName, ex);
        }

        refusals.Refused(context.HubMethodName, context.Context.ConnectionId, refusal.Code, refusal.Text.English);
        return new(new HubRefusal(refusal.Code, RequestLanguage.Pick(context.Context.GetHttpContext(), refusal.Text)).ToMessage());
    }
}
