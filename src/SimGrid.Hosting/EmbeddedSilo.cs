using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SimGrid.Hosting;

/// <summary>
/// The default: a one-silo Orleans cluster inside the simgrid process, in-memory, nothing to install.
/// Ports are free loopback ports and the cluster id is unique, so two runs at once on one machine do not collide.
/// </summary>
public static class EmbeddedSilo
{
    /// <summary>The embedded silo, or a client of the cluster at <paramref name="cluster"/> (redis://host:port) when one is given.</summary>
    public static Task<IHost> StartOrConnectAsync(string? cluster, CancellationToken cancellationToken) =>
        cluster is null ? StartAsync(cancellationToken) : new ClusterSettings(cluster).ConnectClientAsync(cancellationToken);

    public static async Task<IHost> StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.UseOrleans(new ClusterSettings().ConfigureSilo);
        builder.Services.AddSimGridSerialization();
        builder.Services.AddSimGridTelemetry();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
