using Orleans.Concurrency;
using SimGrid.Model.Region;
using SimGrid.Model.Protocol;

namespace SimGrid.Grains.Abstractions;

/// <summary>Ticks played by one <see cref="ISimulationGrain.AdvanceAsync"/> call.</summary>
/// <param name="FirstTick">Index of the first tick in <paramref name="Records"/>.</param>
/// <param name="Records">Per tick, one record per region in grid order: Records[tick - FirstTick][region].</param>
/// <param name="Finished">Whether the run has played its last tick.</param>
/// <param name="Tallies">Each region's counts by asset class and weapon type after the batch's last tick (grid order).</param>
[GenerateSerializer, Immutable]
public sealed record TickBatch(
    [property: Id(0)] int FirstTick,
    [property: Id(1)] Immutable<RegionTickRecord[][]> Records,
    [property: Id(2)] int TickCount,
    [property: Id(3)] bool Finished,
    [property: Id(4)] Immutable<RegionTallies[]> Tallies);
