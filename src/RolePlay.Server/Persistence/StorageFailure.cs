using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace RolePlay.Server.Persistence;

/// <summary>
/// A write the database refused (a full disk, a read-only or locked file, a lost PostgreSQL connection). Nothing was
/// acknowledged: a turn is only broadcast and answered once stored, and a refused write leaves the play as it was. The
/// person is told, in their language, that it could not be saved and to try again, never the database's own words
/// (<see cref="Api.RefusalProblems"/> over HTTP, <see cref="Hubs.LocalizingHubFilter"/> over the hub).
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
}
