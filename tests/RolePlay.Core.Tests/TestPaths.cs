namespace RolePlay.Core.Tests;

/// <summary>Finds the repository's folders from the test's output directory.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Scenarios => Path.Combine(RepoRoot, "scenarios");

    public static string ShippedModel => Path.Combine(Scenarios, "scorer", RolePlay.Core.Scoring.Learned.ScorerModel.FileName);

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "RolePlay.Core.Tests", "Fixtures", name);

    public static string Script(string name) => Path.Combine(RepoRoot, "tests", "RolePlay.Core.Tests", "Scripts", name);

    public static string Scenario(string name) => Path.Combine(Scenarios, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolePlay.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find RolePlay.sln above " + AppContext.BaseDirectory);
    }
}
