using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace SimGrid.Hosting;

/// <summary>
/// Where a silo or client finds its cluster. Without Redis: the embedded default, a one-silo cluster on free loopback
/// ports. With Redis (redis://host:port): membership in Redis, so several processes on one or several machines form one
/// cluster; no schema to maintain.
/// </summary>
/// <param name="RedisUrl">redis://host:port, or null for the embedded default.</param>
/// <param name="SiloPort">Silo-to-silo port; 0 picks a free one.</param>
/// <param name="GatewayPort">Port clients connect to; 0 picks a free one.</param>
/// <param name="Advertise">Address other silos reach this one at; default 127.0.0.1.</param>
public sealed record ClusterSettings(string? RedisUrl = null, int SiloPort = 0, int GatewayPort = 0, string? Advertise = null)
{
    public const string ClusterId = "simgrid";

    public bool IsCluster => RedisUrl is not null;

    /// <summary>redis://host:port as the host:port connection string StackExchange.Redis wants; null when malformed.</summary>
    public static string? RedisConnection(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "redis" && uri.Port > 0 && uri.Host.Length > 0
            ? $"{uri.Host}:{uri.Port}"
            : null;

    public void ConfigureSilo(ISiloBuilder silo)
    {
        int siloPort = SiloPort == 0 ? LoopbackPorts.Free() : SiloPort, gatewayPort = GatewayPort == 0 ? LoopbackPorts.Free() : GatewayPort;
        if (!IsCluster)
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "simgrid", clusterId: $"simgrid-{Environment.ProcessId}");
            return;
        }
        silo.UseRedisClustering(RedisConnection(RedisUrl!)!)
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, "simgrid"))
            .ConfigureEndpoints(IPAddress.Parse(Advertise ?? "127.0.0.1"), siloPort, gatewayPort)
            .Configure<ClusterMembershipOptions>(FastFailureDetection);
    }

    public void ConfigureClient(IClientBuilder client) => client
        .UseRedisClustering(RedisConnection(RedisUrl!)!)
        .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, "simgrid"))
        .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2))
        // A call in flight to a silo that dies is only answered by this timeout: 10 s instead of 30 bounds the pause,
        // and is still far above a replication's time (about a second at most under load).
        .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10))
        // Calls in flight through a lost gateway wait for that timeout; a study reruns them as soon as the gateway goes.
        .AddGatewayCountChangedHandler(services => (_, e) =>
        {
            if (e.NumberOfConnectedGateways < e.PreviousNumberOfConnectedGateways) services.GetRequiredService<Studies.ClusterChanges>().SiloLost();
        });

    /// <summary>
    /// A dead silo is declared dead in about 3-5 s (probes every second, two missed, one vote enough), instead of the
    /// default 10-12 s seen here. The price: a silo starved of CPU for two seconds can be voted out by mistake.
    /// </summary>
    private static void FastFailureDetection(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(1);
        o.NumMissedProbesLimit = 2;
        o.NumVotesForDeathDeclaration = 1;
        o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
    }

    /// <summary>A client of a Redis cluster, for `run` and `compare` with --cluster.</summary>
    public async Task<IHost> ConnectClientAsync(CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.UseOrleansClient(ConfigureClient);
        builder.Services.AddSimGridSerialization();
        builder.Services.AddSingleton<Studies.ClusterChanges>();
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }
}
