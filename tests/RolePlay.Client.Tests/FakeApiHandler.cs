using System.Net;
using System.Text;
using System.Text.Json;
using RolePlay.Client.Api;

namespace RolePlay.Client.Tests;

/// <summary>An HTTP server stand-in for <see cref="RolePlayApi"/>: canned answers by "METHOD /path", and a log of every request with its body.</summary>
public sealed class FakeApiHandler : HttpMessageHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, Queue<Func<HttpResponseMessage>>> _routes = new(StringComparer.Ordinal);

    /// <summary>Every request, as (method, path with query, body).</summary>
    public List<(string Method, string Path, string? Body)> Requests { get; } = [];

    /// <summary>An API client that talks to this handler.</summary>
    public RolePlayApi CreateApi() => new(new HttpClient(this) { BaseAddress = new Uri("http://localhost/") });

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with JSON; several answers for one route are given in turn, the last one repeating.</summary>
    public FakeApiHandler Json200(string method, string path, object body) =>
        Add(method, path, () => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"),
        });

    /// <summary>Answers with plain text.</summary>
    public FakeApiHandler Text200(string method, string path, string text) =>
        Add(method, path, () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(text) });

    /// <summary>Answers with a status and no body.</summary>
    public FakeApiHandler Status(string method, string path, HttpStatusCode status) =>
        Add(method, path, () => new HttpResponseMessage(status));

    /// <summary>Answers with a problem document.</summary>
    public FakeApiHandler Problem(string method, string path, HttpStatusCode status, string detail, params string[] errors) =>
        Add(method, path, () => new HttpResponseMessage(status)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { detail, errors }, Json), Encoding.UTF8, "application/problem+json"),
        });

    /// <summary>The bodies of every request to <paramref name="method"/> <paramref name="path"/>.</summary>
    public List<string?> BodiesOf(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).Select(r => r.Body).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method.Method, path, body));
        if (_routes.TryGetValue($"{request.Method.Method} {path}", out var answers))
        {
            return answers.Count > 1 ? answers.Dequeue()() : answers.Peek()();
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent($$"""{"detail":"No fake answer for {{request.Method.Method}} {{path}}."}"""),
        };
    }

    private FakeApiHandler Add(string method, string path, Func<HttpResponseMessage> answer)
    {
        if (!_routes.TryGetValue($"{method} {path}", out var answers))
        {
            _routes[$"{method} {path}"] = answers = new Queue<Func<HttpResponseMessage>>();
        }

        answers.Enqueue(answer);
        return this;
    }
}
