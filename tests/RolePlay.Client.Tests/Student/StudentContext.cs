using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
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
        Services.AddSingleton(Http.CreateApi());
    }

    protected FakeRolePlayConnection Hub { get; } = new();

    protected FakeApiHandler Http { get; } = new();

    protected string CurrentUri => Services.GetRequiredService<NavigationManager>().Uri;

    /// <summary>Puts a participant token in the fake localStorage.</summary>
    protected void StoreSeat(string token) => JSInterop.Setup<string?>("roleplay.load", "roleplay.seat").SetResult(token);

    /// <summary>The seat a Rejoin returns.</summary>
    protected void Seat(string role, GroupSnapshot snapshot) => Hub.JoinResult = new JoinResult("tok-1", snapshot.GroupId, role, snapshot);
}
