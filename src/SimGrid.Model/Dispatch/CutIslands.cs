namespace SimGrid.Model.Dispatch;

/// <summary>
/// Bounds on the next fairness level, taken from the minimum cuts of infeasible probes. The regions behind a minimum
/// cut often fall into several islands (linked among themselves, not to the rest of the cut's side), and each island is
/// a cut of its own: its regions cannot all get more than (what can flow into it - what it must serve already) divided
/// by its variable demand. Kept for the whole fill, the islands let most rounds start at the right level, where a
/// single bound over the whole cut (an average of the islands') needs several probes to come down to it.
/// Bounds are cached between freezes, and islands whose regions are all frozen are dropped. Allocates nothing once its
/// lists have grown to the grid's needs.
/// </summary>
/// <param name="active">Per region, whether its target still grows with the fraction (the dispatcher's array).</param>
internal sealed class CutIslands(int nodes, bool[] active, double[] baseMw, double[] variableMw, double[] target)
{
    private readonly int[] parent = new int[nodes];
    private readonly int[] islandOf = new int[nodes];
    private readonly double[] inflow = new double[nodes];
    private readonly List<int> members = [];
    private readonly List<(int Start, int Count, double InflowMw)> islands = [];
    private readonly List<double> bounds = [];

    public int Count => islands.Count;

    public void Clear()
    {
        members.Clear();
        islands.Clear();
        bounds.Clear();
    }

    /// <summary>Island <paramref name="i"/>'s bound as of the last <see cref="Update"/> (or its addition).</summary>
    public double Bound(int i) => bounds[i];

    /// <summary>Works every bound out again after regions were frozen, and drops the islands with none active left.</summary>
    public void Update()
    {
        var kept = 0;
        for (var i = 0; i < islands.Count; i++)
        {
            var bound = Compute(islands[i]);
            if (double.IsPositiveInfinity(bound)) continue;
            islands[kept] = islands[i];
            bounds[kept++] = bound;
        }
        islands.RemoveRange(kept, islands.Count - kept);
        bounds.RemoveRange(kept, bounds.Count - kept);
    }

    /// <summary>Adds the islands behind the network's current minimum cut (after an infeasible max-flow); returns the lowest of their bounds.</summary>
    public double AddFromCut(FlowNetwork network, int source, int sink, int firstRegion)
    {
        for (var n = 0; n < nodes; n++)
        {
            parent[n] = n;
            inflow[n] = 0;
            islandOf[n] = -1;
        }
        // Islands: the sink side (less the sink) joined by its own edges; their inflow: the cut edges into them.
        for (var e = 0; e < network.EdgeCount; e += 2)
        {
            int from = network.From(e), to = network.To(e);
            if (to == sink || from == source || network.ReachableFromSource(from) || network.ReachableFromSource(to)) continue;
            parent[Find(from)] = Find(to);
        }
        for (var e = 0; e < network.EdgeCount; e += 2)
        {
            int from = network.From(e), to = network.To(e);
            if (to != sink && network.ReachableFromSource(from) && !network.ReachableFromSource(to)) inflow[Find(to)] += network.Capacity(e);
        }
        // One island per group holding a region, in the order of their lowest region; members contiguous.
        var first = islands.Count;
        for (var node = firstRegion; node < nodes; node++)
        {
            if (network.ReachableFromSource(node)) continue;
            var root = Find(node);
            if (islandOf[root] < 0)
            {
                islandOf[root] = islands.Count;
                islands.Add((0, 0, inflow[root]));
            }
            var i = islandOf[root];
            islands[i] = islands[i] with { Count = islands[i].Count + 1 };
        }
        var start = members.Count;
        for (var i = first; i < islands.Count; i++)
        {
            islands[i] = islands[i] with { Start = start };
            start += islands[i].Count;
        }
        for (var k = members.Count; k < start; k++) members.Add(0);
        // Fill, reusing inflow[] as each island's write cursor (its inflow is stored already).
        for (var i = first; i < islands.Count; i++) inflow[i - first] = islands[i].Start;
        for (var node = firstRegion; node < nodes; node++)
        {
            if (network.ReachableFromSource(node)) continue;
            var i = islandOf[Find(node)] - first;
            members[(int)inflow[i]++] = node - firstRegion;
        }
        var lowest = double.PositiveInfinity;
        for (var i = first; i < islands.Count; i++)
        {
            bounds.Add(Compute(islands[i]));
            lowest = Math.Min(lowest, bounds[i]);
        }
        return lowest;
    }

    /// <summary>
    /// An island's bound on the common fraction of its active regions; +infinity once none is active. Summed in the
    /// order of the cut's edges and regions, so a cut that is one island gives the whole cut's bound exactly.
    /// </summary>
    private double Compute((int Start, int Count, double InflowMw) island)
    {
        var (start, count, inflowMw) = island;
        double fixedMw = 0, variable = 0;
        for (var k = start; k < start + count; k++)
        {
            var r = members[k];
            fixedMw += active[r] ? baseMw[r] : target[r];
            if (active[r]) variable += variableMw[r];
        }
        return variable > 0 ? (inflowMw - fixedMw) / variable : double.PositiveInfinity;
    }

    /// <summary>The regions of island <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> Regions(int i) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(members).Slice(islands[i].Start, islands[i].Count);

    private int Find(int n)
    {
        while (parent[n] != n)
        {
            parent[n] = parent[parent[n]];
            n = parent[n];
        }
        return n;
    }
}
