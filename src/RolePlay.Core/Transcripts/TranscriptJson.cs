using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlay.Core.Transcripts;

/// <summary>The JSON settings every RolePlay document uses: camelCase, nulls left out, Chinese kept readable.</summary>
public static class TranscriptJson
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    /// <summary>Options for compact documents (one per line).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Options for documents people read.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>
    /// The name <paramref name="value"/> has in JSON (its <see cref="JsonStringEnumMemberNameAttribute"/>, else its
    /// member name), for the places that write it outside JSON — a CSV column, a CSS class — so every file agrees.
    /// </summary>
    public static string NameOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(T value)
        where T : struct, Enum =>
        Names.GetOrAdd(value, static v =>
        {
            var name = v.ToString();
            return typeof(T).GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name;
        });

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
