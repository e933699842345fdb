using System.Net.Http.Headers;

namespace RolePlay.Client.Api;

/// <summary>
/// Sends the UI language as <c>Accept-Language</c> on every API request, read at the moment of sending, so the
/// server's problem details follow the user's language even right after they switch it.
/// </summary>
public sealed class AcceptLanguageHandler(Func<string> locale) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(locale()));
        return base.SendAsync(request, cancellationToken);
    }
}
