using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;

namespace SimGrid.Grains;

/// <summary>See <see cref="IReplicationRelayGrain"/>. A stateless worker: it runs on the silo that receives the call.</summary>
[StatelessWorker]
public sealed class ReplicationRelayGrain(IGrainFactory grains) : Grain, IReplicationRelayGrain
{
    public Task<Immutable<RunResult>> RunAsync(string replication, Immutable<RunSetup> setup) =>
        grains.GetGrain<IReplicationGrain>(replication).RunAsync(setup);
}
