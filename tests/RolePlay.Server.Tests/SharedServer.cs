namespace RolePlay.Server.Tests;

/// <summary>One real server for every test of a class whose tests do not disturb each other (each makes its own session).</summary>
public sealed class SharedServer : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
