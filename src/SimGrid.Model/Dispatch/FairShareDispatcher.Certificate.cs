namespace SimGrid.Model.Dispatch;

/// <summary>
/// A feasible flow built without a max-flow, for the usual tick. On most ticks no tie-line binds (in the seed week, two
/// ticks in three), and the flow that served last tick serves this one after small corrections: demand and generation
/// move a few percent in a quarter hour. So last tick's flows on the tie-lines and import lines are kept; what the hub has not sent yet
/// goes out over import lines with room; then each region's spare (its generation less what it must still supply with
/// those flows, negative when short) is sent along a spanning tree of the tie-lines, and the flows are checked against
/// this tick's capacities. If they hold, the probe's targets are met by a flow that exists, which is all a feasible probe
/// decides: the max-flow would answer the same, so results do not change. If any check fails (damage lowered a line, a
/// correction does not fit), the max-flow decides as before.
/// </summary>
public sealed partial class FairShareDispatcher
{
    /// <summary>Ticks settled by last tick's flow, without a max-flow (for benchmarks and tests).</summary>
    public long TicksSettledByKeptFlow { get; private set; }

    // Last tick's feasible flow, per directed tie-line (in `links` order) and per region's import line.
    private double[] keptTieMw = [], keptImportMw = [], correctedTieMw = [], correctedImportMw = [];
    private bool flowKept;

    private double[] spareMw = [], ownSpareMw = [];

    private void PrepareCertificate()
    {
        (treeOrder, treeLink, treeParent) = (new int[regionCount], new int[regionCount], new int[regionCount]);
        (spareMw, ownSpareMw, roomMw, inTree) = (new double[regionCount], new double[regionCount], new double[regionCount], new bool[regionCount]);
        (keptTieMw, correctedTieMw) = (new double[links.Length], new double[links.Length]);
        (keptImportMw, correctedImportMw) = (new double[regionCount], new double[regionCount]);
        linksIntoStart = new int[regionCount + 1];
        foreach (var link in links) linksIntoStart[link.To + 1]++;
        for (var r = 0; r < regionCount; r++) linksIntoStart[r + 1] += linksIntoStart[r];
        linksInto = new int[links.Length];
        var fill = linksIntoStart[..regionCount];
        for (var k = 0; k < links.Length; k++) linksInto[fill[links[k].To]++] = k;
        if (regionCount <= WidestTreeUpTo)
        {
            linkBetween = new int[regionCount * regionCount];
            Array.Fill(linkBetween, -1);
            for (var k = 0; k < links.Length; k++)
            {
                ref var slot = ref linkBetween[(links[k].From * regionCount) + links[k].To];
                if (slot < 0) slot = k;
            }
        }
        else
        {
            BreadthFirstTree();
            treeChosen = true;
        }
    }

    /// <summary>
    /// True when last tick's flow, corrected, meets every target at <paramref name="fraction"/> within this tick's
    /// capacities (then it is kept for the next tick). Every region but a tree's root sends its whole spare up the tree,
    /// as a tight probe needs (the national fraction below 1: every megawatt is used); the roots keep what is left,
    /// which rounding aside is nothing when the probe is tight. With <paramref name="smallestTolerance"/>, what the flow
    /// may miss by is the tolerance of the smallest probe (<see cref="ToleranceMw"/>), not this one's share of its targets.
    /// </summary>
    private bool Certified(double fraction, bool smallestTolerance = false)
    {
        if (!flowKept) return false;
        double wantedMw = 0, importsMw = 0;
        for (var r = 0; r < regionCount; r++)
        {
            wantedMw += TargetAt(r, fraction);
            importsMw += keptImportMw[r];
        }
        if (!SpreadImports(Math.Min(ImportLimitMw, SumImportCapacity()) - importsMw)) return false;
        for (var r = 0; r < regionCount; r++)
        {
            ownSpareMw[r] = generationMw[r] + correctedImportMw[r] - TargetAt(r, fraction);
        }
        for (var k = 0; k < links.Length; k++)
        {
            ownSpareMw[links[k].To] += keptTieMw[k];
            ownSpareMw[links[k].From] -= keptTieMw[k];
        }
        var tolerance = smallestTolerance ? ToleranceMw : Math.Max(ToleranceMw, RelativeTolerance * wantedMw);
        // Last tick's tree first: it usually still has room. Then, on a small grid, the widest tree for this tick's flow.
        var fits = treeChosen && Corrected(tolerance);
        if (!fits && regionCount <= WidestTreeUpTo)
        {
            WidestTree();
            fits = Corrected(tolerance);
        }
        treeChosen = fits || regionCount > WidestTreeUpTo;
        if (!fits) return false;
        (keptTieMw, correctedTieMw) = (correctedTieMw, keptTieMw);
        (keptImportMw, correctedImportMw) = (correctedImportMw, keptImportMw);
        TicksSettledByKeptFlow++;
        return true;
    }

