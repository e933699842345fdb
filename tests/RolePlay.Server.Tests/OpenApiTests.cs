using System.Net.Http.Json;
using System.Text.Json;

namespace RolePlay.Server.Tests;

/// <summary>The HTTP API describes itself as OpenAPI, and docs/protocol.md names every route it lists.</summary>
public sealed class OpenApiTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private static readonly string[] Routes =
    [
        "GET /healthz",
        "POST /api/login",
        "POST /api/logout",
        "GET /api/scenarios",
        "POST /api/scenarios",
        "GET /api/scenarios/{id}/graph",
        "GET /api/join/{code}",
        "GET /api/join/{code}/qr.svg",
        "GET /api/sessions",
        "POST /api/sessions",
        "GET /api/sessions/{id}",
        "POST /api/sessions/{id}/start",
        "POST /api/sessions/{id}/resume",
        "POST /api/sessions/{id}/pause",
        "POST /api/sessions/{id}/end",
        "POST /api/sessions/{id}/bots",
        "GET /api/sessions/{sessionId}/agreement",
        "GET /api/groups/{groupId}/transcript",
        "GET /api/groups/{groupId}/transcript.md",
        "GET /api/groups/{groupId}/transcript.csv",
        "GET /api/groups/{groupId}/review",
        "GET /api/calibration/lines",
        "GET /api/metrics",
    ];

    [Fact]
    public async Task The_openapi_document_lists_every_route_of_the_api_and_its_messages()
    {
        using var anonymous = new HttpClient { BaseAddress = shared.Server.Url };

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var listed = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(Routes.Order(StringComparer.Ordinal), listed);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var message in new[] { nameof(CreateSessionRequest), nameof(JoinInfo), nameof(GroupReview), nameof(ServerMetrics) })
        {
            Assert.True(schemas.TryGetProperty(message, out _), message);
        }

        Assert.Equal(["lobby", "running", "paused", "ended"], schemas.GetProperty(nameof(SessionState)).GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Protocol_md_names_every_route()
    {
        var doc = File.ReadAllText(Path.Combine(ServerProcess.RepoRoot, "docs", "protocol.md"));

        Assert.All(Routes, route => Assert.Contains($"`{route}", doc, StringComparison.Ordinal));
    }
}
