using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RolePlay.Contracts;
using RolePlay.Server.Localization;
using RolePlay.Server.Persistence;

namespace RolePlay.Server.Api;

/// <summary>
/// The one place a refusal becomes an HTTP answer: a problem document whose status follows from the refusal's kind
/// (<see cref="RefusalCodes.HttpStatus"/>), with the <c>code</c> for programs, the <c>detail</c> in the request's
/// language (<see cref="RequestLanguage"/>) and any per-line <c>errors</c>. Endpoints throw <see cref="Refusal"/>
/// and the exception handler middleware brings it here; a storage failure becomes <see cref="RefusalCode.CouldNotSave"/>
/// (nothing was saved or acknowledged). Anything else is not handled: a fault is a 500 and logged as one.
/// </summary>
public sealed class RefusalProblems(ILogger<RefusalProblems> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        Refusal refusal;
        if (exception is Refusal refused)
        {
            refusal = refused;
        }
        else if (StorageFailure.Is(exception))
        {
            logger.LogWarning("Could not save for {Method} {Path}: {Error}", httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
            refusal = new Refusal(RefusalCode.CouldNotSave, ServerText.CouldNotSave);
        }
        else
        {
            return false;
        }

        await WriteAsync(httpContext, refusal);
        return true;
    }

    /// <summary>Answers <paramref name="http"/> with the refusal's problem document; for middleware that refuses before any endpoint runs.</summary>
    public static Task WriteAsync(HttpContext http, Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(http);
        var problem = new ProblemDetails
        {
            Status = refusal.Kind.HttpStatus(),
            Detail = RequestLanguage.Pick(http, refusal.Text),
            Extensions = { ["code"] = refusal.Code },
        };
        if (refusal.Errors is { } errors)
        {
            problem.Extensions["errors"] = errors;
        }

        return TypedResults.Problem(problem).ExecuteAsync(http);
    }
}
