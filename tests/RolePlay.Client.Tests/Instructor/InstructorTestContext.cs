using Microsoft.Extensions.DependencyInjection;
using RolePlay.Client.Api;
using RolePlay.Client.Live;

namespace RolePlay.Client.Tests.Instructor;

/// <summary>A bUnit context with a fake HTTP API, a fake hub connection and loose JS interop, as the instructor pages need.</summary>
public abstract class InstructorTestContext : BunitContext
{
    protected InstructorTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(Http.CreateApi());
        Services.AddSingleton<IRolePlayConnectionFactory>(Hub);
    }

    /// <summary>The fake server's HTTP side.</summary>
    protected FakeApiHandler Http { get; } = new();

    /// <summary>The fake hub connection.</summary>
    protected FakeRolePlayConnection Hub { get; } = new();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }

        base.Dispose(disposing);
    }
}
