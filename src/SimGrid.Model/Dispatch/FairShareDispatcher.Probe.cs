namespace SimGrid.Model.Dispatch;

/// <summary>A feasibility probe: can the network serve every region's target at a fraction?</summary>
public sealed partial class FairShareDispatcher
{
    private const double ToleranceMw = 1e-6;

    /// <summary>
    /// A probe is served when what reaches the regions falls short of its targets by at most this share of them (or
    /// <see cref="ToleranceMw"/>, whichever is larger). Summing ten thousand regions' flows of a gigawatt in all
    /// carries rounding errors near 1e-6 MW: with that absolute tolerance alone, a level that a cut meets exactly was
    /// found feasible or not by rounding, and which levels were set depended on which maximum flow the search found
    /// (the served total of 190 ticks of the 10,000-region grid moved by 6e-6 when the search changed). A billionth of
    /// the demand (20 W of 20 GW) is a thousand times that noise and nothing physical.
    /// </summary>
    private const double RelativeTolerance = 1e-9;

    // What the probe under test asks for, and the test that stops a max-flow once it is served (made once: no garbage per probe).
    private double wanted;
    private readonly Func<bool> servedEnough;
    // Whether the network's flow is the last feasible one, as saved (a large grid's residuals are a megabyte).
    private bool flowSaved;
    // Whether this fill has run the greedy routes (once per fill: see Feasible).
    private bool routed;
    // Max-flows run in this fill: its first two route the bulk of the power (see Probe).
    private int maxFlowsInFill;

    /// <summary>What region <paramref name="r"/> is asked for at <paramref name="fraction"/>: its base plus that share of
    /// its variable demand while it still fills, else the target it was frozen at.</summary>
    private double TargetAt(int r, double fraction) => active[r] ? baseMw[r] + (fraction * variableMw[r]) : target[r];

    private bool Feasible(double fraction)
    {
        if (assumingFeasible) return true;
        var feasible = Probe(fraction);
        Count(feasible);
        return feasible;
    }

    private bool Probe(double fraction)
    {
        // After a feasible probe the network holds the flow just saved: restoring it would copy it onto itself.
        if (!flowSaved) network.RestoreFlow(feasibleFlow);
        flowSaved = false;
        wanted = 0;
        for (var r = 0; r < regionCount; r++)
        {
            var t = TargetAt(r, fraction);
            network.Raise(demandEdge[r], t);
            wanted += t;
        }
        // Each region's own generation first, straight to its demand, then what neighbours spare over their tie-line and
        // imports straight from the hub: often every target is met by then, and the max-flow's search is not needed.
        // Once per fill: later probes start from the last feasible flow, which carries these routes whenever the first
        // probe was feasible (as it usually is); on a large grid a pass over every region and line per probe costs more
        // than the few megawatts it would still place, and the max-flow places them anyway (the levels do not depend on
        // which flow it finds: RelativeTolerance).
        if (!routed)
        {
            routed = true;
            for (var r = 0; r < regionCount; r++) network.Route(generationEdge[r], demandEdge[r], double.PositiveInfinity);
            foreach (var (edge, from, to, _) in links) network.Route(generationEdge[from], edge, demandEdge[to]);
            for (var r = 0; r < regionCount; r++) network.Route(hubEdge, importEdge[r], demandEdge[r]);
        }
        if (!servedEnough())
        {
            // A fill's first two max-flows route most of the power from the critical loads' flow (nine tenths of all
            // the searching on a 10,000-region grid, bench `dispatch`): push-relabel does that in a fraction of the
            // searches; the later ones each add a few megawatts, which a tree search or two finds sooner. Counted by
            // max-flows, not probes: a probe the routes above already serve (a bound of 0 from last tick's islands)
            // took the second push-relabel from the probe that needed it (a 10,000-region wave tick's 53 ms of tree
            // searches).
            network.Augment(Source, Sink, servedEnough, bulk: maxFlowsInFill++ < 2);
            if (!servedEnough()) return false;
        }
        network.SaveFlow(feasibleFlow);
        flowSaved = true;
        return true;
    }

    private double Served()
    {
        double flow = 0;
        for (var r = 0; r < regionCount; r++) flow += network.Flow(demandEdge[r]);
        return flow;
    }
}
