namespace SimGrid.Model.Protocol;

/// <summary>Phase 4 of one tick and phases 1-2 of the next, done in one call: the tick's record and the next tick's balance.</summary>
/// <param name="Tallies">The region's counts by asset class and weapon type after this tick (live telemetry).</param>
public readonly record struct RegionStepResult(RegionTickRecord Record, RegionBalance NextBalance, bool HasNext, RegionTallies? Tallies = null);
