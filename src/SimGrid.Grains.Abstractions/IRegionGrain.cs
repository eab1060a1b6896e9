using Orleans.Concurrency;
using SimGrid.Model.Region;
using SimGrid.Model.Simulation;
using SimGrid.Model.Protocol;

namespace SimGrid.Grains.Abstractions;

/// <summary>One region in one run (key: "{run}/{region}"). Owns the region's state, crews and random streams.</summary>
public interface IRegionGrain : IGrainWithStringKey
{
    Task InitializeAsync(Immutable<RegionSetup> setup);

    /// <summary>Phases 1-2 of a tick: resolve the weapons that arrive here, then step weather, repair, heat and demand.</summary>
    Task<Immutable<RegionBalance>> StepAsync(int tick, Immutable<StrikeOrder[]> strikes);

    /// <summary>
    /// Phase 4 of the request's tick (apply what dispatch allocated), then, when it asks, phases 1-2 of the next one
    /// with its strikes: one call per region per tick instead of two. A value task: the caller awaits each call once,
    /// so no task object is made per region and tick. The answer is the region's own object, filled anew by each call
    /// (<see cref="RegionStepResult"/>): read it before the region's next tick.
    /// </summary>
    ValueTask<Immutable<RegionStepResult>> ApplyAndStepAsync(Immutable<RegionTickRequest> request);

    /// <summary>A live event or injected salvo, to take effect at <paramref name="tick"/> (applied just before that tick's step).</summary>
    Task InjectAsync(int tick, Immutable<RegionInjection> injection);

    /// <summary>Deactivates this region grain once idle: its run has ended.</summary>
    Task ReleaseAsync();
}
