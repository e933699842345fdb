using Microsoft.AspNetCore.SignalR;
using RolePlay.Contracts;
using RolePlay.Core.Localization;

namespace RolePlay.Server.Localization;

/// <summary>
/// The server's one refusal: a <see cref="RefusalCode"/> for programs (its <see cref="Kind"/> follows from it) and the
/// sentence a person reads, in both languages. Thrown wherever a call is refused; it reaches the caller through one
/// of two mappings: <see cref="Hubs.LocalizingHubFilter"/> for hub calls, <see cref="Api.RefusalProblems"/> for HTTP.
/// It is a <see cref="HubException"/> whose message is the coded English text, so it still reads right if it ever
/// reaches a client without passing the filter.
/// </summary>
public sealed class Refusal : HubException
{
    /// <summary>Creates the refusal; <paramref name="errors"/> are per-line diagnostics that go beside the text (a scenario upload's).</summary>
    public Refusal(RefusalCode code, LocalizedText text, IReadOnlyList<string>? errors = null)
        : base(new HubRefusal(code, text.English).ToMessage())
    {
        Code = code;
        Text = text;
        Errors = errors;
    }

    /// <summary>What was refused, for programs.</summary>
    public RefusalCode Code { get; }

    /// <summary>What sort of refusal it is (the HTTP status).</summary>
    public RefusalKind Kind => Code.KindOf();

    /// <summary>The refusal in English and Chinese.</summary>
    public LocalizedText Text { get; }

    /// <summary>Per-line diagnostics in English (<c>file:line:col: …</c>), or null.</summary>
    public IReadOnlyList<string>? Errors { get; }
}
