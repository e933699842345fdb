using System.CommandLine;
using System.Text.Json;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Corpus;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Cli.Commands;

/// <summary>
/// <c>export-ratings --url URL --key KEY --corpus DIR</c>: fetches the staff lines people judged in real classes
/// (instructors' overrides, observers' ratings) and adds the new ones to <c>DIR/class/</c>, so the next
/// <c>roleplay train</c> learns from them. A line the corpus already holds (same scenario, same words) is skipped.
/// </summary>
internal sealed class ExportRatingsCommand : Command
{
    private readonly Option<Uri> _url = CliOptions.Url("--url", "The RolePlay server, e.g. http://HOST:PORT");
    private readonly Option<string> _key = new("--key") { Description = "The server's instructor key", HelpName = "KEY", Required = true };
    private readonly Option<string> _corpus = new("--corpus")
    {
        Description = "The corpus folder the lines are added to, under class/",
        HelpName = "DIR",
        Required = true,
    };

    public ExportRatingsCommand()
        : base("export-ratings", "Add lines people judged in real classes to the corpus (DIR/class/)")
    {
        Options.Add(_url);
        Options.Add(_key);
        Options.Add(_corpus);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult result)
    {
        var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        var corpus = result.GetRequiredValue(_corpus);
        var url = new Uri(new Uri(result.GetRequiredValue(_url).OriginalString.TrimEnd('/') + "/"), "api/calibration/lines");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Instructor-Key", result.GetRequiredValue(_key));
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            stderr.WriteLine($"roleplay: {url} answered {(int)response.StatusCode} {response.ReasonPhrase}; check --url and --key");
            return 1;
        }

        var known = CorpusReader.Read(corpus).Lines.Select(l => Key(l.Scenario, l.Text)).ToHashSet(StringComparer.Ordinal);
        var fresh = new List<string>();
        var skipped = 0;
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (known.Add(Key(root.GetProperty("scenario").GetString()!, root.GetProperty("text").GetString()!)))
            {
                fresh.Add(line.TrimEnd('\r'));
            }
            else
            {
                skipped++;
            }
        }

        if (fresh.Count == 0)
        {
            stdout.WriteLine($"no new lines ({skipped} already in the corpus)");
            return 0;
        }

        var folder = Path.Combine(corpus, "class");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyy-MM-dd-HHmmss}.jsonl");
        await File.WriteAllLinesAsync(path, fresh);
        stdout.WriteLine($"wrote {fresh.Count} lines to {path} ({skipped} already in the corpus); retrain with: roleplay train --corpus {corpus} --out <model>");
        return 0;
    }

    /// <summary>Lines are the same when their scenario and their folded words are: case, width and script do not make a new line.</summary>
    private static string Key(string scenario, string text) => scenario + "\n" + LineFeaturizer.Fold(text.Trim());
}
