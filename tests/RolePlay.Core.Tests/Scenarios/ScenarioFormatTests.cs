using System.Text.Json;
using System.Text.RegularExpressions;
using RolePlay.Core.Scenarios;

namespace RolePlay.Core.Tests.Scenarios;

/// <summary>
/// The scenario format is described three times: by the reader (what loads), by <c>scenario.schema.json</c> (what an
/// editor autocompletes and flags) and by <c>docs/authoring.md</c> (what authors read). Every object of the format has
/// the same fields in all three.
/// </summary>
public class ScenarioFormatTests
{
    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Scenarios, "scenario.schema.json"))).RootElement;

    private static readonly IReadOnlyDictionary<string, SchemaObject> Declared = SchemaObjects();

    public static TheoryData<string> ReaderObjects => [.. ScenarioFields.ByPath.Keys];

    [Fact]
    public void The_schema_declares_an_object_wherever_the_reader_reads_one_and_nowhere_else()
    {
        Assert.Equal(Sorted(ScenarioFields.ByPath.Keys), Sorted(Declared.Keys));
    }

    [Theory]
    [MemberData(nameof(ReaderObjects))]
    public void Each_object_declares_the_fields_the_reader_accepts_and_refuses_others(string path)
    {
        Assert.True(Declared.TryGetValue(path, out var declared), $"scenario.schema.json declares no object at '{path}'");
        Assert.Equal(Sorted(ScenarioFields.ByPath[path]), Sorted(declared.Properties));

        // The reader reports an unknown field as an error, so an editor should flag it too.
        Assert.True(declared.Closed, $"the schema's object at '{path}' should have \"additionalProperties\": false");
    }

    [Fact]
    public void The_authoring_guide_mentions_every_field()
    {
        var guide = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "authoring.md"));
        var missing = ScenarioFields.ByPath
            .SelectMany(o => o.Value.Select(field => (Path: o.Key, Field: field)))
            .Where(x => !Regex.IsMatch(guide, $@"(?<![\w-]){Regex.Escape(x.Field)}:|`{Regex.Escape(x.Field)}`"))
            .Select(x => x.Path.Length == 0 ? x.Field : $"{x.Path}.{x.Field}")
            .ToList();

        Assert.Empty(missing);
    }

    private static List<string> Sorted(IEnumerable<string> items) => [.. items.Order(StringComparer.Ordinal)];

    // Every object the schema gives properties, by the same path notation as ScenarioFields.ByPath:
    // "a.b" a property, "[]" an item of a list, "*" any key of a map; branches of oneOf/anyOf/allOf share their path.
    private static Dictionary<string, SchemaObject> SchemaObjects()
    {
        var found = new Dictionary<string, SchemaObject>(StringComparer.Ordinal);
        Walk(Schema, string.Empty, found);
        return found;
    }

    private static void Walk(JsonElement schema, string path, Dictionary<string, SchemaObject> found)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return; // true / false schemas declare nothing
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Walk(Resolve(reference.GetString()!), path, found);
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            var names = properties.EnumerateObject().Select(p => p.Name).ToList();
            var closed = schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False;
            found[path] = found.TryGetValue(path, out var seen)
                ? new SchemaObject([.. seen.Properties.Union(names)], seen.Closed && closed)
                : new SchemaObject(names, closed);
            foreach (var p in properties.EnumerateObject())
            {
                Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", found);
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            Walk(items, path + "[]", found);
        }

        if (schema.TryGetProperty("additionalProperties", out var more))
        {
            Walk(more, path + ".*", found);
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    Walk(option, path, found);
                }
            }
        }
    }

    // Only references within the schema file ("#/$defs/...") are used.
    private static JsonElement Resolve(string reference)
    {
        Assert.StartsWith("#/", reference, StringComparison.Ordinal);
        var target = Schema;
        foreach (var part in reference[2..].Split('/'))
        {
            target = target.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return target;
    }

    private sealed record SchemaObject(IReadOnlyList<string> Properties, bool Closed);
}
