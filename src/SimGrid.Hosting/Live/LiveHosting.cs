using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Storage;
using SimGrid.Grains.Live;
using SimGrid.Grains.Telemetry;

namespace SimGrid.Hosting.Live;

/// <summary>What a silo needs to play live runs: their storage, their pace clock, the gauges' board and the keeper.</summary>
public static class LiveHosting
{
    /// <param name="cluster">Redis storage when it names a cluster (runs survive a lost silo); memory otherwise.</param>
    /// <param name="clock">The clock that paces live runs; real time unless a test drives it.</param>
    public static ISiloBuilder AddSimGridLive(this ISiloBuilder silo, ClusterSettings cluster, TimeProvider? clock = null)
    {
        if (cluster.IsCluster)
        {
            silo.AddRedisGrainStorage(LiveStorage.Name, o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(ClusterSettings.RedisConnection(cluster.RedisUrl!)!));
            // Orleans' own serializer (and through it System.Text.Json for the kernel's types): doubles round-trip exactly,
            // so a resumed run replays the same numbers.
            silo.Services.AddOptions<Orleans.Persistence.RedisStorageOptions>(LiveStorage.Name)
                .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        }
        else
        {
            silo.AddMemoryGrainStorage(LiveStorage.Name);
            // The same serializer as the cluster's storage. Memory storage's default (Newtonsoft JSON) failed now and then
            // to read a run's progress back after a deactivation, and its exception type has no Orleans codec, so the
            // caller saw only "could not find a codec".
            silo.Services.AddOptions<Orleans.Configuration.MemoryGrainStorageOptions>(LiveStorage.Name)
                .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        }
        silo.Services.TryAddSingleton(new LiveClock(clock ?? TimeProvider.System));
        silo.Services.TryAddSingleton<LiveBoard>();
        silo.Services.TryAddSingleton<ILiveSnapshots>(sp => sp.GetRequiredService<LiveBoard>());
        silo.Services.AddHostedService<LiveKeeper>();
        return silo;
    }
}
