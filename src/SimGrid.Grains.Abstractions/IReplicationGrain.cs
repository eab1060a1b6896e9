using Orleans.Concurrency;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;

namespace SimGrid.Grains.Abstractions;

/// <summary>One replication of a Monte Carlo study (key: study and job). The unit a study spreads over the cluster.</summary>
public interface IReplicationGrain : IGrainWithStringKey
{
    /// <summary>Plays the whole replication and returns its summary and national series; the grain deactivates afterwards.</summary>
    Task<Immutable<RunResult>> RunAsync(Immutable<RunSetup> setup);
}
