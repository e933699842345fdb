using System.Text.Json;
using System.Text.RegularExpressions;
using RolePlay.Core.Engine;
using RolePlay.Core.Transcripts;

namespace RolePlay.Server.Tests;

/// <summary>The wire contract holds together: names come from it, its words stay lower case, refusals carry their code.</summary>
public sealed partial class ContractTests
{
    /// <summary>Every name a client calls or listens for, from the hub interfaces themselves.</summary>
    internal static IReadOnlyList<string> HubNames { get; } =
    [
        .. new[] { typeof(IRolePlayHub), typeof(IRolePlayClient), typeof(IBaselineHub), typeof(IBaselineClient) }
            .SelectMany(t => t.GetMethods()).Select(m => m.Name).Distinct(StringComparer.Ordinal),
    ];

    [Fact]
    public void No_hub_method_or_event_name_is_a_string_literal_outside_the_contracts_project()
    {
        // A quoted name right after '=' is Razor markup (Turn="Turn" binds a component parameter), not a C# string.
        var literal = new Regex($"(?<![=\\w])\"({string.Join('|', HubNames)})\"", RegexOptions.CultureInvariant);
        var found = new List<string>();
        foreach (var file in SourceFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("@*", StringComparison.Ordinal))
                {
                    continue; // comments and XML docs (<param name="Stage">) name things, they do not call them
                }

                foreach (Match match in literal.Matches(lines[i]))
                {
                    found.Add($"{Path.GetRelativePath(ServerProcess.RepoRoot, file)}:{i + 1}: {match.Value}");
                }
            }
        }

        Assert.True(found.Count == 0, "use nameof(IRolePlayHub.X) / nameof(IRolePlayClient.X) instead of:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Every_refusal_code_has_a_kind_and_every_kind_an_http_status()
    {
        foreach (var code in Enum.GetValues<RefusalCode>())
        {
            Assert.InRange(code.KindOf().HttpStatus(), 400, 599);
        }

        Assert.Equal(404, RefusalCode.SeatUnknown.KindOf().HttpStatus());
        Assert.Equal(410, RefusalCode.JoinCodeEnded.KindOf().HttpStatus());
        Assert.Equal(503, RefusalCode.CouldNotSave.KindOf().HttpStatus());
    }

    [Theory]
    [InlineData("An unexpected error occurred invoking 'Rejoin' on the server. HubException: [SeatUnknown] That seat is unknown; join again.", RefusalCode.SeatUnknown, "That seat is unknown; join again.")]
    [InlineData("[TooLong] 这一句有 2,001 个字。", RefusalCode.TooLong, "这一句有 2,001 个字。")]
    [InlineData("HubException: [PlayRule] [brackets] stay in the text", RefusalCode.PlayRule, "[brackets] stay in the text")]
    public void A_hub_error_carries_its_code_ahead_of_the_text(string message, RefusalCode code, string text)
    {
        Assert.Equal(new HubRefusal(code, text), HubRefusal.Parse(message));
        Assert.Equal(new HubRefusal(code, text), HubRefusal.Parse(new HubRefusal(code, text).ToMessage()));
    }

    [Theory]
    [InlineData("An unexpected error occurred invoking 'Say' on the server.")]
    [InlineData("HubException: That seat is unknown.")]
    [InlineData("HubException: [3] a number is not a code")]
    [InlineData("HubException: [SeatUnknown,TooLong] two codes are not one")]
    [InlineData("HubException: [NoSuchCode] unknown")]
    [InlineData("[SeatUnknown]no space")]
    public void A_message_without_a_known_code_is_not_a_refusal(string message) => Assert.Null(HubRefusal.Parse(message));

    [Fact]
    public void Words_on_the_wire_and_in_files_stay_lower_case()
    {
        var turn = new TranscriptTurn(1, TurnKind.Say, "clerk", "Hi", null, null, "counter", "counter", 0, null, false, 50, null, null, null);
        var message = TurnMessage.From("g1", turn, withFeedback: true, Side.Customer);
        var json = JsonSerializer.Serialize(message, JsonSerializerOptions.Web);

        Assert.Contains("\"kind\":\"say\"", json, StringComparison.Ordinal);
        Assert.Contains("\"expecting\":\"customer\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"say\"", JsonSerializer.Serialize(turn, TranscriptJson.Compact), StringComparison.Ordinal);
        Assert.Equal("\"paused\"", JsonSerializer.Serialize(SessionState.Paused));
        Assert.Equal(message, JsonSerializer.Deserialize<TurnMessage>(json, JsonSerializerOptions.Web));
        Assert.Equal(["say", "act", "event", "clock", "join"], Enum.GetValues<TurnKind>().Select(k => TranscriptJson.NameOf(k)));
        Assert.Equal(["lobby", "running", "paused", "ended"], Enum.GetValues<SessionState>().Select(s => TranscriptJson.NameOf(s)));
    }

    [Fact]
    public void A_turn_message_is_the_transcript_turn_with_its_group_and_whose_move_is_next()
    {
        static Dictionary<string, Type> Shape(Type type) => type.GetProperties().Where(p => p.Name != "EqualityContract").ToDictionary(p => p.Name, p => p.PropertyType);

        var transcript = Shape(typeof(TranscriptTurn));
        var message = Shape(typeof(TurnMessage));
        transcript.Remove(nameof(TranscriptTurn.StageAfter)); // where the turn led: the Stage event says that live
        message.Remove(nameof(TurnMessage.GroupId));
        message.Remove(nameof(TurnMessage.Expecting));

        Assert.Equal(transcript.OrderBy(p => p.Key), message.OrderBy(p => p.Key));
    }

    /// <summary>Source files of src/ and tests/, without the contracts project, build output and the UI's own words.</summary>
    private static IEnumerable<string> SourceFiles()
    {
        string[] skipped =
        [
            Path.Combine("src", "RolePlay.Contracts"),
            Path.Combine("src", "RolePlay.Client", "Localization"), // sentences people read (the button that says Join), not names programs call
        ];
        return new[] { "src", "tests" }
            .SelectMany(root => Directory.EnumerateFiles(Path.Combine(ServerProcess.RepoRoot, root), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Where(f =>
            {
                var relative = Path.GetRelativePath(ServerProcess.RepoRoot, f);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                return !parts.Contains("bin") && !parts.Contains("obj") && !parts.Contains("node_modules")
                    && !skipped.Any(s => relative.StartsWith(s + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            });
    }
}
