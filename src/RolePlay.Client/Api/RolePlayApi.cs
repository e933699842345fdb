using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RolePlay.Client.Api;

/// <summary>The HTTP API of docs/protocol.md as the pages use it; the instructor is known by the login cookie.</summary>
public sealed class RolePlayApi(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Logs the instructor in (sets the cookie); false when the key is wrong.</summary>
    public async Task<bool> LoginAsync(string key)
    {
        using var response = await http.PostAsJsonAsync("api/login", new LoginRequest(key), Json).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    /// <summary>Drops the login cookie.</summary>
    public async Task LogoutAsync()
    {
        using var response = await http.PostAsync(new Uri("api/logout", UriKind.Relative), null).ConfigureAwait(false);
    }

    /// <summary>True when this browser is logged in as the instructor.</summary>
    public async Task<bool> IsInstructorAsync()
    {
        using var response = await http.GetAsync(new Uri("api/sessions", UriKind.Relative)).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.Unauthorized;
    }

    /// <summary>The scenario library.</summary>
    public Task<IReadOnlyList<ScenarioSummary>> ScenariosAsync() => GetAsync<IReadOnlyList<ScenarioSummary>>("api/scenarios");

    /// <summary>A scenario's stage graph as Mermaid text.</summary>
    public async Task<string> GraphAsync(string scenarioId)
    {
        using var response = await http.GetAsync(new Uri($"api/scenarios/{Uri.EscapeDataString(scenarioId)}/graph?format=mermaid", UriKind.Relative)).ConfigureAwait(false);
        await EnsureOk(response).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    /// <summary>Uploads a scenario file; throws <see cref="ApiException"/> with every <c>file:line:col</c> error when it is invalid.</summary>
    public async Task<ScenarioSummary> UploadScenarioAsync(string fileName, string yaml)
    {
        using var content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        using var response = await http.PostAsync(new Uri($"api/scenarios?fileName={Uri.EscapeDataString(fileName)}", UriKind.Relative), content).ConfigureAwait(false);
        return await Read<ScenarioSummary>(response).ConfigureAwait(false);
    }

    /// <summary>Launches a scenario for a class.</summary>
    public async Task<CreateSessionResponse> CreateSessionAsync(CreateSessionRequest request)
    {
        using var response = await http.PostAsJsonAsync("api/sessions", request, Json).ConfigureAwait(false);
        return await Read<CreateSessionResponse>(response).ConfigureAwait(false);
    }

    /// <summary>Past and current sessions, newest first.</summary>
    public Task<IReadOnlyList<SessionSummary>> SessionsAsync() => GetAsync<IReadOnlyList<SessionSummary>>("api/sessions");

    /// <summary>One session.</summary>
    public Task<SessionSummary> SessionAsync(string sessionId) => GetAsync<SessionSummary>($"api/sessions/{Uri.EscapeDataString(sessionId)}");

    /// <summary>What the join page shows for a code (no login needed).</summary>
    public Task<JoinInfo> JoinInfoAsync(string joinCode) => GetAsync<JoinInfo>($"api/join/{Uri.EscapeDataString(joinCode.Trim())}");

    /// <summary>How often observers' ratings agreed with the engine over a session, per principle.</summary>
    public Task<IReadOnlyList<PrincipleAgreementView>> SessionAgreementAsync(string sessionId) =>
        GetAsync<IReadOnlyList<PrincipleAgreementView>>($"api/sessions/{Uri.EscapeDataString(sessionId)}/agreement");

    /// <summary>Everything the review page shows for one group.</summary>
    public Task<GroupReview> ReviewAsync(string groupId) => GetAsync<GroupReview>($"api/groups/{Uri.EscapeDataString(groupId)}/review");

    private async Task<T> GetAsync<T>(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        return await Read<T>(response).ConfigureAwait(false);
    }

    private static async Task<T> Read<T>(HttpResponseMessage response)
    {
        await EnsureOk(response).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<T>(Json).ConfigureAwait(false))!;
    }

    private static async Task EnsureOk(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        throw ApiException.From(response.StatusCode, body);
    }
}
