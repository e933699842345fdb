namespace RolePlay.Server;

/// <summary>The <c>RolePlay</c> configuration section.</summary>
public sealed class ServerOptions
{
    /// <summary>Where the SQLite database and the generated instructor key live.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>The instructor key; generated and kept in the data folder when unset.</summary>
    public string? InstructorKey { get; set; }

    /// <summary>The scenario folder; found next to the app or above it when unset.</summary>
    public string? ScenariosDir { get; set; }

    /// <summary>How long a bot waits before it speaks, so people can read along.</summary>
    public int BotDelayMs { get; set; } = 1200;

    /// <summary>Origins allowed to open the hub besides the server's own (e.g. a separate UI host).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// The address students' phones reach this server at (e.g. <c>http://192.168.1.20:5080</c>), used in join links and
    /// QR codes; when unset, the address the instructor's browser used.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// How long a send to one hub connection may wait for the network (the client not reading, its buffers full)
    /// before that connection is dropped as a slow reader (SignalR's transport send timeout); it reconnects and
    /// rejoins its seat.
    /// </summary>
    public int SlowReaderTimeoutMs { get; set; } = 5000;

    /// <summary>Bytes the server buffers for one hub connection, each way, before it waits for the network (SignalR's transport and application buffers).</summary>
    public int HubConnectionBufferBytes { get; set; } = 64 * 1024;

    /// <summary>Hub calls a connection may make per second, sustained.</summary>
    public int HubCallsPerSecond { get; set; } = 10;

    /// <summary>Hub calls a connection may make in a burst.</summary>
    public int HubCallBurst { get; set; } = 20;

    /// <summary>Observers one session admits (all groups together); role seats are bounded by the scenario.</summary>
    public int MaxObserversPerSession { get; set; } = 100;

    /// <summary>Joins one session admits per minute (a class joining at once is well under it; a flood is not).</summary>
    public int JoinsPerMinutePerSession { get; set; } = 600;

    /// <summary>Per-address limits on what can be guessed (see <see cref="Security.RateLimits"/>).</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>This node's part in a cluster (see <see cref="Cluster.ClusterSetup"/>).</summary>
    public Cluster.ClusterNodeOptions Cluster { get; set; } = new();
}

/// <summary>The <c>RolePlay:RateLimits</c> section: requests per client address per minute.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Login attempts (<c>POST /api/login</c>).</summary>
    public int LoginsPerMinute { get; set; } = 10;

    /// <summary>Calls to endpoints that check the instructor key.</summary>
    public int InstructorCallsPerMinute { get; set; } = 600;

    /// <summary>
    /// Join-code lookups: the join page's <c>GET /api/join/{code}</c> (and its QR code) and the hub's Join. A class on
    /// one network address (behind NAT) shares this, so it allows a whole class joining at once.
    /// </summary>
    public int JoinLookupsPerMinute { get; set; } = 300;
}