    /// <summary>
    /// Sends each region's spare up the current tree into <see cref="correctedTieMw"/>; true when every line, every root
    /// and the total shortfall are within bounds.
    /// </summary>
    private bool Corrected(double toleranceMw)
    {
        Array.Copy(ownSpareMw, spareMw, regionCount);
        // Subtree sums, leaves first: what a subtree has spare (or lacks) crosses the line to its parent.
        for (var i = regionCount - 1; i >= 0; i--)
        {
            var v = treeOrder[i];
            if (treeParent[v] >= 0) spareMw[treeParent[v]] += spareMw[v];
        }
        double shortMw = 0;
        for (var v = 0; v < regionCount; v++)
        {
            if (treeParent[v] >= 0) continue;
            // A root uses its own generation less what its tree has left over: at least none, at most all of it.
            if (spareMw[v] > generationMw[v]) return false;
            shortMw += Math.Max(0, -spareMw[v]);
        }
        if (shortMw > toleranceMw) return false;
        Array.Copy(keptTieMw, correctedTieMw, links.Length);
        for (var v = 0; v < regionCount; v++)
        {
            var k = treeLink[v];
            if (k < 0) continue;
            // The subtree's spare goes up, net of what already flowed on the line either way.
            var up = keptTieMw[k] - keptTieMw[k ^ 1] + spareMw[v];
            (correctedTieMw[k], correctedTieMw[k ^ 1]) = (Math.Max(0, up), Math.Max(0, -up));
        }
        // A line over its capacity by e can carry e less, and the regions beyond it get at most e less: a flow whose
        // excesses and shortfall together stay within the probe's tolerance shows the probe feasible, as a max-flow
        // serving that much would. Lines a binding island's inflow fills to the limit come out of the sums above a few
        // ulps over it (the seed week: 286 of 304 failed checks were under a microwatt).
        var overMw = 0.0;
        for (var k = 0; k < links.Length; k++)
        {
            overMw += Math.Max(0, correctedTieMw[k] - network.Capacity(links[k].Edge));
        }
        return shortMw + overMw <= toleranceMw;
    }

    /// <summary>
    /// Last tick's imports changed by <paramref name="moreMw"/> (what the hub sends when every megawatt is used, less
    /// what it sent), spread over the import lines in region order: more where a line has room, less where it carries
    /// some. False when the lines cannot take it; every line is checked against this tick's capacity.
    /// </summary>
    private bool SpreadImports(double moreMw)
    {
        for (var r = 0; r < regionCount; r++)
        {
            // A line carrying more than it can now gives the difference back to be sent elsewhere.
            correctedImportMw[r] = Math.Min(keptImportMw[r], network.Capacity(importEdge[r]));
            moreMw += keptImportMw[r] - correctedImportMw[r];
        }
        for (var r = 0; r < regionCount && moreMw != 0; r++)
        {
            var change = moreMw > 0
                ? Math.Min(moreMw, network.Capacity(importEdge[r]) - correctedImportMw[r])
                : Math.Max(moreMw, -correctedImportMw[r]);
            correctedImportMw[r] += change;
            moreMw -= change;
        }
        return Math.Abs(moreMw) <= ToleranceMw;
    }

    /// <summary>Keeps the flow a feasible max-flow probe left in the network, for the next tick's certificate.</summary>
    private void KeepFlow()
    {
        for (var k = 0; k < links.Length; k++) keptTieMw[k] = network.Flow(links[k].Edge);
        for (var r = 0; r < regionCount; r++) keptImportMw[r] = network.Flow(importEdge[r]);
        flowKept = true;
    }

    /// <summary>A copy of the kept flow for a forecast branch.</summary>
    private void CopyKeptFlow(FairShareDispatcher from) =>
        (keptTieMw, keptImportMw, flowKept) = ([.. from.keptTieMw], [.. from.keptImportMw], from.flowKept);
}
