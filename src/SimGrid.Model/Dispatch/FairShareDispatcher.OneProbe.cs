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
    /// island bound below the uniform fraction would be probed first. False, and nothing kept, when the probe fails.
    /// </summary>
    private bool BothStagesAtOnce(ReadOnlySpan<RegionBalance> balances)
    {
        if (islands.Count > 0) return false;
        for (var r = 0; r < regionCount; r++)
        {
            baseMw[r] = 0;
            variableMw[r] = balances[r].CriticalDemandMw;
            active[r] = variableMw[r] > 0;
            target[r] = 0;
        }
        if (UniformFraction() < 1) return false;
        for (var r = 0; r < regionCount; r++)
        {
            baseMw[r] = balances[r].CriticalDemandMw;
            variableMw[r] = balances[r].DemandMw - balances[r].CriticalDemandMw;
            active[r] = variableMw[r] > 0;
            target[r] = baseMw[r];
        }
        var uniform = UniformFraction();
        // Last tick's flow, corrected, often shows the probe feasible without a max-flow (FairShareDispatcher.Certificate.cs).
        if (uniform < 1 && Certified(uniform))
        {
            FreezeAll(uniform);
            return true;
        }
        ZeroFlow();
        islands.BeginFill();
        routed = false;
        if (!Feasible(uniform)) return false;
        KeepFlow();
        FreezeAll(uniform);
        return true;
    }
}
