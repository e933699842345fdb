namespace RolePlay.Benchmarks;

/// <summary>Finds the repository's scenarios folder from wherever BenchmarkDotNet runs the benchmark.</summary>
internal static class Repo
{
    public static string Scenarios { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RolePlay.sln")))
                {
                    return Path.Combine(dir.FullName, "scenarios");
                }
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the RolePlay repository");
    }
}
