using Orleans.Concurrency;
using Orleans.Placement;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;

namespace SimGrid.Grains;

/// <summary>
/// A study replication, played by the kernel inside this one grain. Replications, not regions, are what a study spreads
/// over the silos (random placement); inside a replication, per-region grain calls would cost about ten times the work
/// of a tick. The numbers are the same as with region grains (the determinism tests compare them). Called by StudyRunner.
/// </summary>
[RandomPlacement]
public sealed class ReplicationGrain : Grain, IReplicationGrain
{
    public Task<Immutable<RunResult>> RunAsync(Immutable<RunSetup> setup)
    {
        var result = GridSimulation.RunWithSeries(setup.Value);
        DeactivateOnIdle();
        return Task.FromResult(new Immutable<RunResult>(result));
    }
}
