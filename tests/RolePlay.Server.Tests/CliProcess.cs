using System.Diagnostics;

namespace RolePlay.Server.Tests;

/// <summary>Runs the built <c>roleplay</c> CLI as its own process, as an instructor runs it from a terminal.</summary>
internal static class CliProcess
{
    /// <summary>Runs the CLI with <paramref name="args"/>; killed (and the test failed) when it outlasts <paramref name="timeout"/>.</summary>
    public static async Task<(int Code, string Output, string Errors)> RunAsync(TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [ServerProcess.BuiltDll("RolePlay.Cli", "roleplay.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;

        // Both streams at once: a process blocked on a full stderr pipe never closes its stdout.
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }
}
