namespace SimGrid.Model.Protocol;

/// <summary>
/// Phase 4 of one tick and phases 1-2 of the next, done in one call: the tick's record and the next tick's balance.
/// A class, not a struct: a grain call's response, its task and its completion source each hold the result, and a
/// reference there instead of ~260 bytes of record and balance was about a third of a live tick's garbage.
/// </summary>
/// <param name="Tallies">The region's counts by asset class and weapon type after this tick (live telemetry).</param>
public sealed record RegionStepResult(RegionTickRecord Record, RegionBalance NextBalance, bool HasNext, RegionTallies? Tallies = null);
