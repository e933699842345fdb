using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace RolePlay.Server.Persistence;

/// <summary>
/// Adds tables (with their indexes) that a newer model has and an older database lacks. EnsureCreated does nothing
/// to a database that already exists, so without this a data folder from an earlier version would miss new tables.
/// Existing tables are never altered.
/// </summary>
internal static class MissingTables
{
    public static void Create(RolePlayDb db)
    {
        var existing = ExistingTables(db);
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model)
            .Where(o => o switch
            {
                CreateTableOperation t => !existing.Contains(t.Name),
                CreateIndexOperation i => !existing.Contains(i.Table),
                _ => false,
            })
            .ToList();
        if (operations.Count == 0)
        {
            return;
        }

        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.Model))
        {
            db.Database.ExecuteSqlRaw(command.CommandText);
        }
    }

    private static HashSet<string> ExistingTables(RolePlayDb db)
    {
        var sql = db.Database.IsSqlite()
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()";
        return [.. db.Database.SqlQueryRaw<string>(sql).ToList()];
    }
}
