using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RolePlay.Server.Persistence;

// What `dotnet ef migrations add` builds the model from (docs/migrations.md). Without these the tool would start the
// whole server to find a context, and would find only the provider that the configuration picks. Adding a migration
// never opens these connections.

/// <summary>The SQLite context for the EF Core tools.</summary>
internal sealed class SqliteDesignTimeDb : IDesignTimeDbContextFactory<SqliteRolePlayDb>
{
    /// <inheritdoc />
    public SqliteRolePlayDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRolePlayDb>().UseSqlite("Data Source=roleplay-design-time.db").Options);
}

/// <summary>The PostgreSQL context for the EF Core tools.</summary>
internal sealed class PostgresDesignTimeDb : IDesignTimeDbContextFactory<PostgresRolePlayDb>
{
    /// <inheritdoc />
    public PostgresRolePlayDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRolePlayDb>().UseNpgsql("Host=localhost;Database=roleplay").Options);
}
