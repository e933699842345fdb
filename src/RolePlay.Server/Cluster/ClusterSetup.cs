using System.Net;
using Microsoft.AspNetCore.SignalR;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using StackExchange.Redis;

namespace RolePlay.Server.Cluster;

/// <summary>
/// Hosts the grains. One code path for one machine and many: without <c>ConnectionStrings:Redis</c> the silo runs in
/// this process alone on loopback (localhost clustering) and nothing else needs installing; with it, nodes find each
/// other through Redis, and SignalR sends through Redis too, so a student on any node hears a group whose grain lives on
/// another. A cluster keeps its turn log, sessions and feedback in PostgreSQL: it refuses to start on SQLite.
/// </summary>
internal static class ClusterSetup
{
    /// <summary>The service id every RolePlay silo shares (clusters are told apart by <see cref="ClusterNodeOptions.Id"/>).</summary>
    private const string ServiceId = "roleplay";

    /// <summary>Adds the silo (and, in cluster mode, the SignalR backplane); throws when the configuration cannot form a cluster.</summary>
    public static void Add(WebApplicationBuilder builder, ISignalRServerBuilder signalR, ServerOptions options)
    {
        var redis = builder.Configuration.GetConnectionString("Redis");
        var cluster = options.Cluster;
        if (string.IsNullOrWhiteSpace(redis))
        {
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: ServiceId, clusterId: cluster.Id);
                Common(silo);
            });
            builder.Services.AddSingleton(Backplane.None());
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("RolePlay")))
        {
            throw new InvalidOperationException(
                "Cluster mode (ConnectionStrings:Redis is set) needs PostgreSQL: every node must read and write the same turn log, "
                + "and SQLite is one file on one machine. Set ConnectionStrings:RolePlay to a PostgreSQL connection string, "
                + "or unset ConnectionStrings:Redis to run on one machine with SQLite.");
        }

        var address = string.IsNullOrWhiteSpace(cluster.Address) ? null : IPAddress.Parse(cluster.Address);
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(redis);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.Id;
                o.ServiceId = ServiceId;
            });
            if (address is null)
            {
                silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort);
            }
            else
            {
                silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort);
            }

            // A dead node is declared dead after two missed probes two seconds apart (the defaults take 30 s or more):
            // its groups come back on the survivors within the time docs/performance.md gives.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
                o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            });
            Common(silo);
        });

        // The channel prefix keeps two clusters on one Redis apart.
        // One Redis connection for SignalR and for watching it; the channel prefix keeps two clusters on one Redis apart.
        var backplane = Backplane.Connect(redis, "roleplay-" + cluster.Id + ":");
        builder.Services.AddSingleton(backplane);
        signalR.AddStackExchangeRedis(o => o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(backplane.Redis!));
    }

    private static void Common(ISiloBuilder silo)
    {
        // Grain calls carry the app's own records (commands, seats, snapshots) as JSON between nodes: they are plain
        // data, and the core and the contracts stay free of Orleans attributes. Within a node they are passed as they
        // are, not copied: they are immutable records, built fresh for each call.
        silo.Services.AddSerializer(s => s.AddJsonSerializer(isSerializable: IsOurs, isCopyable: _ => false, configureOptions: null));
        silo.Services.AddSingleton<IGeneralizedCopier, ImmutableRecords>();
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("RolePlay.", StringComparison.Ordinal) == true;

    /// <summary>The "copy" of the app's records handed to a grain on the same node: the record itself.</summary>
    private sealed class ImmutableRecords : IGeneralizedCopier
    {
        public object? DeepCopy(object? input, CopyContext context) => input;

        public bool IsSupportedType(Type type) => IsOurs(type);
    }
}

/// <summary>The <c>RolePlay:Cluster</c> section.</summary>
public sealed class ClusterNodeOptions
{
    /// <summary>The port silos talk to each other on.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients would connect to (RolePlay's own nodes do not need it, but a silo listens on it).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The cluster's id: nodes with the same id and the same Redis form one cluster.</summary>
    public string Id { get; set; } = "roleplay";

    /// <summary>The address other nodes reach this one at (cluster mode); unset, the machine's own address.</summary>
    public string? Address { get; set; }
}
