using Microsoft.AspNetCore.SignalR;
using RolePlay.Client.Localization;

namespace RolePlay.Client.Live;

/// <summary>
/// Reads a failed hub call: a refusal the server sent — its <see cref="RefusalCode"/> for the page to act on, its
/// sentence to show as it is (already in the connection's language) — or a failure to reach the server.
/// </summary>
public static class Refusals
{
    // What SignalR puts before a server's own message.
    private const string Marker = "HubException: ";

    /// <summary>The server's refusal, or null when the call failed for another reason.</summary>
    public static HubRefusal? Of(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return HubRefusal.Parse(error.Message);
    }

    /// <summary>True when the server no longer knows the seat's token: forget it and join again.</summary>
    public static bool IsSeatLost(Exception error) => Of(error)?.Code == RefusalCode.SeatUnknown;

    /// <summary>
    /// The sentence to show: the server's refusal; for a call the server failed without a refusal, SignalR's own
    /// message; else "cannot reach the server" in <paramref name="text"/>'s language.
    /// </summary>
    public static string Text(Exception error, UiText? text = null)
    {
        if (Of(error) is { } refusal)
        {
            return refusal.Text;
        }

        if (error is not HubException)
        {
            return (text ?? UiText.English).ServerUnreachable;
        }

        var at = error.Message.IndexOf(Marker, StringComparison.Ordinal);
        return at >= 0 ? error.Message[(at + Marker.Length)..] : error.Message;
    }
}
