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

    /// <summary>The server's sentence, or a localized "cannot reach the server".</summary>
    public static string Text(Exception error, UiText text) => IsRefusal(error) ? HubErrors.Message(error) : text.ServerUnreachable;
}
