using Microsoft.AspNetCore.SignalR;

namespace RolePlay.Client.Live;

/// <summary>Turns a failed hub call into the sentence a person can act on.</summary>
public static class HubErrors
{
    private const string Marker = "HubException: ";

    /// <summary>The server's own message (already in the connection's language) when it sent one, else "cannot reach the server" in <paramref name="text"/>'s language.</summary>
    public static string Message(Exception error, Localization.UiText? text = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            return message[(at + Marker.Length)..];
        }

        return error is HubException ? message : (text ?? Localization.UiText.English).ServerUnreachable;
    }
}
