using System.Text;
using System.Text.RegularExpressions;
using RolePlay.Server.Tests;

namespace RolePlay.E2E.Tests;

/// <summary>The instructor's library in a real browser: uploading scenarios and drawing a stage graph.</summary>
public sealed partial class ScenarioLibraryTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public Task A_broken_upload_lists_its_errors_and_changes_nothing_and_a_good_one_joins_the_library_with_its_stage_graph() =>
        host.RunAsync("library", async () =>
        {
            var page = await host.NewPageAsync(locale: "en-US", width: 1280, height: 900);
            await page.GotoAsync("/instructor");
            await page.GetByLabel("Instructor key").FillAsync(ServerProcess.Key);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
            var cards = page.Locator("article.scenario");
            await Assertions.Expect(cards.First).ToBeVisibleAsync();
            var before = await cards.CountAsync();

            var broken = "id: broken-case\ntitle: Broken\nlocale: en\nroles:\n  - id: customer\n    name: [unclosed\n";
            await page.GetByLabel("Scenario file").SetInputFilesAsync(new FilePayload { Name = "broken.en.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(broken) });
            await Assertions.Expect(page.Locator(".upload .errors li").First).ToHaveTextAsync(FileLineColumn());
            await BrowserHost.ScreenshotAsync(page, "instructor-upload-errors");
            Assert.Equal(before, await cards.CountAsync());

            var source = await File.ReadAllTextAsync(Path.Combine(ServerProcess.RepoRoot, "scenarios", "car-tape-deck.en.yaml"));
            var copy = source.Replace("id: car-tape-deck-en", "id: car-tape-deck-night-shift", StringComparison.Ordinal)
                .Replace("title: The $50 repair bill", "title: The $50 repair bill (night shift)", StringComparison.Ordinal);
            await page.GetByLabel("Scenario file").SetInputFilesAsync(new FilePayload { Name = "night-shift.en.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(copy) });
            await Assertions.Expect(page.Locator(".upload .alert.ok")).ToContainTextAsync("night shift");
            await Assertions.Expect(cards).ToHaveCountAsync(before + 1);

            var card = page.Locator("article.scenario", new() { HasText = "(night shift)" });
            await card.GetByRole(AriaRole.Button, new() { Name = "Show stage graph" }).ClickAsync();
            await Assertions.Expect(card.Locator(".diagram svg")).ToBeVisibleAsync();
            await BrowserHost.ScreenshotAsync(page, "instructor-stage-graph");
            host.AssertNoBrowserErrors();
        });

    [GeneratedRegex(@"^broken\.en\.yaml:\d+:\d+: ")]
    private static partial Regex FileLineColumn();
}
