using System.Diagnostics;
using System.Net.Http.Json;
using RolePlay.Contracts;
using RolePlay.Core.Transcripts;

namespace RolePlay.Server.Tests;

/// <summary>The real RolePlay server as a child process on 127.0.0.1, with its own data folder. Killed when disposed.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string Key = "test-instructor-key";
    private readonly Process _process;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log;

    private ServerProcess(Process process, Uri url, string dataDir, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        _log = log;
        _process = process;
        Url = url;
        DataDir = dataDir;
        Http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add("X-Instructor-Key", Key);
    }

    public Uri Url { get; }

    /// <summary>What the server printed, for failure messages.</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    public string DataDir { get; }

    /// <summary>An HTTP client that sends the instructor key.</summary>
    public HttpClient Http { get; }

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Starts a server; reuse <paramref name="dataDir"/> to restart on the same database.</summary>
    public static async Task<ServerProcess> StartAsync(string? dataDir = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        dataDir ??= Path.Combine(Path.GetTempPath(), "roleplay-test-" + Guid.NewGuid().ToString("N"));
        var dll = ServerDll();
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["RolePlay__DataDir"] = dataDir;
        info.Environment["RolePlay__InstructorKey"] = Key;
        info.Environment["RolePlay__ScenariosDir"] = Path.Combine(RepoRoot, "scenarios");
        info.Environment["RolePlay__BotDelayMs"] = "0";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        // Each server hosts its own silo: free ports, so servers started side by side never collide.
        info.Environment["RolePlay__Cluster__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["RolePlay__Cluster__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            log.Enqueue(e.Data);
            var at = e.Data.IndexOf("Now listening on: ", StringComparison.Ordinal);
            if (at >= 0)
            {
                listening.TrySetResult(new Uri(e.Data[(at + "Now listening on: ".Length)..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // With its Orleans silo a server starts in seconds on a quiet machine but took over a minute on this 2-core one
        // while other suites ran beside it; the limit is only there to catch a server that never starts.
        var winner = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(150)));
        if (winner != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the server did not start:\n" + string.Join("\n", log));
        }

        return new ServerProcess(process, await listening.Task, dataDir, log);
    }

    /// <summary>Stops the server at once, as a power cut or kill -9 would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async Task<CreateSessionResponse> CreateSessionAsync(string scenarioId = "bakery-egg-tart-zh", int groups = 1, bool bots = false)
    {
        var response = await Http.PostAsJsonAsync("/api/sessions", new CreateSessionRequest(scenarioId, groups, bots, LiveFeedback: true));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreateSessionResponse>())!;
    }

    public async Task StartSessionAsync(string sessionId) =>
        (await Http.PostAsync($"/api/sessions/{sessionId}/start", null)).EnsureSuccessStatusCode();

    public async Task<TranscriptDocument> TranscriptAsync(string groupId) =>
        (await Http.GetFromJsonAsync<TranscriptDocument>($"/api/groups/{groupId}/transcript"))!;

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Http.Dispose();
        _process.Dispose();
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ServerDll() => BuiltDll("RolePlay.Server", "RolePlay.Server.dll");

    /// <summary>A project's built program, in the configuration these tests were built in.</summary>
    public static string BuiltDll(string project, string file)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepoRoot, "src", project, "bin", configuration, "net10.0", file);
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build {project} first", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolePlay.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find RolePlay.sln");
    }
}
