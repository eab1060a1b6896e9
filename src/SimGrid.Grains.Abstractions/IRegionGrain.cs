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
    /// Phase 4 of <paramref name="tick"/> (apply what dispatch allocated), then, when <paramref name="stepNext"/>, phases
    /// 1-2 of the next one with <paramref name="nextStrikes"/>: one call per region per tick instead of two. A value task:
    /// the caller awaits each call once, so no task object is made per region and tick.
    /// </summary>
    ValueTask<Immutable<RegionStepResult>> ApplyAndStepAsync(int tick, Immutable<RegionAllocation> allocation, bool stepNext, Immutable<StrikeOrder[]> nextStrikes);

    /// <summary>A live event or injected salvo, to take effect at <paramref name="tick"/> (applied just before that tick's step).</summary>
    Task InjectAsync(int tick, Immutable<RegionInjection> injection);

    /// <summary>Deactivates this region grain once idle: its run has ended.</summary>
    Task ReleaseAsync();
}
