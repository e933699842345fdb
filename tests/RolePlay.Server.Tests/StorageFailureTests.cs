using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace RolePlay.Server.Tests;

/// <summary>A write the database refuses (as on a full disk) is answered "could not save, try again", in the caller's language, and acknowledges nothing.</summary>
public sealed class StorageFailureTests
{
    [Fact]
    public async Task A_refused_write_is_a_clear_translated_try_again_and_nothing_is_acknowledged()
    {
        await using var server = await ServerProcess.StartAsync();
        var session = await server.CreateSessionAsync("bakery-egg-tart-en");
        var code = session.JoinCode;
        await using var clerk = await Player.JoinAsync(server, code, "Cl", "clerk");
        await using var customer = await Player.JoinAsync(server, code, "Cu", "customer", lang: "zh-CN");
        await server.StartSessionAsync(session.SessionId);
        await clerk.SayAsync("I'm so sorry about the tongs; please don't worry about it.");

        await FailWritesAsync(server, "Turns", "Sessions");
        var refused = await Refusals.With(RefusalCode.CouldNotSave, () => customer.SayAsync("Fine, but I want an apology from her too."));
        Assert.True(refused.Contains("服务器没能保存", StringComparison.Ordinal), refused);
        Assert.DoesNotContain("SQLite", refused, StringComparison.OrdinalIgnoreCase);
        using var anonymousZh = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = JsonContent.Create(new { scenarioId = "bakery-egg-tart-en", groups = 1 }) };
        anonymousZh.Headers.AcceptLanguage.ParseAdd("en");
        using var create = await server.Http.SendAsync(anonymousZh);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
        var problem = await Problem.ReadAsync(create);
        Assert.Equal(RefusalCode.CouldNotSave, problem.Code);
        Assert.Contains("could not save", problem.Detail);
        Assert.DoesNotContain("SQLite", await create.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await AllowWritesAsync(server);
        var transcript = await server.TranscriptAsync(clerk.GroupId);
        Assert.Single(transcript.Turns);
        var turn = await customer.SayAsync("Fine, but I want an apology from her too.");
        Assert.Equal(2, turn.Seq);
        Assert.Equal(2, (await server.TranscriptAsync(clerk.GroupId)).Turns.Count);
    }

    private static async Task FailWritesAsync(ServerProcess server, params string[] tables)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(server.DataDir, "roleplay.db")};Pooling=False");
        await db.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = db.CreateCommand();
            command.CommandText = $"CREATE TRIGGER disk_full_{table} BEFORE INSERT ON \"{table}\" BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;";
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task AllowWritesAsync(ServerProcess server)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(server.DataDir, "roleplay.db")};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "DROP TRIGGER disk_full_Turns; DROP TRIGGER disk_full_Sessions;";
        await command.ExecuteNonQueryAsync();
    }
}
