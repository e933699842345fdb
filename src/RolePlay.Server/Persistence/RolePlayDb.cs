using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RolePlay.Server.Persistence;

/// <summary>
/// The RolePlay database: sessions, groups, seats, the turn log, overrides, and people's comments, ratings and reflections.
/// One model for both providers; each provider has a subclass (<see cref="SqliteRolePlayDb"/>,
/// <see cref="PostgresRolePlayDb"/>) only so that EF Core keeps a migration set per provider, since the two generate
/// different SQL. The rest of the server asks for <c>IDbContextFactory&lt;RolePlayDb&gt;</c> and never sees which.
/// </summary>
public abstract class RolePlayDb : DbContext
{
    /// <summary>For the provider subclasses.</summary>
    protected RolePlayDb(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<SessionRow> Sessions => Set<SessionRow>();

    public DbSet<GroupRow> Groups => Set<GroupRow>();

    public DbSet<SeatRow> Seats => Set<SeatRow>();

    public DbSet<TurnRow> Turns => Set<TurnRow>();

    public DbSet<OverrideRow> Overrides => Set<OverrideRow>();

    public DbSet<ScenarioUploadRow> ScenarioUploads => Set<ScenarioUploadRow>();

    public DbSet<CommentRow> Comments => Set<CommentRow>();

    public DbSet<TurnRatingRow> TurnRatings => Set<TurnRatingRow>();

    public DbSet<SatisfactionRow> Satisfaction => Set<SatisfactionRow>();

    public DbSet<ReflectionRow> Reflections => Set<ReflectionRow>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SessionRow>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.JoinCode).IsUnique();
            e.Property(s => s.Id).HasMaxLength(32);
            e.Property(s => s.ScenarioId).HasMaxLength(64);
            e.Property(s => s.JoinCode).HasMaxLength(16);
        });
        modelBuilder.Entity<GroupRow>(e =>
        {
            e.HasKey(g => g.Id);
            e.HasIndex(g => g.SessionId);
            e.Property(g => g.Id).HasMaxLength(32);
        });
        modelBuilder.Entity<SeatRow>(e =>
        {
            e.HasKey(s => s.Token);
            e.HasIndex(s => s.GroupId);
            e.Property(s => s.Token).HasMaxLength(64);
            e.Property(s => s.Name).HasMaxLength(64);
        });
        modelBuilder.Entity<TurnRow>(e =>
        {
            e.HasKey(t => t.Id);
            e.HasIndex(t => new { t.GroupId, t.Seq }).IsUnique();
            e.Property(t => t.Text).HasMaxLength(4000);
        });
        modelBuilder.Entity<ScenarioUploadRow>(e =>
        {
            e.HasKey(u => u.ScenarioId);
            e.Property(u => u.ScenarioId).HasMaxLength(64);
        });
        modelBuilder.Entity<OverrideRow>(e =>
        {
            e.HasKey(o => o.Id);
            e.HasIndex(o => o.GroupId);
        });
        modelBuilder.Entity<CommentRow>(e =>
        {
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.GroupId);
            e.Property(c => c.GroupId).HasMaxLength(32);
            e.Property(c => c.Text).HasMaxLength(4000);
        });
        modelBuilder.Entity<TurnRatingRow>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.GroupId, r.Seq, r.SeatToken }).IsUnique();
            e.Property(r => r.GroupId).HasMaxLength(32);
            e.Property(r => r.SeatToken).HasMaxLength(64);
            e.Property(r => r.RaterName).HasMaxLength(64);
        });
        modelBuilder.Entity<SatisfactionRow>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.GroupId, r.SeatToken }).IsUnique();
            e.Property(r => r.GroupId).HasMaxLength(32);
            e.Property(r => r.SeatToken).HasMaxLength(64);
            e.Property(r => r.RaterName).HasMaxLength(64);
            e.Property(r => r.Comment).HasMaxLength(4000);
        });
        modelBuilder.Entity<ReflectionRow>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.GroupId, r.SeatToken }).IsUnique();
            e.Property(r => r.GroupId).HasMaxLength(32);
            e.Property(r => r.SeatToken).HasMaxLength(64);
            e.Property(r => r.Role).HasMaxLength(64);
            e.Property(r => r.Name).HasMaxLength(64);
        });
    }
}

/// <summary>The RolePlay database on SQLite; its migrations are in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteRolePlayDb(DbContextOptions<SqliteRolePlayDb> options) : RolePlayDb(options);

/// <summary>The RolePlay database on PostgreSQL; its migrations are in <c>Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresRolePlayDb(DbContextOptions<PostgresRolePlayDb> options) : RolePlayDb(options);

/// <summary>Hands out a provider's context as the <see cref="RolePlayDb"/> the rest of the server asks for.</summary>
internal sealed class RolePlayDbFactory<TDb>(IDbContextFactory<TDb> provider) : IDbContextFactory<RolePlayDb>
    where TDb : RolePlayDb
{
    /// <inheritdoc />
    public RolePlayDb CreateDbContext() => provider.CreateDbContext();

    /// <inheritdoc />
    public async Task<RolePlayDb> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await provider.CreateDbContextAsync(cancellationToken);
}

/// <summary>Makes every SQLite connection durable: WAL with synchronous=FULL, so an acknowledged turn survives a power cut.</summary>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    // EF Core looks whether the file exists through a read-only connection (before migrating, say), and turning a
    // file that is not yet in WAL mode to WAL is a write that such a connection refuses; the next writable one does it.
    private const string ReadOnlyPragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = For(connection);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = For(connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string For(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? ReadOnlyPragmas : Pragmas;
}
