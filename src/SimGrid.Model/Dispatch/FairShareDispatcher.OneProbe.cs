using SimGrid.Model.Protocol;

namespace SimGrid.Model.Dispatch;

/// <summary>The usual tick: both stages settled by one probe, or by last tick's flow without any (Certificate).</summary>
public sealed partial class FairShareDispatcher
{
    // While a fill is played on the assumption that every probe is feasible (FillCertified).
    private bool assumingFeasible;
    // Whether a probe of last tick's dispatch was infeasible (found a cut).
    private bool lastTickCut;
    // Fills the kept flow failed to certify in a row, and the ticks still to wait before the next try (2^n - 1).
    private int failedTries, ticksBeforeTry;

    /// <summary>
    /// The usual tick in one probe: when generation and imports cover every critical load, stage 1 serves them all
    /// (uniform fraction 1) if the network carries them. Stage 2's first probe asks for at least that everywhere, so if
    /// it is feasible, stage 1's probe was too, and stage 1's targets are the critical loads exactly (0 + 1 x critical):
    /// the stage-2 probe alone decides the tick, as both stages would. Only with no bottleneck known (no islands): an
    /// island bound below the uniform fraction would be probed first. A tight probe is first tried on last tick's flow
    /// (<see cref="Certified"/>); one the max-flow finds feasible leaves its flow kept for the next tick. False when the
    /// probe fails: both stages then run from scratch.
    /// </summary>
    private bool BothStagesAtOnce(ReadOnlySpan<RegionBalance> balances)
    {
        // Both stages' national fractions in one pass, summed in region order as UniformFraction sums them: stage 1 has
        // no fixed part and the critical loads as its variable one; stage 2 the critical loads fixed and the rest variable.
        double supply = Math.Min(ImportLimitMw, SumImportCapacity()), criticalMw = 0, fixedMw = 0, variable = 0;
        for (var r = 0; r < regionCount; r++)
        {
            var critical = balances[r].CriticalDemandMw;
            var rest = balances[r].DemandMw - critical;
            supply += generationMw[r];
            if (critical > 0) criticalMw += critical;
            fixedMw += critical;
            if (rest > 0) variable += rest;
            (baseMw[r], variableMw[r], active[r], target[r]) = (critical, rest, rest > 0, critical);
        }
        if (criticalMw > 0 && Math.Clamp(supply / criticalMw, 0, 1) < 1) return false;
        var uniform = variable > 0 ? Math.Clamp((supply - fixedMw) / variable, 0, 1) : 1;
        // Bottlenecks known from earlier ticks: last tick's flow may show every probe of stage 2's fill feasible at once,
        // and stage 1's with them (each asks for at least the critical loads everywhere). Tried only while the
        // bottlenecks hold still (no probe of last tick found a new cut): on a large grid under attack new cuts come
        // every tick, and a fill played in vain costs about what working out its islands' bounds does (bench
        // `dispatch`: 3-8% slower when always tried), so after failed tries it waits longer before the next.
        // Otherwise both stages run their probes.
        if (islands.Count > 0)
        {
            var waiting = ticksBeforeTry > 0;
            if (waiting) ticksBeforeTry--;
            if (waiting || lastTickCut) return false;
            if (FillCertified())
            {
                failedTries = 0;
                return true;
            }
            failedTries = Math.Min(failedTries + 1, 5);
            ticksBeforeTry = (1 << failedTries) - 1;
            return false;
        }
        // Last tick's flow, corrected, often shows the probe feasible without a max-flow (FairShareDispatcher.Certificate.cs).
        if (uniform < 1 && Certified(uniform))
        {
            FreezeAll(uniform);
            return true;
        }
        ZeroFlow();
        islands.BeginFill();
        routed = false;
        maxFlowsInFill = 0;
        if (!Feasible(uniform)) return false;
        KeepFlow();
        FreezeAll(uniform);
        return true;
    }

    /// <summary>
    /// Stage 2's fill played as if every probe were feasible, then last tick's flow, corrected, checked against the
    /// targets it ends with. Levels only rise through a fill, so those targets are at or above every probe's: a flow
    /// that meets them meets each probe, each probe was feasible, and the fill played is the one the max-flows would
    /// have played. If the check fails, the islands forget the levels they set and the probes run.
    /// </summary>
    private bool FillCertified()
    {
        if (!flowKept) return false;
        assumingFeasible = true;
        var filled = Fill();
        assumingFeasible = false;
        if (filled && Certified(1)) return true;
        islands.ForgetUse();
        return false;
    }
}
