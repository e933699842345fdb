using System.Text.Json;

namespace RolePlay.Core.Scoring.Corpus;

/// <summary>A corpus file that cannot be read: every problem as <c>file:line:col: message</c>.</summary>
public sealed class CorpusException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    /// <summary>One line per problem.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// The labelled corpus as it lies on disk (see <c>scenarios/corpus/README.md</c>): the lines, the two labellers'
/// independent verdicts, the settlements of their disagreements, and lines labelled in real classes.
/// </summary>
/// <param name="Lines">Every line with a settled verdict on every principle.</param>
/// <param name="LabellerA">Labeller A's verdicts by line id.</param>
/// <param name="LabellerB">Labeller B's verdicts by line id.</param>
/// <param name="Unsettled">Ids of lines whose labellers disagree and that have no settlement yet; left out of <paramref name="Lines"/>.</param>
public sealed record LabelledCorpus(
    IReadOnlyList<CorpusLine> Lines,
    IReadOnlyDictionary<string, int[]> LabellerA,
    IReadOnlyDictionary<string, int[]> LabellerB,
    IReadOnlyList<string> Unsettled)
{
    /// <summary>How often the two labellers agreed, per principle, on the lines of <paramref name="split"/> (all when null).</summary>
    public IReadOnlyList<Agreement> BetweenLabellers(CorpusSplit? split)
    {
        var result = Principles.Ids.Select(_ => new Agreement()).ToArray();
        foreach (var line in Lines.Where(l => split is null || l.Split == split))
        {
            if (LabellerA.TryGetValue(line.Id, out var a) && LabellerB.TryGetValue(line.Id, out var b))
            {
                for (var p = 0; p < result.Length; p++)
                {
                    result[p].Add(a[p], b[p]);
                }
            }
        }

        return result;
    }
}

/// <summary>Reads a corpus folder into a <see cref="LabelledCorpus"/>.</summary>
public static class CorpusReader
{
    /// <summary>The file listing the held-out lines' ids, one a line; every other line is for training.</summary>
    public const string HeldOutFile = "heldout.txt";

    private static HashSet<string> ReadHeldOut(string path) => File.Exists(path)
        ? File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
        : [];

    /// <summary>Reads <paramref name="folder"/>; throws <see cref="CorpusException"/> listing every problem.</summary>
    public static LabelledCorpus Read(string folder)
    {
        var problems = new List<string>();
        var heldOut = ReadHeldOut(Path.Combine(folder, HeldOutFile));
        var written = ReadFolder(Path.Combine(folder, "lines"), problems, ParseLine)
            .Select(x => (x.Where, x.Item with { Split = heldOut.Contains(x.Item.Id) ? CorpusSplit.HeldOut : CorpusSplit.Train }))
            .ToList();
        var a = ToVerdicts(ReadFolder(Path.Combine(folder, "labels", "a"), problems, ParseVerdicts));
        var b = ToVerdicts(ReadFolder(Path.Combine(folder, "labels", "b"), problems, ParseVerdicts));
        var settled = ToVerdicts(ReadFolder(Path.Combine(folder, "settled"), problems, ParseVerdicts));
        var fromClasses = ReadFolder(Path.Combine(folder, "class"), problems, ParseClassLine);

        var lines = new List<CorpusLine>();
        var unsettled = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (where, line) in written.Concat(fromClasses))
        {
            if (!seen.Add(line.Id))
            {
                problems.Add($"{where}: duplicate id '{line.Id}'");
                continue;
            }

            if (line.Source == "class")
            {
                lines.Add(line);
                continue;
            }

            if (settled.TryGetValue(line.Id, out var final) || Agreed(a, b, line.Id, out final))
            {
                lines.Add(line with { Verdicts = final });
            }
            else if (a.ContainsKey(line.Id) && b.ContainsKey(line.Id))
            {
                unsettled.Add(line.Id);
            }
        }

        return problems.Count > 0 ? throw new CorpusException(problems) : new LabelledCorpus(lines, a, b, unsettled);
    }

    private static bool Agreed(Dictionary<string, int[]> a, Dictionary<string, int[]> b, string id, out int[] verdicts)
    {
        verdicts = [];
        if (!a.TryGetValue(id, out var x) || !b.TryGetValue(id, out var y) || !x.AsSpan().SequenceEqual(y))
        {
            return false;
        }

        verdicts = x;
        return true;
    }

    private static Dictionary<string, int[]> ToVerdicts(List<(string Where, (string Id, int[] Verdicts) Item)> rows) =>
        rows.GroupBy(r => r.Item.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Item.Verdicts, StringComparer.Ordinal);

    private static List<(string Where, T Item)> ReadFolder<T>(string folder, List<string> problems, Func<JsonElement, T> parse)
    {
        var items = new List<(string, T)>();
        if (!Directory.Exists(folder))
        {
            return items;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var text in File.ReadLines(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var where = $"{file}:{number}:1";
                try
                {
                    using var doc = JsonDocument.Parse(text);
                    items.Add((where, parse(doc.RootElement)));
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    problems.Add($"{where}: {ex.Message}");
                }
            }
        }

        return items;
    }

    private static CorpusLine ParseLine(JsonElement e) => new(
        Required(e, "id"),
        Required(e, "scenario"),
        Script(Required(e, "script")),
        Required(e, "role"),
        Optional(e, "stage"),
        Required(e, "text"),
        CorpusSplit.Train,
        [],
        "labellers");

    private static CorpusLine ParseClassLine(JsonElement e) =>
        ParseLine(e) with { Verdicts = ParseVerdicts(e.GetProperty("verdicts")).Verdicts, Source = "class" };

    private static (string Id, int[] Verdicts) ParseVerdicts(JsonElement e)
    {
        var verdicts = new int[Principles.Ids.Count];
        for (var p = 0; p < verdicts.Length; p++)
        {
            var v = e.TryGetProperty(Principles.Ids[p], out var value) ? value.GetInt32() : throw new KeyNotFoundException($"missing verdict \"{Principles.Ids[p]}\"");
            verdicts[p] = v is >= -1 and <= 1 ? v : throw new FormatException($"verdict \"{Principles.Ids[p]}\" must be -1, 0 or 1, not {v}");
        }

        return (e.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "", verdicts);
    }

    private static string Script(string script) =>
        CorpusLine.Scripts.Contains(script) ? script : throw new FormatException($"script must be one of {string.Join(", ", CorpusLine.Scripts)}, not '{script}'");

    private static string Required(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : throw new KeyNotFoundException($"\"{name}\" is required");

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
