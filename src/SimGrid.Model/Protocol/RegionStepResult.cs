namespace SimGrid.Model.Protocol;

/// <summary>
/// Phase 4 of one tick and phases 1-2 of the next, done in one call: the tick's record and the next tick's balance.
/// A class, not a struct: a grain call's response, its task and its completion source each hold the result, and a
/// reference there instead of ~260 bytes of record and balance was about a third of a live tick's garbage.
/// Filled anew by each call into one instance that the region keeps (a fresh one every tick was still a quarter of a
/// live tick's garbage, 2026-12-01): read it before asking the same region for its next tick, as the simulation grain
/// does. Across silos the answer is serialized, so the caller then holds a copy of its own.
/// </summary>
public sealed class RegionStepResult
{
    public RegionTickRecord Record { get; set; }

    public RegionBalance NextBalance { get; set; }

    public bool HasNext { get; set; }

    /// <summary>The region's counts by asset class and weapon type after this tick (live telemetry).</summary>
    public RegionTallies? Tallies { get; set; }
}
