using Microsoft.AspNetCore.SignalR;
using RolePlay.Core.Localization;

namespace RolePlay.Server.Localization;

/// <summary>
/// A refusal a person reads, in both languages. It is a <see cref="HubException"/> whose message is the English text,
/// so it still reaches a client if nothing translates it; <see cref="Hubs.LocalizingHubFilter"/> sends the caller's
/// language instead, and the HTTP API turns it into a problem <c>detail</c> in the request's language.
/// </summary>
public sealed class Refusal : HubException
{
    /// <summary>Creates the refusal.</summary>
    public Refusal(LocalizedText text)
        : base((text ?? throw new ArgumentNullException(nameof(text))).English)
    {
        Text = text;
    }

    /// <summary>The refusal in English and Chinese.</summary>
    public LocalizedText Text { get; }
}
