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

    /// <summary>Hub calls a connection may make per second, sustained.</summary>
    public int HubCallsPerSecond { get; set; } = 10;

    /// <summary>Hub calls a connection may make in a burst.</summary>
    public int HubCallBurst { get; set; } = 20;
}
