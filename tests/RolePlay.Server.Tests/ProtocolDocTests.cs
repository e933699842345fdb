using System.Text.Json;
using System.Text.RegularExpressions;

namespace RolePlay.Server.Tests;

/// <summary>
/// docs/protocol.md is tied to the contracts. Its tables of hub methods, events, messages, enums and refusal codes are
/// generated from RolePlay.Contracts (<see cref="ProtocolDoc"/>) and must be current — a renamed field, a new event or
/// a changed doc comment fails here until the file is regenerated with <c>ROLEPLAY_WRITE_PROTOCOL=1</c>. The prose
/// around them may only call hub methods the contract has, link only to sections that exist, and show only examples
/// that read as the message they claim to be.
/// </summary>
public sealed partial class ProtocolDocTests
{
    private static readonly string DocPath = Path.Combine(ServerProcess.RepoRoot, "docs", "protocol.md");

    [Fact]
    public void The_generated_parts_of_protocol_md_are_current_with_the_contracts()
    {
        var doc = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var current = ProtocolDoc.Regenerate(doc);
        if (Environment.GetEnvironmentVariable("ROLEPLAY_WRITE_PROTOCOL") == "1")
        {
            File.WriteAllText(DocPath, current);
            return;
        }

        var first = doc.Split('\n').Zip(current.Split('\n')).Select((p, i) => (Is: p.First, Should: p.Second, Line: i + 1)).FirstOrDefault(p => p.Is != p.Should);
        Assert.True(
            doc == current,
            "docs/protocol.md is behind the contracts; regenerate it with\n  ROLEPLAY_WRITE_PROTOCOL=1 dotnet test tests/RolePlay.Server.Tests --filter FullyQualifiedName~ProtocolDoc\n" +
            $"and review the diff. First difference, line {first.Line}:\n  is:        {first.Is}\n  should be: {first.Should}");
    }

    [Fact]
    public void The_prose_calls_only_hub_methods_the_contracts_have_with_their_parameter_names()
    {
        var methods = new[] { typeof(IRolePlayHub), typeof(IBaselineHub) }.SelectMany(h => h.GetMethods())
            .ToLookup(m => m.Name, m => string.Join(", ", m.GetParameters().Select(p => p.Name)), StringComparer.Ordinal);
        var calls = Call().Matches(ProtocolDoc.Prose(File.ReadAllText(DocPath))).ToList();

        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            var name = call.Groups["name"].Value;
            Assert.True(methods.Contains(name), $"protocol.md calls {call.Value}, which no hub has");
            Assert.Contains(call.Groups["args"].Value.Trim(), methods[name]);
        }
    }

    [Fact]
    public void Every_link_within_protocol_md_leads_to_a_section()
    {
        var doc = File.ReadAllText(DocPath);
        var anchors = Heading().Matches(doc).Select(m => Slug(m.Groups["title"].Value)).ToHashSet(StringComparer.Ordinal);

        var broken = Link().Matches(doc).Select(m => m.Groups["anchor"].Value).Where(a => !anchors.Contains(a)).ToList();

        Assert.True(broken.Count == 0, "links to no section: " + string.Join(", ", broken));
    }

    [Fact]
    public void Every_example_reads_as_the_message_it_claims_to_be()
    {
        var strict = new JsonSerializerOptions(JsonSerializerOptions.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
        var examples = Example().Matches(File.ReadAllText(DocPath)).ToList();

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var type = typeof(IRolePlayHub).Assembly.GetType("RolePlay.Contracts." + example.Groups["type"].Value, throwOnError: true)!;
            Assert.NotNull(JsonSerializer.Deserialize(example.Groups["json"].Value, type, strict));
        }
    }

    // GitHub's anchors: lower case, punctuation dropped, spaces as dashes.
    private static string Slug(string title) => Regex.Replace(title.Trim().ToLowerInvariant(), @"[^\p{L}\p{N} _-]", string.Empty).Replace(' ', '-');

    [GeneratedRegex(@"`(?<name>[A-Z][A-Za-z]+)\((?<args>[a-zA-Z, ]*)\)`")]
    private static partial Regex Call();

    [GeneratedRegex(@"^#{1,6} (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\]\(#(?<anchor>[^)]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<!-- example: (?<type>\w+) -->\s*```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
