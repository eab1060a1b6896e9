using SimGrid.Model.Protocol;

namespace SimGrid.Model.Dispatch;

/// <summary>
/// A tick whose bottlenecks are known (islands kept from earlier ticks) and hold still, settled without a max-flow:
/// both stages are played as if every probe were feasible, and last tick's flow, corrected (Certificate.cs), is checked
/// against the targets they end with. Levels only rise through a fill, and stage 2 starts from what stage 1 gave, so
/// those targets are at or above every probe's: a flow that meets them meets each probe, each probe was feasible, and
/// the stages played are the ones the max-flows would have played. In the seed week a bottleneck found on the night
/// of the attack binds for days (a region behind its damaged substations), and this settles 660 of its 672 ticks.
/// </summary>
public sealed partial class FairShareDispatcher
{
    // While both stages are played on the assumption that every probe is feasible.
    private bool assumingFeasible;
    // Whether a probe of last tick's dispatch was infeasible (found a cut).
    private bool lastTickCut;
    // Tries the kept flow failed in a row, and the ticks still to wait before the next try (2^n - 1: on a grid where it
    // never holds, a handful of tries in a week).
    private int failedTries, ticksBeforeTry;

    /// <summary>
    /// True when the stages played on the assumption that every probe holds end with targets last tick's flow can be
    /// corrected to meet; false (the islands forgetting the levels they set) when the probes must run. Tried only
    /// while the bottlenecks hold still (no probe of last tick found a new cut): on a large grid under attack new cuts
    /// come every tick, and stages played in vain cost about what working out the islands' bounds does (bench
    /// `dispatch`: 3-8% slower when always tried), so after failed tries it waits longer before the next.
    /// </summary>
    private bool StagesCertified(ReadOnlySpan<RegionBalance> balances)
    {
        if (islands.Count == 0 || !flowKept) return false;
        var waiting = ticksBeforeTry > 0;
        if (waiting) ticksBeforeTry--;
        if (waiting || lastTickCut) return false;
        assumingFeasible = true;
        PlayStages(balances);
        assumingFeasible = false;
        // Every region is frozen now: the fraction asked of Certified is not read. The earlier probes ask for less, and a
        // probe's tolerance is its share of what it asks: the check uses the smallest any probe has, so that a flow it
        // accepts is within every probe's own tolerance, not only the last one's.
        if (Certified(1, smallestTolerance: true))
        {
            failedTries = 0;
            return true;
        }
        islands.ForgetUse();
        failedTries = Math.Min(failedTries + 1, 20);
        ticksBeforeTry = (1 << failedTries) - 1;
        return false;
    }
}
