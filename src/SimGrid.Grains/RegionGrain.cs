using Orleans.Concurrency;
using Orleans.Placement;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Region;
using SimGrid.Model.Simulation;

namespace SimGrid.Grains;

/// <summary>
/// A region of a run, hosting the kernel's <see cref="RegionModel"/>. Called by its <see cref="SimulationGrain"/> once
/// per tick; holds no logic of its own. Placed at random so that a large grid's regions use every silo.
/// </summary>
[RandomPlacement]
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

    public Task<Immutable<RegionStepResult>> ApplyAndStepAsync(int tick, Immutable<RegionAllocation> allocation, Immutable<StrikeOrder[]>? nextStrikes)
    {
        var record = Model.Apply(tick, allocation.Value);
        var next = nextStrikes is { } strikes ? Model.Step(tick + 1, strikes.Value) : default;
        return Task.FromResult(new Immutable<RegionStepResult>(new RegionStepResult(record, next, nextStrikes is not null)));
    }

    public Task StopAsync()
    {
        model = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private RegionModel Model => model ?? throw new InvalidOperationException($"region grain {this.GetPrimaryKeyString()} was not initialized");
}
