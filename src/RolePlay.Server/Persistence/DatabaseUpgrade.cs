using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace RolePlay.Server.Persistence;

/// <summary>
/// Brings the database to this version's schema at start-up by applying the provider's pending EF Core migrations
/// (Persistence/Migrations/Sqlite or /Postgres). A database made before there were migrations (by EnsureCreated, and
/// perhaps without the tables later releases added) is first recorded as being at the initial migration, which
/// describes exactly that schema, after creating any of its tables it lacks. Anything that stops the upgrade ends
/// start-up with a <see cref="DatabaseUpgradeException"/> that says what happened and what to do.
/// </summary>
internal static class DatabaseUpgrade
{
    public static void Run(RolePlayDb db, ILogger logger)
    {
        var where = Describe(db);
        try
        {
            if (db.Database.HasPendingModelChanges())
            {
                // A developer changed a row or the model without adding a migration: the database must not be touched.
                throw new DatabaseUpgradeException(
                    $"This build's data model has changes that no migration describes, so it cannot set up the database {where}. " +
                    "A developer must add a migration for each provider (docs/migrations.md). The database was not changed.");
            }

            var known = db.Database.GetMigrations().ToList();
            Baseline(db, known[0], where, logger);
            var applied = db.Database.GetAppliedMigrations().ToList();
            var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                throw new DatabaseUpgradeException(
                    $"The database {where} was upgraded by a newer version of RolePlay: it has {Plural(unknown.Count, "migration")} that " +
                    $"this version does not know ({string.Join(", ", unknown)}). Run that newer version (or a later one) on it, or point " +
                    "this version at another database (RolePlay:DataDir or ConnectionStrings:RolePlay). The database was not changed.");
            }

            var migrator = db.GetService<IMigrator>();
            foreach (var pending in known.Except(applied, StringComparer.Ordinal))
            {
                logger.LogInformation("Database {Where}: applying migration {Migration}", where, pending);
                try
                {
                    migrator.Migrate(pending);
                }
                catch (Exception e) when (e is not DatabaseUpgradeException)
                {
                    var before = known.TakeWhile(m => m != pending).LastOrDefault();
                    throw new DatabaseUpgradeException(
                        $"Upgrading the database {where} failed at migration {pending}: {Sentence(e.GetBaseException().Message)} " +
                        "Each migration runs in a transaction, so nothing of that one was kept and the database is as it was before it " +
                        $"({(before is null ? "with no migration applied" : "at migration " + before)}); this version cannot run on it until " +
                        "the upgrade succeeds. Fix the cause (disk space, file permissions, the database server, the database user's rights) " +
                        "and start RolePlay again: the upgrade resumes from there.",
                        e);
                }
            }
        }
        catch (Exception e) when (e is not DatabaseUpgradeException && StorageFailure.Is(e))
        {
            throw new DatabaseUpgradeException(
                $"Could not open the database {where}: {Sentence(e.GetBaseException().Message)} " +
                (db.Database.IsSqlite()
                    ? "Check that the data folder (RolePlay:DataDir) can be written and the disk is not full, then start RolePlay again."
                    : "Check that the PostgreSQL server is running and reachable and that ConnectionStrings:RolePlay names it, a " +
                      "database and a user allowed to create tables, then start RolePlay again."),
                e);
        }
    }

    /// <summary>
    /// A database with RolePlay's tables but no migration history was made by a release before migrations, whose
    /// schema is the initial migration's less the tables added after it was made (EnsureCreated never touched an
    /// existing database, and the tables were only ever added whole). Creates what it lacks and records the initial
    /// migration as applied, all in one transaction; the later migrations are then applied as usual.
    /// </summary>
    private static void Baseline(RolePlayDb db, string initialId, string where, ILogger logger)
    {
        if (!db.GetService<IRelationalDatabaseCreator>().Exists())
        {
            return;
        }

        // Asked of the catalogue, not of IHistoryRepository.Exists(), which Npgsql's EF provider answers true for a
        // database without the table.
        var existing = Tables(db);
        if (existing.Contains(HistoryRepository.DefaultTableName))
        {
            return;
        }

        var assembly = db.GetService<IMigrationsAssembly>();
        var initial = assembly.CreateMigration(assembly.Migrations[initialId], db.Database.ProviderName!);
        var tables = initial.UpOperations.OfType<CreateTableOperation>().ToList();
        if (!tables.Any(t => existing.Contains(t.Name)))
        {
            return; // new or not RolePlay's: the migrations create everything
        }

        foreach (var table in tables.Where(t => existing.Contains(t.Name)))
        {
            var columns = Columns(db, table.Name);
            var lacking = table.Columns.Select(c => c.Name).Where(c => !columns.Contains(c)).ToList();
            if (lacking.Count > 0)
            {
                throw new DatabaseUpgradeException(
                    $"The database {where} has RolePlay's tables but not as a RolePlay release made them: the table {table.Name} has no " +
                    $"{string.Join(", ", lacking)}. Point RolePlay at its own database (RolePlay:DataDir or ConnectionStrings:RolePlay). " +
                    "The database was not changed.");
            }
        }

        var missing = initial.UpOperations.Where(o => o switch
        {
            CreateTableOperation t => !existing.Contains(t.Name),
            CreateIndexOperation i => !existing.Contains(i.Table),
            _ => false,
        }).ToList();
        var history = db.GetService<IHistoryRepository>();
        var model = db.GetService<IModelRuntimeInitializer>().Initialize(initial.TargetModel!);
        var commands = db.GetService<IMigrationsSqlGenerator>().Generate(missing, model).Select(c => c.CommandText)
            .Append(history.GetCreateScript())
            .Append(history.GetInsertScript(new HistoryRow(initialId, ProductInfo.GetVersion())));

        db.Database.OpenConnection();
        try
        {
            using var transaction = db.Database.BeginTransaction();
            foreach (var text in commands)
            {
                using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = transaction.GetDbTransaction();
                command.CommandText = text;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            db.Database.CloseConnection();
        }

        logger.LogInformation(
            "The database {Where} was made before RolePlay had migrations; recorded it as at {Migration}{Created}",
            where,
            initialId,
            missing.Count == 0 ? string.Empty : ", creating " + string.Join(", ", missing.OfType<CreateTableOperation>().Select(t => t.Name)));
    }

    private static HashSet<string> Tables(RolePlayDb db) => Strings(db, db.Database.IsSqlite()
        ? "SELECT name FROM sqlite_master WHERE type = 'table'"
        : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");

    private static HashSet<string> Columns(RolePlayDb db, string table) => Strings(db, db.Database.IsSqlite()
        ? "SELECT name FROM pragma_table_info(@table)"
        : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table", table);

    private static HashSet<string> Strings(RolePlayDb db, string sql, string? table = null)
    {
        var connection = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (table is not null)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "table";
                parameter.Value = table;
                command.Parameters.Add(parameter);
            }

            using var reader = command.ExecuteReader();
            var values = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    /// <summary>The database as an operator knows it: the SQLite file, or the PostgreSQL database and server (never the password).</summary>
    private static string Describe(RolePlayDb db)
    {
        DbConnection connection = db.Database.GetDbConnection();
        return db.Database.IsSqlite() ? connection.DataSource : $"{connection.Database} on {connection.DataSource}";
    }

    /// <summary>The database's own error as a sentence of the message (they end with a full stop or not, by provider).</summary>
    private static string Sentence(string error)
    {
        error = error.Trim();
        return error.EndsWith('.') ? error : error + ".";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"a {noun}" : $"{count} {noun}s";
}

/// <summary>The database could not be brought to this version's schema; the message says why and what to do.</summary>
public sealed class DatabaseUpgradeException(string message, Exception? inner = null) : Exception(message, inner);
