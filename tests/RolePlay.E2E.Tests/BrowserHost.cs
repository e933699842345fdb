using System.Collections.Concurrent;

using RolePlay.Server.Tests;

namespace RolePlay.E2E.Tests;

/// <summary>
/// Debian's headless Chromium driven by Playwright, and the real RolePlay server on 127.0.0.1, shared by a test class.
/// Every page it opens fails the test on any script error or console error; screenshots go to artifacts/screenshots/.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package puts the browser (installed by .ci/run).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly ConcurrentQueue<IPage> _pages = new();
    private IPlaywright? _playwright;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The server under test.</summary>
    public ServerProcess Server { get; private set; } = null!;

    /// <summary>Every script or console error any page reported, with the page's address.</summary>
    public ConcurrentQueue<string> BrowserErrors { get; } = new();

    /// <summary>The folder screenshots are kept in.</summary>
    public static string ScreenshotDir { get; } = Path.Combine(ServerProcess.RepoRoot, "artifacts", "screenshots");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install -y chromium), as .ci/run does.");
        }

        Directory.CreateDirectory(ScreenshotDir);

        // The suites run side by side on two cores: give the WebAssembly app time to boot before an expectation fails.
        Assertions.SetDefaultExpectTimeout(20_000);
        Server = await ServerProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies and storage, like a separate phone) with one page open.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US", int width = 390, int height = 844)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Url.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpectedNetworkNoise(message.Text))
            {
                BrowserErrors.Enqueue($"{page.Url}: console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => BrowserErrors.Enqueue($"{page.Url}: script error: {error}");
        _pages.Enqueue(page);
        return page;
    }

    /// <summary>Saves a full-page screenshot as artifacts/screenshots/<paramref name="name"/>.png.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// Runs a browser scenario; when it fails, every open page is saved as artifacts/screenshots/failed-NAME-N.png and the
    /// failure says what the browser reported and what the server logged.
    /// </summary>
    public async Task RunAsync(string name, Func<Task> scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        try
        {
            await scenario();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            var n = 0;
            foreach (var page in _pages.Where(p => !p.IsClosed))
            {
                await ScreenshotAsync(page, $"failed-{name}-{++n}");
            }

            throw new InvalidOperationException(
                $"{ex.Message}\n--- browser errors ---\n{string.Join("\n", BrowserErrors)}\n--- server log (last lines) ---\n{string.Join("\n", Server.Log.Split('\n').TakeLast(40))}",
                ex);
        }
    }

    /// <summary>Fails when the page is wider than its viewport (a phone would scroll sideways).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the {page.ViewportSize?.Width}px screen");
    }

    /// <summary>Fails when any page reported a script or console error.</summary>
    public void AssertNoBrowserErrors() => Assert.True(BrowserErrors.IsEmpty, "The browser reported errors:\n" + string.Join("\n", BrowserErrors));

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    // A refused request (e.g. a deliberate 401 or 404 the page handles and explains) is logged by Chromium as a console error.
    private static bool IsExpectedNetworkNoise(string text) =>
        text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal);
}
