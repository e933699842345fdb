using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlay.Cli.Commands;

/// <summary>Reads a JSONL file into typed lines, reporting bad lines as <c>file:line:col: message</c>.</summary>
internal static class JsonLines
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Yields (line number, value) for good lines; bad lines go to <paramref name="stderr"/> and set <paramref name="failed"/>.</summary>
    public static List<(int Line, T Value)> Read<T>(string path, TextWriter stderr, out bool failed)
        where T : class
    {
        failed = false;
        var result = new List<(int, T)>();
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{path}:1:1: cannot read file: {ex.Message}");
            failed = true;
            return result;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                var value = JsonSerializer.Deserialize<T>(lines[i], Options);
                if (value is null)
                {
                    throw new JsonException("expected a JSON object");
                }

                result.Add((i + 1, value));
            }
            catch (JsonException ex)
            {
                var col = (ex.BytePositionInLine ?? 0) + 1;
                stderr.WriteLine($"{path}:{i + 1}:{col}: {FirstSentence(ex.Message)}");
                failed = true;
            }
        }

        return result;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
