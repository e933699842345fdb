using RolePlay.Core.Scenarios;
using RolePlay.Core.Scoring;
using RolePlay.Core.Scoring.Learned;

namespace RolePlay.Server.Sessions;

/// <summary>The scenarios the server offers, loaded and validated at start-up, with the scorer for each.</summary>
public sealed class ScenarioLibrary
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Scenario Scenario, IScorer Scorer)> _byId = new(StringComparer.Ordinal);
    private readonly IScorer _scorer;

    /// <summary>Loads every scenario in <paramref name="folder"/>; throws with every problem listed when any is invalid.</summary>
    public ScenarioLibrary(string folder)
    {
        Folder = folder;
        Rubric = File.Exists(Path.Combine(folder, Rubric.FileName))
            ? Rubric.Load(File.ReadAllText(Path.Combine(folder, Rubric.FileName)), Path.Combine(folder, Rubric.FileName))
            : Rubric.Default;
        var scorer = _scorer = new LearnedScorer(ScorerModel.ForScenariosFolder(folder, typeof(ScenarioLibrary).Assembly), Rubric);
        foreach (var scenario in ScenarioLoader.LoadFolder(folder))
        {
            _byId[scenario.Id] = (scenario, scorer);
        }
    }

    /// <summary>The folder the scenarios came from.</summary>
    public string Folder { get; }

    /// <summary>The rubric every scenario is scored with: the folder's <c>principles.yaml</c>, else the built-in one; it names the principles.</summary>
    public Rubric Rubric { get; }

    /// <summary>Every scenario, by title.</summary>
    public IEnumerable<Scenario> All => _byId.Values.Select(v => v.Scenario).OrderBy(s => s.Id, StringComparer.Ordinal);

    /// <summary>The scenario and its scorer, or null.</summary>
    public (Scenario Scenario, IScorer Scorer)? Find(string id) => _byId.TryGetValue(id, out var entry) ? entry : null;

    /// <summary>Adds an uploaded scenario; false when its id is already in the library.</summary>
    public bool TryAdd(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return _byId.TryAdd(scenario.Id, (scenario, _scorer));
    }

    /// <summary>Finds the scenarios folder: the configured one, else a <c>scenarios/</c> beside or above the app.</summary>
    public static string Locate(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "scenarios");
                if (File.Exists(Path.Combine(candidate, Rubric.FileName)))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("No scenarios folder found; set RolePlay:ScenariosDir (env RolePlay__ScenariosDir).");
    }
}
