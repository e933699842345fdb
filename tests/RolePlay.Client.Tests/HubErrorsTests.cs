using Microsoft.AspNetCore.SignalR;
using RolePlay.Client.Live;
using RolePlay.Client.Localization;

namespace RolePlay.Client.Tests;

/// <summary>A failed hub call becomes a sentence a person can act on, in the UI's language.</summary>
public class HubErrorsTests
{
    [Fact]
    public void A_server_refusal_is_shown_as_the_server_sent_it()
    {
        var refusal = new HubException("An unexpected error occurred invoking 'Say' on the server. HubException: 还没有座位。");

        Assert.Equal("还没有座位。", HubErrors.Message(refusal, UiText.English));
    }

    [Fact]
    public void SignalRs_own_refusal_of_an_instructor_method_says_to_log_in_in_the_ui_language()
    {
        var refusal = new HubException("Failed to invoke 'WatchSession' because user is unauthorized");

        Assert.Equal(UiText.Chinese.InstOnly, HubErrors.Message(refusal, UiText.Chinese));
        Assert.Equal("Only the instructor can do that: log in with the instructor key.", HubErrors.Message(refusal));
    }
}
