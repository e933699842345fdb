using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Client.Api;
using RolePlay.Client.Live;

namespace RolePlay.Client.Tests.Student;

/// <summary>A bUnit context with the fake hub, a fake HTTP server for the API, and a browser whose localStorage may hold a seat.</summary>
public abstract class StudentContext : BunitContext
{
    protected StudentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(Hub);
        Services.AddSingleton<IRolePlayConnection>(Hub);
        Services.AddSingleton<IRolePlayConnectionFactory>(Hub);
        Services.AddSingleton(new RolePlayApi(new HttpClient(Http) { BaseAddress = new Uri("http://localhost/") }));
    }

    protected FakeRolePlayConnection Hub { get; } = new();

    protected FakeHttp Http { get; } = new();

    protected string CurrentUri => Services.GetRequiredService<NavigationManager>().Uri;

    /// <summary>Puts a participant token in the fake localStorage.</summary>
    protected void StoreSeat(string token) => JSInterop.Setup<string?>("roleplay.load", "roleplay.seat").SetResult(token);

    /// <summary>The seat a Rejoin returns.</summary>
    protected void Seat(string role, GroupSnapshot snapshot) => Hub.JoinResult = new JoinResult("tok-1", snapshot.GroupId, role, snapshot);
}

/// <summary>Answers API calls from a table of path → response, and remembers the paths asked for.</summary>
public sealed class FakeHttp : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpResponseMessage>> _answers = new(StringComparer.Ordinal);

    public List<string> Requests { get; } = [];

    public void Json<T>(string path, T value) => _answers[path] = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(value) };

    public void Problem(string path, HttpStatusCode status, string detail) =>
        _answers[path] = () => new HttpResponseMessage(status) { Content = JsonContent.Create(new { title = "Not Found", status = (int)status, detail }) };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Add(path);
        return Task.FromResult(_answers.TryGetValue(path, out var answer) ? answer() : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
