using Orleans.Concurrency;
using Orleans.Placement;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Region;
using SimGrid.Model.Simulation;

namespace SimGrid.Grains;

/// <summary>
/// A region of a run, hosting the kernel's <see cref="RegionModel"/>. Called by its <see cref="SimulationGrain"/>
/// twice per tick; holds no logic of its own. Two placements of the same grain follow.
/// </summary>
public abstract class RegionGrainBase : Grain, IRegionGrain
{
    private RegionModel? model;

    public Task InitializeAsync(Immutable<RegionSetup> setup)
    {
        model = new RegionModel(setup.Value);
        return Task.CompletedTask;
    }

    public Task<Immutable<RegionBalance>> StepAsync(int tick, Immutable<StrikeOrder[]> strikes) =>
        Task.FromResult(new Immutable<RegionBalance>(Model.Step(tick, strikes.Value)));

    public Task<Immutable<RegionTickRecord>> ApplyAsync(int tick, Immutable<RegionAllocation> allocation) =>
        Task.FromResult(new Immutable<RegionTickRecord>(Model.Apply(tick, allocation.Value)));

    public Task StopAsync()
    {
        model = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private RegionModel Model => model ?? throw new InvalidOperationException($"region grain {this.GetPrimaryKeyString()} was not initialized");
}

/// <summary>Regions of a live or single run, spread over the cluster's silos so that a large grid uses every machine.</summary>
[RandomPlacement]
public sealed class RegionGrain : RegionGrainBase;

/// <summary>
/// Regions of a study replication, kept on the silo of their simulation grain: a replication's per-tick calls stay in
/// process, and the replications themselves are what spread over the cluster.
/// </summary>
[PreferLocalPlacement]
public sealed class ColocatedRegionGrain : RegionGrainBase;
