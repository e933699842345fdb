using Microsoft.AspNetCore.SignalR;

namespace RolePlay.Server.Tests;

/// <summary>Reads a refused hub call the way clients do: its code and its text (<see cref="HubRefusal.Parse"/>).</summary>
internal static class Refusals
{
    /// <summary>The refusal the server answered <paramref name="call"/> with; fails when the call was not refused with a code.</summary>
    public static async Task<HubRefusal> Of(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        return HubRefusal.Parse(error.Message) ?? throw new Xunit.Sdk.XunitException("a refusal without a code: " + error.Message);
    }

    /// <summary>Asserts that <paramref name="call"/> is refused with <paramref name="code"/>, and returns the refusal's text.</summary>
    public static async Task<string> With(RefusalCode code, Func<Task> call)
    {
        var refusal = await Of(call);
        Assert.Equal(code, refusal.Code);
        return refusal.Text;
    }
}
