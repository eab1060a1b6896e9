using SimGrid.Model.Protocol;

namespace SimGrid.Model.Dispatch;

/// <summary>The usual tick: both stages settled by one probe, or by last tick's flow without any (Certificate).</summary>
public sealed partial class FairShareDispatcher
{
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
        if (islands.Count > 0) return false;
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
}
