using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RolePlay.Server.Tests;

/// <summary>
/// The schema moves by EF Core migrations, one set per provider. A database made by the last release before them
/// (Fixtures/, see its README) upgrades in place and keeps everything; one the code cannot run on stops start-up with
/// a message that says what to do.
/// </summary>
public sealed class MigrationTests
{
    /// <summary>Feedback tables a release before MissingTables never made.</summary>
    private static readonly string[] FeedbackTables = ["Comments", "TurnRatings", "Satisfaction", "Reflections"];

    private static readonly Release SqliteRelease = new("240f0d5b91f12cbc", "31a76f8398fbf76e", "4c8a83339e92e2a132f21eaa1e4acb0b");

    private static readonly Release PostgresRelease = new("47528da65fc2659e", "5b5046f801dd1be9", "489e45e50dbbb171e84677837df2149d");

    [Fact]
    public async Task A_sqlite_database_from_the_last_release_before_migrations_upgrades_in_place_and_plays_on()
    {
        var dataDir = ReleaseDataDir();

        await using var server = await ServerProcess.StartAsync(dataDir);

        await AssertReleaseDataAsync(server, SqliteRelease);
        Assert.Equal(Migrations("Sqlite"), await SqliteStringsAsync(dataDir, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1"));
        Assert.Equal(await ReleaseSchemaAsync(), await SqliteSchemaAsync(Path.Combine(dataDir, "roleplay.db")));
    }

    [Fact]
    public async Task A_sqlite_database_from_an_older_release_gains_the_tables_it_lacked()
    {
        var dataDir = ReleaseDataDir();
        await SqliteExecuteAsync(dataDir, string.Concat(FeedbackTables.Select(t => $"DROP TABLE \"{t}\";")));

        await using var server = await ServerProcess.StartAsync(dataDir);

        Assert.Equal(await ReleaseSchemaAsync(), await SqliteSchemaAsync(Path.Combine(dataDir, "roleplay.db")));
        Assert.Equal(3, (await server.TranscriptAsync(SqliteRelease.RunningGroup)).Turns.Count);
        Assert.Equal(Migrations("Sqlite"), await SqliteStringsAsync(dataDir, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1"));
    }

    [Fact]
    public async Task A_new_sqlite_database_gets_exactly_the_release_schema_from_the_migrations()
    {
        await using var server = await ServerProcess.StartAsync();

        Assert.Equal(await ReleaseSchemaAsync(), await SqliteSchemaAsync(Path.Combine(server.DataDir, "roleplay.db")));
        Assert.Equal(Migrations("Sqlite"), await SqliteStringsAsync(server.DataDir, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1"));
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_what_to_do_and_left_as_it_was()
    {
        var dataDir = ReleaseDataDir();
        await SqliteExecuteAsync(dataDir,
            "CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" TEXT NOT NULL PRIMARY KEY, \"ProductVersion\" TEXT NOT NULL);" +
            string.Concat(Migrations("Sqlite").Append("29991231000000_FromANewerRelease").Select(m => $"INSERT INTO \"__EFMigrationsHistory\" VALUES ('{m}', '10.0.15');")));

        var log = await FailedStartAsync(dataDir);

        Assert.Contains("was upgraded by a newer version of RolePlay", log);
        Assert.Contains("29991231000000_FromANewerRelease", log);
        Assert.Contains("Run that newer version", log);
        Assert.Equal(["5"], await SqliteStringsAsync(dataDir, "SELECT CAST(COUNT(*) AS TEXT) FROM \"Turns\""));
    }

    [Fact]
    public async Task A_failed_migration_stops_start_up_with_the_cause_and_leaves_nothing_half_done()
    {
        var dataDir = NewDataDir();
        await SqliteExecuteAsync(dataDir,
            "CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" TEXT NOT NULL PRIMARY KEY, \"ProductVersion\" TEXT NOT NULL);" +
            "CREATE TABLE \"Turns\" (\"Id\" INTEGER);"); // in the way of the initial migration's own Turns

        var log = await FailedStartAsync(dataDir);

        Assert.Contains($"failed at migration {Migrations("Sqlite")[0]}", log);
        Assert.Contains("already exists", log);
        Assert.Contains("start RolePlay again", log);
        Assert.Equal(
            ["Turns", "__EFMigrationsHistory"],
            (await SqliteStringsAsync(dataDir, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).Where(t => t != "__EFMigrationsLock"));
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_stops_start_up_with_what_to_check()
    {
        var dataDir = NewDataDir();
        Directory.CreateDirectory(Path.Combine(dataDir, "roleplay.db")); // a folder where the file should be

        var log = await FailedStartAsync(dataDir);

        Assert.Contains("Could not open the database", log);
        Assert.Contains("RolePlay:DataDir", log);
    }

    [PostgresFact]
    public async Task A_postgresql_database_from_the_last_release_before_migrations_upgrades_in_place_and_plays_on()
    {
        await using var release = await PostgresDatabase.FromFixtureAsync();
        await using var reference = await PostgresDatabase.FromFixtureAsync();

        await using (var server = await ServerProcess.StartAsync(environment: release.Environment))
        {
            await AssertReleaseDataAsync(server, PostgresRelease);
        }

        Assert.Equal(Migrations("Postgres"), await release.StringsAsync("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1"));
        Assert.Equal(await reference.SchemaAsync(), await release.SchemaAsync());
    }

    [PostgresFact]
    public async Task A_postgresql_database_from_an_older_release_gains_the_tables_it_lacked()
    {
        await using var older = await PostgresDatabase.FromFixtureAsync();
        await using var reference = await PostgresDatabase.FromFixtureAsync();
        await older.ExecuteAsync(string.Concat(FeedbackTables.Select(t => $"DROP TABLE \"{t}\";")));

        await using (var server = await ServerProcess.StartAsync(environment: older.Environment))
        {
            Assert.Equal(3, (await server.TranscriptAsync(PostgresRelease.RunningGroup)).Turns.Count);
        }

        Assert.Equal(await reference.SchemaAsync(), await older.SchemaAsync());
        Assert.Equal(Migrations("Postgres"), await older.StringsAsync("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1"));
    }

    [PostgresFact]
    public async Task A_new_postgresql_database_gets_exactly_the_release_schema_from_the_migrations()
    {
        await using var fresh = await PostgresDatabase.EmptyAsync(create: false); // the server creates it
        await using var reference = await PostgresDatabase.FromFixtureAsync();

        await using (var server = await ServerProcess.StartAsync(environment: fresh.Environment))
        {
            Assert.Equal(0, (await server.Http.GetFromJsonAsync<JsonElement>("/api/sessions")).GetArrayLength());
        }

        Assert.Equal(await reference.SchemaAsync(), await fresh.SchemaAsync());
        Assert.Equal(Migrations("Postgres"), await fresh.StringsAsync("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1"));
    }

    /// <summary>Everything the fixture's release server stored is served again, and both sessions take new rows.</summary>
    private static async Task AssertReleaseDataAsync(ServerProcess server, Release release)
    {
        Assert.Contains("my-bakery-en", (await server.Http.GetFromJsonAsync<JsonElement>("/api/scenarios")).EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        var review = await server.Http.GetFromJsonAsync<JsonElement>($"/api/groups/{release.EndedGroup}/review");
        Assert.Equal(2, review.GetProperty("transcript").GetProperty("turns").GetArrayLength());
        Assert.Equal("Olive", Assert.Single(review.GetProperty("ratings").EnumerateArray()).GetProperty("rater").GetString());
        Assert.Equal("blames her", Assert.Single(review.GetProperty("overrides").EnumerateArray()).GetProperty("note").GetString());
        Assert.Equal("on second thought", Assert.Single(review.GetProperty("satisfaction").EnumerateArray()).GetProperty("comment").GetString());
        Assert.Equal(2, review.GetProperty("reflections").GetArrayLength());
        Assert.Equal(["A kind opening.", "Watch the pace."], review.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()));

        await using var instructor = await Player.ConnectAsync(server, instructor: true);
        await instructor.Connection.InvokeAsync<CommentView>(nameof(IRolePlayHub.AddComment), release.EndedGroup, (int?)null, "Read after the upgrade.");
        review = await server.Http.GetFromJsonAsync<JsonElement>($"/api/groups/{release.EndedGroup}/review");
        Assert.Equal([1L, 2L, 3L], review.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));

        var transcript = await server.TranscriptAsync(release.RunningGroup);
        Assert.Equal(["tongs", "counter"], transcript.StagePath);
        await using var customer = await Player.ConnectAsync(server);
        await customer.RejoinAsync(release.CustomerToken);
        var snapshot = customer.Joined.Snapshot;
        Assert.Equal(SessionState.Running, snapshot.SessionState);
        Assert.Equal(3, snapshot.Turns.Count);
        var turn = await customer.SayAsync("处理什么?你们是不是要我赔啊?");
        Assert.Equal(4, turn.Seq);
    }

    /// <summary>Starts the server on <paramref name="dataDir"/>, expecting it to refuse; returns what it printed.</summary>
    private static async Task<string> FailedStartAsync(string dataDir)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(dataDir));
        Assert.Contains("RolePlay cannot start: ", refused.Message);
        Assert.DoesNotContain("Unhandled exception", refused.Message);
        Assert.DoesNotContain("   at ", refused.Message); // no stack trace
        return refused.Message;
    }

    /// <summary>The migrations in the repository for a provider, oldest first, as the history table names them.</summary>
    private static List<string> Migrations(string provider) =>
    [
        .. Directory.GetFiles(Path.Combine(ServerProcess.RepoRoot, "src", "RolePlay.Server", "Persistence", "Migrations", provider), "*_*.cs")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(n => !n.EndsWith(".Designer", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    private static string Fixture(string name) => Path.Combine(ServerProcess.RepoRoot, "tests", "RolePlay.Server.Tests", "Fixtures", name);

    private static string NewDataDir() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "roleplay-test-" + Guid.NewGuid().ToString("N"))).FullName;

    private static string ReleaseDataDir()
    {
        var dataDir = NewDataDir();
        File.Copy(Fixture("release-db.sqlite"), Path.Combine(dataDir, "roleplay.db"));
        return dataDir;
    }

    /// <summary>The fixture's schema, read from a copy (opening the fixture itself would leave WAL files beside it).</summary>
    private static Task<List<string>> ReleaseSchemaAsync() => SqliteSchemaAsync(Path.Combine(ReleaseDataDir(), "roleplay.db"));

    /// <summary>Every table, index and trigger as SQLite keeps its definition, less EF Core's own tables.</summary>
    private static Task<List<string>> SqliteSchemaAsync(string file) => SqliteStringsAsync(
        Path.GetDirectoryName(file)!,
        "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || COALESCE(sql, '') FROM sqlite_master WHERE tbl_name NOT LIKE '\\_\\_EF%' ESCAPE '\\' ORDER BY 1",
        Path.GetFileName(file));

    private static async Task<List<string>> SqliteStringsAsync(string dataDir, string sql, string file = "roleplay.db")
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dataDir, file)};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task SqliteExecuteAsync(string dataDir, string sql)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dataDir, "roleplay.db")};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Ids the fixture's release server made (Fixtures/README.md): the ended group, the running one and its customer's seat.</summary>
    private sealed record Release(string EndedGroup, string RunningGroup, string CustomerToken);

    /// <summary>A database of its own on the test PostgreSQL server, dropped when disposed.</summary>
    private sealed class PostgresDatabase : IAsyncDisposable
    {
        private PostgresDatabase(string name) => Name = name;

        public string Name { get; }

        public string ConnectionString => PostgresFactAttribute.ConnectionString + ";Database=" + Name;

        public Dictionary<string, string> Environment => new() { ["ConnectionStrings__RolePlay"] = ConnectionString };

        public static async Task<PostgresDatabase> EmptyAsync(bool create = true)
        {
            var database = new PostgresDatabase("roleplay_" + Guid.NewGuid().ToString("N"));
            if (create)
            {
                await AdminAsync($"CREATE DATABASE \"{database.Name}\"");
            }

            return database;
        }

        /// <summary>A database as the last release before migrations left it: the fixture's dump, run as it is.</summary>
        public static async Task<PostgresDatabase> FromFixtureAsync()
        {
            var database = await EmptyAsync();
            await database.ExecuteAsync(await File.ReadAllTextAsync(Fixture("release-db.postgres.sql")));
            return database;
        }

        public async Task ExecuteAsync(string sql)
        {
            await using var db = new NpgsqlConnection(ConnectionString + ";Pooling=false");
            await db.OpenAsync();
            await using var command = new NpgsqlCommand(sql, db);
            await command.ExecuteNonQueryAsync();
        }

        public async Task<List<string>> StringsAsync(string sql)
        {
            await using var db = new NpgsqlConnection(ConnectionString + ";Pooling=false");
            await db.OpenAsync();
            await using var command = new NpgsqlCommand(sql, db);
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }

        /// <summary>Every column (type, length, nullability, default, identity), constraint and index, less EF Core's own tables.</summary>
        public Task<List<string>> SchemaAsync() => StringsAsync(
            """
            SELECT table_name || '.' || column_name || ' ' || data_type || COALESCE('(' || character_maximum_length || ')', '')
                || ' null=' || is_nullable || ' default=' || COALESCE(column_default, '') || ' identity=' || COALESCE(identity_generation, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
            UNION ALL
            SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"\_\_EF%'
            UNION ALL
            SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%'
            ORDER BY 1
            """);

        public async ValueTask DisposeAsync() => await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");

        private static async Task AdminAsync(string sql)
        {
            await using var db = new NpgsqlConnection(PostgresFactAttribute.ConnectionString + ";Database=postgres;Pooling=false");
            await db.OpenAsync();
            await using var command = new NpgsqlCommand(sql, db);
            await command.ExecuteNonQueryAsync();
        }
    }
}
