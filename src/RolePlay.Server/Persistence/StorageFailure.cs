using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using RolePlay.Server.Localization;

namespace RolePlay.Server.Persistence;

/// <summary>
/// A write the database refused (a full disk, a read-only or locked file, a lost PostgreSQL connection). Nothing was
/// acknowledged: a turn is only broadcast and answered once stored, and a refused write leaves the play as it was. The
/// person is told, in their language, that it could not be saved and to try again, never the database's own words.
/// </summary>
public static class StorageFailure
{
    /// <summary>True for the exceptions a failed read or write of the database or the data folder raises.</summary>
    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        DbException or DbUpdateException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => Is(exception.InnerException),
    };

    /// <summary>Answers an HTTP request that hit a storage failure with 503 and the translated "could not save" problem.</summary>
    public sealed class Handler(ILogger<Handler> logger) : IExceptionHandler
    {
        /// <inheritdoc />
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            if (!Is(exception))
            {
                return false;
            }

            logger.LogWarning("Could not save for {Method} {Path}: {Error}", httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
            await Results.Problem(detail: RequestLanguage.Pick(httpContext, ServerText.CouldNotSave), statusCode: StatusCodes.Status503ServiceUnavailable)
                .ExecuteAsync(httpContext).ConfigureAwait(false);
            return true;
        }
    }
}
