using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace RolePlay.Server.Tests;

/// <summary>One phone that stops reading must not stall its group: it is dropped, and the others play on.</summary>
public sealed class SlowReaderTests
{
    private const char RecordSeparator = '\u001e';

    [Fact]
    public async Task A_connection_that_stops_reading_is_dropped_and_its_group_plays_on()
    {
        await using var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["RolePlay__SlowReaderTimeoutMs"] = "8000",
            ["RolePlay__HubCallsPerSecond"] = "100",
            ["RolePlay__HubCallBurst"] = "100",
        });
        // This test is about the transport, not the scene: with the verdicts not moving the mood, however the scorer
        // reads the filler lines the scene cannot end before the stalled phone has been dropped.
        var yaml = File.ReadAllText(Path.Combine(ServerProcess.RepoRoot, "tests", "RolePlay.Core.Tests", "Fixtures", "mini.yaml"))
            .Replace("upheld: 5", "upheld: 0", StringComparison.Ordinal)
            .Replace("violated: -10", "violated: 0", StringComparison.Ordinal);
        (await server.Http.PostAsync("/api/scenarios?fileName=mini.yaml", new StringContent(yaml, Encoding.UTF8, "application/yaml"))).EnsureSuccessStatusCode();
        var session = await server.CreateSessionAsync("mini-returns");
        var code = session.JoinCode;
        await using var customer = await Player.JoinAsync(server, code, "Cu", "customer");
        await using var clerk = await Player.JoinAsync(server, code, "Cl", "clerk");
        using var stalled = await StalledObserverAsync(server, code);
        await server.StartSessionAsync(session.SessionId);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stopPinging = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        var keepAlive = stalled.PingUntilAsync(stopPinging.Token); // it still writes, so the server sees it as alive

        // A long scene, then the stalled phone asks for it again and again (each Rejoin answers with the whole
        // transcript) without reading: far more than its buffers hold.
        for (var seq = 1; seq <= 60; seq++)
        {
            await SayAsync(seq);
        }

        for (var i = 0; i < 40; i++)
        {
            await stalled.SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = $"r{i}", target = nameof(IRolePlayHub.Rejoin), arguments = new object[] { stalled.Token } }));
        }

        // The group plays on while the stalled phone is still seated: with the group's gate held across sends, or a
        // send waiting for every member, these wait until the stalled connection is gone.
        for (var seq = 61; seq <= 100; seq++)
        {
            await SayAsync(seq);
        }

        await customer.WaitForSeqAsync(100);
        await clerk.WaitForSeqAsync(100);
        Assert.False(keepAlive.IsCompleted, "the group went on only once the stalled phone was dropped");
        Assert.True((await ObserverAsync(server, code)).Connected, "the group went on only once the stalled phone was dropped");

        // Then the stalled phone is dropped as a slow reader, and the group goes on.
        await WaitUntilAsync(async () => !(await ObserverAsync(server, code)).Connected, stop.Token);
        Assert.True(await stalled.IsClosedByServerAsync(stop.Token));
        await stopPinging.CancelAsync();
        await keepAlive;
        await SayAsync(101);
        Assert.Equal(101, (await server.TranscriptAsync(customer.GroupId)).Turns.Count);

        Task SayAsync(int seq) =>
            (seq % 2 == 1 ? customer : clerk).SayAsync($"Line {seq}: " + new string(seq % 2 == 1 ? 'k' : 'c', 1900)).WaitAsync(stop.Token);
    }

    private static async Task<SeatInfo> ObserverAsync(ServerProcess server, string code)
    {
        var join = await server.Http.GetFromJsonAsync<JoinInfo>($"/api/join/{code}");
        return join!.Groups[0].Seats.Single(s => s.Role == RoleIds.Observer);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>A raw hub client with a tiny socket receive buffer that joins as an observer and then never reads again.</summary>
    private static async Task<StalledClient> StalledObserverAsync(ServerProcess server, string code)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var invoker = new HttpMessageInvoker(handler);
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{server.Url.Authority}/hubs/roleplay"), invoker, CancellationToken.None);
        var client = new StalledClient(socket, invoker);
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}");
        await client.ReadMessageAsync(); // the handshake
        await client.SendAsync(JsonSerializer.Serialize(
            new { type = 1, invocationId = "1", target = nameof(IRolePlayHub.Join), arguments = new object[] { new JoinRequest(code, "Stalled", RoleIds.Observer, null) } },
            JsonSerializerOptions.Web));
        string reply;
        while (!(reply = await client.ReadMessageAsync()).Contains("\"invocationId\":\"1\"", StringComparison.Ordinal))
        {
        }

        client.Token = JsonDocument.Parse(reply).RootElement.GetProperty("result").Deserialize<JoinResult>(JsonSerializerOptions.Web)!.ParticipantToken;
        return client;
    }

    private sealed class StalledClient(ClientWebSocket socket, HttpMessageInvoker invoker) : IDisposable
    {
        private readonly SemaphoreSlim _send = new(1, 1);
        private readonly StringBuilder _pending = new();

        public string Token { get; set; } = string.Empty;

        public async Task SendAsync(string message)
        {
            await _send.WaitAsync();
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                _send.Release();
            }
        }

        public async Task<string> ReadMessageAsync()
        {
            var buffer = new byte[4096];
            while (true)
            {
                var text = _pending.ToString();
                var end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
                if (end >= 0)
                {
                    _pending.Remove(0, end + 1);
                    return text[..end];
                }

                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException("closed");
                }

                _pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
        }

        /// <summary>Sends a SignalR ping every second (writing, never reading) until cancelled or the server drops it.</summary>
        public async Task PingUntilAsync(CancellationToken cancellationToken)
        {
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    await SendAsync("{\"type\":6}");
                    await Task.Delay(1000, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
            {
            }
        }

        /// <summary>Reads everything the server managed to send: true when the stream ends with the server closing it.</summary>
        public async Task<bool> IsClosedByServerAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return true;
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or IOException)
            {
                return true; // reset by the server
            }
        }

        public void Dispose()
        {
            socket.Dispose();
            invoker.Dispose();
        }
    }
}
