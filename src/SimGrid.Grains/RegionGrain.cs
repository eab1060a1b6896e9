using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Region;
using SimGrid.Model.Simulation;

namespace SimGrid.Grains;

/// <summary>
/// A region of a run, hosting the kernel's <see cref="RegionModel"/>. Called by its <see cref="SimulationGrain"/>
/// twice per tick; holds no logic of its own.
/// </summary>
public sealed class RegionGrain : Grain, IRegionGrain
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
