using Microsoft.AspNetCore.SignalR;

namespace RolePlay.Client.Live;

/// <summary>Turns a failed hub call into the sentence a person can act on.</summary>
public static class HubErrors
{
    private const string Marker = "HubException: ";

    // SignalR answers a hub method the caller is not authorized for (an instructor's method without the instructor's
    // login) itself, before any of the server's code runs, with this fixed English sentence.
    private const string NotAuthorized = "because user is unauthorized";

    /// <summary>
    /// The server's own message (already in the connection's language) when it sent one; SignalR's refusal of an
    /// instructor's method as "only the instructor can do that" in <paramref name="text"/>'s language; else "cannot
    /// reach the server" in that language.
    /// </summary>
    public static string Message(Exception error, Localization.UiText? text = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            return message[(at + Marker.Length)..];
        }

        if (message.Contains(NotAuthorized, StringComparison.Ordinal))
        {
            return (text ?? Localization.UiText.English).InstOnly;
        }

        return error is HubException ? message : (text ?? Localization.UiText.English).ServerUnreachable;
    }
}
