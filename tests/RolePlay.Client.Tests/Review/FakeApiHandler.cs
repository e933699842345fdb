using System.Net;
using System.Text;
using System.Text.Json;
using RolePlay.Core.Transcripts;

namespace RolePlay.Client.Tests.Review;

/// <summary>An HTTP handler for RolePlayApi in component tests: answers GET paths from canned JSON, 401s when not logged in, records every request.</summary>
public sealed class FakeApiHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpResponseMessage>> _routes = new(StringComparer.Ordinal);

    /// <summary>False to answer every instructor call with 401.</summary>
    public bool Instructor { get; set; } = true;

    /// <summary>Every request as "METHOD path".</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Answers GET <paramref name="path"/> with <paramref name="value"/> serialized as the server does (camelCase, nulls left out).</summary>
    public FakeApiHandler Json(string path, object value)
    {
        var json = JsonSerializer.Serialize(value, value.GetType(), TranscriptJson.Compact);
        return Raw(path, json);
    }

    /// <summary>Answers GET <paramref name="path"/> with this JSON text.</summary>
    public FakeApiHandler Raw(string path, string json)
    {
        _routes[path] = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return this;
    }

    /// <summary>Answers GET <paramref name="path"/> with a problem document.</summary>
    public FakeApiHandler Problem(string path, HttpStatusCode status, string detail)
    {
        _routes[path] = () => new HttpResponseMessage(status)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { status = (int)status, detail }), Encoding.UTF8, "application/problem+json"),
        };
        return this;
    }

    /// <summary>An API client over this handler.</summary>
    public RolePlay.Client.Api.RolePlayApi Api() => new(new HttpClient(this) { BaseAddress = new Uri("http://localhost/") });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.PathAndQuery.TrimStart('/'));
        Requests.Add($"{request.Method} {path}");
        if (!Instructor && !path.StartsWith("api/join", StringComparison.Ordinal) && path != "api/scenarios")
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized)
            {
                Content = new StringContent("{\"status\":401,\"detail\":\"Log in as the instructor.\"}", Encoding.UTF8, "application/problem+json"),
            });
        }

        if (path == "api/sessions" && !_routes.ContainsKey(path))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]", Encoding.UTF8, "application/json") });
        }

        return Task.FromResult(_routes.TryGetValue(path, out var answer)
            ? answer()
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent($"{{\"status\":404,\"detail\":\"There is no '{path}'.\"}}", Encoding.UTF8, "application/problem+json") });
    }
}
