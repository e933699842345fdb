using System.Text.Json;
using System.Text.RegularExpressions;
using RolePlay.Server.Tests;

namespace RolePlay.E2E.Tests;

/// <summary>A whole class in real browsers: the instructor launches, four phones join and play, the review shows the scores.</summary>
public sealed partial class ClassSessionTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly (string Id, string Name, string Student)[] Roles =
    [
        ("customer", "顾客（王女士）", "小王"),
        ("clerk", "导购员 A", "小李"),
        ("supervisor", "领班 B", "小张"),
        ("manager", "店长 C", "小陈"),
    ];

    [Fact]
    public Task Four_students_play_the_egg_tart_scene_to_resolved_and_the_review_shows_the_scored_transcript() =>
        host.RunAsync("class", PlayWholeClassAsync);

    private async Task PlayWholeClassAsync()
    {
        // The instructor logs in on a laptop and launches the Chinese egg-tart scenario for one group.
        var instructor = await host.NewPageAsync(locale: "en-US", width: 1366, height: 900);
        await instructor.GotoAsync("/instructor");
        await BrowserHost.ScreenshotAsync(instructor, "instructor-login");
        await instructor.GetByLabel("Instructor key").FillAsync(ServerProcess.Key);
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await BrowserHost.ScreenshotAsync(instructor, "instructor-library");
        var card = instructor.Locator("article.scenario", new() { HasText = "饼店蛋挞风波" });
        await card.GetByLabel("Number of groups").FillAsync("1");
        await card.GetByRole(AriaRole.Button, new() { Name = "Launch", Exact = true }).ClickAsync();
        await instructor.WaitForURLAsync(new Regex("/instructor/sessions/"));
        var code = JoinCode().Match(await instructor.Locator(".join-code").InnerTextAsync()).Value;
        Assert.Matches("^[A-Z0-9]{4,8}$", code);
        await Assertions.Expect(instructor.GetByRole(AriaRole.Img, new() { Name = "QR code for the join link" })).ToBeVisibleAsync();

        // Four students join from their own phones (separate browser contexts), each taking one role in group 1.
        var seats = new Dictionary<string, IPage>();
        foreach (var (id, name, student) in Roles)
        {
            // The customer's phone is the narrowest the UI supports.
            var phone = id == "customer" ? await host.NewPageAsync(locale: "zh-CN", width: 360, height: 740) : await host.NewPageAsync(locale: "zh-CN");
            await phone.GotoAsync($"/join/{code.ToLowerInvariant()}");
            await phone.GetByLabel("你的名字").FillAsync(student);
            if (id == "customer")
            {
                await BrowserHost.ScreenshotAsync(phone, "student-join");
                await BrowserHost.AssertNoSidewaysScrollAsync(phone);
            }

            await phone.Locator("fieldset.group label", new() { HasText = name }).ClickAsync();
            await phone.GetByRole(AriaRole.Button, new() { Name = "加入", Exact = true }).ClickAsync();
            await phone.WaitForURLAsync(new Regex("/play$"));
            await Assertions.Expect(phone.GetByText("讲师还没有开始", new() { Exact = false }).Or(phone.GetByText("情景还没开始", new() { Exact = false })).First).ToBeVisibleAsync();
            seats[id] = phone;
        }

        foreach (var (_, _, student) in Roles)
        {
            await Assertions.Expect(instructor.GetByText(student, new() { Exact = true }).First).ToBeVisibleAsync();
        }

        await BrowserHost.ScreenshotAsync(instructor, "instructor-lobby");
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();

        // They play the good handling line by line; each line reaches the next speaker's phone before that speaker replies.
        var script = File.ReadAllLines(Path.Combine(ServerProcess.RepoRoot, "tests", "RolePlay.Core.Tests", "Scripts", "egg-tart-good.zh.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (Role: e.GetProperty("role").GetString()!, Text: e.GetProperty("text").GetString()!))
            .ToList();
        // The manager's player watches from the start: not in the scene yet, told what brings the manager in.
        var manager = seats["manager"];
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "你还没有出场" })).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator(".ways-in").GetByText("我去请店长过来", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByLabel("你要说的话")).ToHaveCountAsync(0);
        for (var i = 0; i < script.Count; i++)
        {
            var (role, text) = script[i];
            var page = seats[role];

            await page.GetByLabel("你要说的话").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "发送", Exact = true }).ClickAsync();
            if (role == "supervisor" && text.Contains("店长", StringComparison.Ordinal))
            {
                // The supervisor's line calls the manager in: the manager's phone leaves the waiting card for the reply box.
                await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "你还没有出场" })).ToHaveCountAsync(0);
                await Assertions.Expect(manager.GetByLabel("你要说的话")).ToBeVisibleAsync();
                await Assertions.Expect(manager.Locator(".transcript").GetByText(text, new() { Exact = false })).ToBeVisibleAsync();
                await BrowserHost.ScreenshotAsync(manager, "student-called-in");
            }

            if (i + 1 < script.Count)
            {
                var next = seats[script[i + 1].Role];
                await Assertions.Expect(next.Locator(".transcript").GetByText(text, new() { Exact = false })).ToBeVisibleAsync();
            }

            if (i == 2)
            {
                // A phone that reloads (or loses its connection) comes back to the same seat with the whole scene.
                await seats["customer"].ReloadAsync();
                await Assertions.Expect(seats["customer"].Locator(".transcript").GetByText(text, new() { Exact = false })).ToBeVisibleAsync();
            }

            if (i == 4)
            {
                await BrowserHost.ScreenshotAsync(seats["supervisor"], "student-seat");
                await BrowserHost.AssertNoSidewaysScrollAsync(seats["customer"]);
            }
        }

        // The scene is resolved on every phone; the customer rates the service and the clerk saves a reflection.
        foreach (var page in seats.Values)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "情景结束" })).ToBeVisibleAsync();
        }

        var customer = seats["customer"];
        var items = await customer.Locator("form.satisfaction fieldset.item").AllAsync();
        Assert.Equal(5, items.Count);
        foreach (var item in items)
        {
            await item.Locator("label").Filter(new() { HasTextRegex = new Regex("^5$") }).ClickAsync();
        }

        await customer.GetByRole(AriaRole.Button, new() { Name = "保存评分" }).ClickAsync();
        await Assertions.Expect(customer.GetByText("谢谢，评分已保存。")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(customer, "student-end");
        await BrowserHost.AssertNoSidewaysScrollAsync(customer);
        var clerk = seats["clerk"];
        await clerk.Locator("textarea").First.FillAsync("我一开始就该先道歉,而不是说夹子的事。");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "保存我的回答" }).ClickAsync();
        await Assertions.Expect(clerk.GetByText("回答已保存。")).ToBeVisibleAsync();

        // The instructor's dashboard shows the outcome; the review shows the scored transcript with the students' input.
        await instructor.GetByRole(AriaRole.Button, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        await Assertions.Expect(instructor.GetByText("(Resolved)").First).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(instructor, "instructor-dashboard");
        await instructor.Locator("a.review-link").ClickAsync();
        await instructor.WaitForURLAsync(new Regex("/review/groups/"));
        await instructor.GetByRole(AriaRole.Link, new() { Name = "Review", Exact = true }).ClickAsync();
        await Assertions.Expect(instructor.GetByRole(AriaRole.Heading, new() { Name = "饼店蛋挞风波" }).First).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(instructor, "review-sessions");
        await instructor.GoBackAsync();
        await instructor.WaitForURLAsync(new Regex("/review/groups/"));
        await Assertions.Expect(instructor.GetByText("我代表饼店向您道歉", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(instructor.Locator(".chip.up").First).ToBeVisibleAsync();
        await Assertions.Expect(instructor.GetByText("我一开始就该先道歉", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(instructor, "review");

        host.AssertNoBrowserErrors();
    }

    [GeneratedRegex("[A-Z0-9]{4,8}$")]
    private static partial Regex JoinCode();
}
