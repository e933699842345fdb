using RolePlay.Cli;

namespace RolePlay.Core.Tests.Cli;

/// <summary>Runs the roleplay CLI in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string TempFile(string content, string extension = ".jsonl")
    {
        var path = Path.Combine(Path.GetTempPath(), $"roleplay-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }
}
