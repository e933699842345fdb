using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlay.Core.Transcripts;

/// <summary>The JSON settings every RolePlay document uses: camelCase, nulls left out, Chinese kept readable.</summary>
public static class TranscriptJson
{
    /// <summary>Options for compact documents (one per line).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Options for documents people read.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

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
