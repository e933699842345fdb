using System.Net;
using System.Net.Sockets;

namespace RolePlay.Server.Tests;

/// <summary>
/// A loopback TCP relay in front of a real service (Redis, PostgreSQL): <see cref="Down"/> cuts every connection and
/// refuses new ones, as a crashed or unreachable service would look to the server; <see cref="Up"/> lets them through again.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _up = true;

    public TcpRelay(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host), port);
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The relay's own port: point the server here.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Cuts every open connection and refuses new ones.</summary>
    public void Down()
    {
        _up = false;
        lock (_open)
        {
            _open.ForEach(c => c.Dispose());
            _open.Clear();
        }
    }

    /// <summary>Lets connections through again.</summary>
    public void Up() => _up = true;

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        Down();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            if (!_up)
            {
                client.Dispose();
                continue;
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_target);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (_open)
            {
                _open.Add(client);
                _open.Add(server);
            }

            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception)
        {
            // a cut connection
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
