namespace RolePlay.E2E.Tests;

public sealed class HomePageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_start_page_speaks_the_browsers_language_and_switches_on_request()
    {
        var page = await host.NewPageAsync(locale: "zh-CN");
        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("情景演练");
        await BrowserHost.ScreenshotAsync(page, "home-zh");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "I'm a student" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "I'm a student" })).ToBeVisibleAsync();
        host.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_phone_never_scrolls_sideways_on_the_start_page()
    {
        var page = await host.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await BrowserHost.AssertNoSidewaysScrollAsync(page);
        host.AssertNoBrowserErrors();
    }
}
