using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace RolePlay.Server.Tests;

/// <summary>Refusals come in the language the client asks for: <c>?lang=</c> on the hub URL, <c>Accept-Language</c> over HTTP.</summary>
public sealed class LanguageTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Speaking_before_coming_into_the_scene_is_refused_in_the_connections_language_whatever_the_scenarios()
    {
        var session = await _server.CreateSessionAsync("bakery-egg-tart-en");
        var code = session.JoinCode;
        await using var chinese = await Player.JoinAsync(_server, code, "小美", "customer", lang: "zh-CN");
        await using var english = await Player.JoinAsync(_server, code, "Ann", "observer", lang: "en");
        await using var clerk = await Player.JoinAsync(_server, code, "Cl", "clerk", lang: "zh-Hans");

        Assert.Equal("情景还没有开始，请等待讲师开始。", await Refusals.With(RefusalCode.SessionNotStarted, () => chinese.SayAsync("Hello")));
        await _server.StartSessionAsync(session.SessionId);

        await using var manager = await Player.JoinAsync(_server, code, "小陈", "manager", lang: "zh-CN");
        var notIn = await Refusals.With(RefusalCode.PlayRule, () => manager.SayAsync("I am the manager"));
        Assert.StartsWith("Manager C在当前阶段", notIn);
        Assert.EndsWith("还没有出场，请等剧情让你上场后再发言。", notIn);
        Assert.Equal("Observers watch and rate; they cannot speak in the scene.", await Refusals.With(RefusalCode.NotYourRole, () => english.SayAsync("Hi")));
        Assert.Equal("观察员只负责旁观和打分，不能在情景中发言。", await Refusals.With(RefusalCode.NotYourRole, () => ChineseObserver(code)));
        var action = await Refusals.With(RefusalCode.PlayRule, () => clerk.ActAsync("refund-everything"));
        Assert.StartsWith("“refund-everything”不是", action);
        Assert.Contains("可选的有：", action);
    }

    [Fact]
    public async Task A_wrong_join_code_is_refused_in_chinese_or_english()
    {
        await using var chinese = await Player.ConnectAsync(_server, lang: "zh-CN");
        await using var english = await Player.ConnectAsync(_server, lang: "en-GB");
        await using var unsaid = await Player.ConnectAsync(_server);
        Task Join(Player p) => p.TryJoinAsync("ZZZZZZ", "A", "clerk");

        Assert.Equal("没有找到这个加入码对应的演练，请核对投影上的加入码。", await Refusals.With(RefusalCode.JoinCodeUnknown, () => Join(chinese)));
        Assert.Equal("No session has that join code; check the code on the projector.", await Refusals.With(RefusalCode.JoinCodeUnknown, () => Join(english)));
        Assert.Equal("No session has that join code; check the code on the projector.", await Refusals.With(RefusalCode.JoinCodeUnknown, () => Join(unsaid)));
    }

    [Fact]
    public async Task Instructor_only_and_seat_refusals_are_in_chinese_too()
    {
        await using var student = await Player.ConnectAsync(_server, lang: "zh");

        Assert.Equal("只有讲师可以这样做，请先用讲师密钥登录。", await Refusals.With(RefusalCode.InstructorOnly, () => student.Connection.InvokeAsync(nameof(IRolePlayHub.EndSession), "x")));
        Assert.Equal("你还没有座位，请先用加入码加入演练。", await Refusals.With(RefusalCode.NoSeatYet, () => student.SayAsync("hi")));
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("zh-TW,en;q=0.8", true)]
    [InlineData("en-US,zh;q=0.5", false)]
    [InlineData("fr;q=0.4,zh-CN;q=0.9", true)]
    [InlineData(null, false)]
    public async Task The_join_page_detail_follows_accept_language(string? acceptLanguage, bool chinese)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/join/WRONG");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Equal(RefusalCode.JoinCodeUnknown, problem.Code);
        var detail = problem.Detail;
        Assert.Equal(
            chinese
                ? "没有找到加入码“WRONG”对应的演练，请核对投影上的加入码（字母和数字，不用输入空格）。"
                : "No session has the join code 'WRONG'; check the code on the projector (letters and digits, no spaces needed).",
            detail);
    }

    [Fact]
    public async Task Instructor_api_problems_are_in_the_requests_language()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = JsonContent.Create(new { scenarioId = "bakery-egg-tart-zh", groups = 0 }) };
        request.Headers.Add("Accept-Language", "zh-CN");

        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Equal(RefusalCode.GroupCount, problem.Code);
        Assert.Equal("小组数量必须在 1 到 200 之间。", problem.Detail);
    }

    private async Task ChineseObserver(string code)
    {
        await using var observer = await Player.JoinAsync(_server, code, "观", "observer", lang: "zh-CN");
        await observer.SayAsync("你好");
    }
}
