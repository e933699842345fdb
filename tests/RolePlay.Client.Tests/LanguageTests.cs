using System.Net;
using System.Net.Http.Json;
using RolePlay.Client.Api;
using RolePlay.Client.Live;
using RolePlay.Client.Localization;

namespace RolePlay.Client.Tests;

/// <summary>The server answers in the UI language only if every request says which one it is.</summary>
public class LanguageTests : BunitContext
{
    public LanguageTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    [Fact]
    public async Task Api_calls_send_the_current_ui_language_and_follow_a_switch()
    {
        JSInterop.Setup<string?>("roleplay.browserLanguage").SetResult("zh-CN");
        var language = new UiLanguage(JSInterop.JSRuntime);
        await language.InitializeAsync();
        var server = new RecordingHandler();
        var api = new RolePlayApi(new HttpClient(new AcceptLanguageHandler(() => language.Text.Locale) { InnerHandler = server }) { BaseAddress = new Uri("http://localhost/") });

        var chinese = await Assert.ThrowsAsync<ApiException>(() => api.JoinInfoAsync("WRONG"));
        await language.ToggleAsync();
        await Assert.ThrowsAsync<ApiException>(() => api.JoinInfoAsync("WRONG"));

        Assert.Equal(["zh-CN", "en"], server.Languages);
        Assert.Equal("没有找到这个加入码", chinese.Message); // the server's detail is shown as it came
    }

    [Theory]
    [InlineData("http://localhost/hubs/roleplay", "zh-CN", "http://localhost/hubs/roleplay?lang=zh-CN")]
    [InlineData("http://localhost/hubs/roleplay?access_token=k", "en", "http://localhost/hubs/roleplay?access_token=k&lang=en")]
    public void The_hub_url_carries_the_language(string url, string locale, string expected)
    {
        Assert.Equal(new Uri(expected), HubRolePlayConnectionFactory.WithLanguage(new Uri(url), locale));
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<string> Languages { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Languages.Add(string.Join(",", request.Headers.AcceptLanguage.Select(l => l.Value)));
            var detail = Languages[^1].StartsWith("zh", StringComparison.Ordinal) ? "没有找到这个加入码" : "No session has that join code";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = JsonContent.Create(new { status = 404, detail }) });
        }
    }
}
