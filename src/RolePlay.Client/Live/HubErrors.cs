using Microsoft.AspNetCore.SignalR;

namespace RolePlay.Client.Live;

/// <summary>Turns a failed hub call into the sentence a person can act on.</summary>
public static class HubErrors
{
    private const string Marker = "HubException: ";

    /// <summary>The server's own message when it sent one, else a plain description of the failure.</summary>
    public static string Message(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = error.Message;
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            return text[(at + Marker.Length)..];
        }

        return error is HubException ? text : "The server could not be reached; check your connection and try again.";
    }
}
