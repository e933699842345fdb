using Microsoft.AspNetCore.SignalR;
using RolePlay.Client.Live;
using RolePlay.Client.Localization;

namespace RolePlay.Client.Student;

/// <summary>Tells a server's refusal (a sentence to show as it is) from a failure to reach the server.</summary>
internal static class Refusals
{
    /// <summary>True when the server answered with a HubException: the call reached it and was refused.</summary>
    public static bool IsRefusal(Exception error) =>
        error is HubException || error.Message.Contains("HubException: ", StringComparison.Ordinal);

    /// <summary>
    /// True when the server no longer knows the seat's token. It says so in the connection's language; these are the
    /// words of its SeatUnknown refusal in English and Chinese.
    /// </summary>
    public static bool IsSeatLost(Exception error) =>
        IsRefusal(error) && HubErrors.Message(error) is var message
            && (message.Contains("unknown", StringComparison.OrdinalIgnoreCase) || message.Contains("已失效", StringComparison.Ordinal));

    /// <summary>The server's sentence, or a localized "cannot reach the server".</summary>
    public static string Text(Exception error, UiText text) => IsRefusal(error) ? HubErrors.Message(error, text) : text.ServerUnreachable;
}
