using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using RolePlay.Contracts;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Auth;

/// <summary>
/// Marks a hub method as the instructor's: the <see cref="InstructorAuth.Policy"/> policy, evaluated by ASP.NET Core's
/// authorization service for every call, by <see cref="InstructorOnlyFilter"/>. Not <c>[Authorize]</c>, because SignalR
/// checks that before any hub filter runs and refuses with its own fixed English sentence ("Failed to invoke 'X' because
/// user is unauthorized"); checked among the filters, the refusal is a <see cref="Refusal"/> that
/// <see cref="Hubs.LocalizingHubFilter"/> sends in the connection's language and counts, like every other refusal.
/// SignalR does not read this attribute, so the filter is what enforces it (registered with the hub's filters in
/// <see cref="RolePlayServer"/>; <c>InstructorAuthTests</c> calls every method carrying it without the key).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class InstructorOnlyAttribute : Attribute, IAuthorizeData
{
    /// <inheritdoc />
    public string? Policy { get; set; } = InstructorAuth.Policy;

    /// <inheritdoc />
    public string? Roles { get; set; }

    /// <inheritdoc />
    public string? AuthenticationSchemes { get; set; }
}

/// <summary>Refuses a call to an <see cref="InstructorOnlyAttribute"/> method unless the connection is the instructor's.</summary>
public sealed class InstructorOnlyFilter(IAuthorizationService authorization, IAuthorizationPolicyProvider policies) : IHubFilter
{
    // Per hub method: its policy, or null when it has none (most calls: they pass straight on).
    private readonly ConcurrentDictionary<MethodInfo, Task<AuthorizationPolicy?>> _policies = new();

    /// <inheritdoc />
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var policy = _policies.GetOrAdd(invocationContext.HubMethod, method => AuthorizationPolicy.CombineAsync(policies, method.GetCustomAttributes<InstructorOnlyAttribute>(inherit: true)));
        return policy.IsCompletedSuccessfully && policy.Result is null ? next(invocationContext) : AuthorizeAsync(invocationContext, policy, next);
    }

    private async ValueTask<object?> AuthorizeAsync(HubInvocationContext call, Task<AuthorizationPolicy?> policy, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (await policy is { } required && !(await authorization.AuthorizeAsync(call.Context.User ?? new(), call, required)).Succeeded)
        {
            throw new Refusal(RefusalCode.InstructorOnly, ServerText.InstructorOnly);
        }

        return await next(call);
    }
}
