namespace SimGrid.Model.Dispatch;

/// <summary>
/// Bounds on the next fairness level, taken from the minimum cuts of infeasible probes. The regions behind a minimum
/// cut often fall into several islands (linked among themselves, not to the rest of the cut's side), and each island is
/// a cut of its own: its regions cannot all get more than (what can flow into it - what it must serve already) divided
/// by its variable demand. Kept for the whole fill, the islands let most rounds start at the right level, where a
/// single bound over the whole cut (an average of the islands') needs several probes to come down to it.
/// The islands that set a level are kept for the next tick too, their inflow taken again at its capacities: from one
/// quarter hour to the next the same bottlenecks usually bind. Any set of regions is a valid cut, so an island that no
/// longer binds costs a bound, never a wrong level. Allocates nothing once its lists have grown to the grid's needs.
/// </summary>
/// <param name="active">Per region, whether its target still grows with the fraction (the dispatcher's array).</param>
internal sealed partial class CutIslands(int nodes, bool[] active, double[] baseMw, double[] variableMw, double[] target)
{
    private struct Island
    {
        public int Start, Count, CrossStart, CrossCount;
        public double InflowMw, Bound;
        public bool Dead, Used, Fresh;
        // What Compute keeps between calls within a fill: the members still active when it last ran (in `live`, at
        // Start), and the targets of those frozen since, summed as they were found frozen (Stale: not built this fill).
        public int LiveCount;
        public double FrozenMw;
        public bool Stale;
    }

    private readonly int[] parent = new int[nodes];
    private readonly int[] islandOf = new int[nodes];
    private readonly int[] crossCount = new int[nodes];
    private readonly int[] cursor = new int[nodes];
    private readonly int[] size = new int[nodes];
    private readonly int[] rootOf = new int[nodes];
    private readonly List<int> members = [];
    // Each island's members still active as of its last bound, at the island's own Start (as long as `members`).
    private readonly List<int> live = [];
    private readonly List<int> crossing = [];     // each island's entering edges, in edge order
    private readonly List<Island> islands = [];
    // Scratch for AddFromCut: the edges entering the sink side from the source side.
    private readonly List<int> entering = [];

    public int Count => islands.Count;

    /// <summary>
    /// Island <paramref name="i"/>'s bound as last worked out: exact once <see cref="Lowest"/> or <see cref="SettleUpTo"/>
    /// has worked it out since regions were last frozen, a lower bound on it otherwise.
    /// </summary>
    public double Bound(int i) => islands[i].Bound;

    /// <summary>The regions of island <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> Regions(int i) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(members).Slice(islands[i].Start, islands[i].Count);

    /// <summary>
    /// Takes over <paramref name="other"/>'s islands (a fork of its dispatcher): the same bottlenecks known, so the next
    /// ticks find their levels through the same cuts, to the bit. A level found through another, equally exact cut can
    /// differ in the last digits.
    /// </summary>
    public void CopyFrom(CutIslands other)
    {
        members.Clear();
        members.AddRange(other.members);
        live.Clear();
        live.AddRange(other.live);
        crossing.Clear();
        crossing.AddRange(other.crossing);
        islands.Clear();
        islands.AddRange(other.islands);
    }

    /// <summary>Island <paramref name="i"/> set a level: keep it for the next tick.</summary>
    public void MarkUsed(int i) => islands[i] = islands[i] with { Used = true };

    /// <summary>A new tick: keeps the islands that set a level in the last one, with their inflow at the new capacities.</summary>
    public void BeginTick(FlowNetwork network)
    {
        int kept = 0, memberEnd = 0, crossEnd = 0;
        for (var i = 0; i < islands.Count; i++)
        {
            var island = islands[i];
            if (!island.Used) continue;
            // Ranges only ever move left, in order, so copying in place is safe.
            for (var k = 0; k < island.Count; k++) members[memberEnd + k] = members[island.Start + k];
            for (var k = 0; k < island.CrossCount; k++) crossing[crossEnd + k] = crossing[island.CrossStart + k];
            (island.Start, island.CrossStart) = (memberEnd, crossEnd);
            memberEnd += island.Count;
            crossEnd += island.CrossCount;
            island.InflowMw = Inflow(network, island);
            (island.Used, island.Dead, island.Fresh, island.Bound, island.Stale) = (false, false, false, double.NegativeInfinity, true);
            islands[kept++] = island;
        }
        islands.RemoveRange(kept, islands.Count - kept);
        members.RemoveRange(memberEnd, members.Count - memberEnd);
        live.RemoveRange(memberEnd, live.Count - memberEnd);
        crossing.RemoveRange(crossEnd, crossing.Count - crossEnd);
    }

    /// <summary>A new fill (critical demand, then the rest): every island may bound again.</summary>
    public void BeginFill()
    {
        // Bases and variable demands are new: no bound known yet (minus infinity is a lower bound on any).
        for (var i = 0; i < islands.Count; i++) islands[i] = islands[i] with { Dead = false, Fresh = false, Bound = double.NegativeInfinity, Stale = true };
    }

    /// <summary>
    /// Adds the islands behind the network's current minimum cut (after an infeasible max-flow), but those already
    /// known; returns the lowest of their bounds.
    /// </summary>
    public double AddFromCut(FlowNetwork network, int source, int sink, int firstRegion)
    {
        for (var n = 0; n < nodes; n++)
        {
            parent[n] = n;
            size[n] = 1;
            islandOf[n] = -1;
            crossCount[n] = 0;
        }
        // Islands: the sink side (less the sink) joined by its own edges; their entering edges all come from the source
        // side. One pass over the edges finds both; the entering ones are kept in edge order, as every sum over them is
        // taken (a bound is then bit-identical to one worked out from scratch). Groups are joined by size, so the one
        // that grows to most of a large grid stays shallow (which root a group has does not change what it holds).
        entering.Clear();
        for (var e = 0; e < network.EdgeCount; e += 2)
        {
            int from = network.From(e), to = network.To(e);
            if (to == sink || network.ReachableFromSource(to)) continue;
            if (network.ReachableFromSource(from)) entering.Add(e);
            else Union(from, to);
        }
        // Each sink-side node's group, found once; one island per group holding a region, in the order of their lowest
        // region, counted in cursor (scratch until the layout below).
        var first = islands.Count;
        for (var node = 0; node < nodes; node++)
        {
            if (node == sink || network.ReachableFromSource(node)) continue;
            var root = rootOf[node] = Find(node);
            if (node < firstRegion) continue;
            if (islandOf[root] < 0)
            {
                islandOf[root] = islands.Count;
                cursor[islands.Count - first] = 0;
                islands.Add(new Island());
            }
            cursor[islandOf[root] - first]++;
        }
        foreach (var e in entering) crossCount[islandOf[rootOf[network.To(e)]] - first]++;
        // Members and entering edges, each island's contiguous, in region and edge order.
        int memberAt = members.Count, crossAt = crossing.Count;
        for (var i = first; i < islands.Count; i++)
        {
            var (count, c) = (cursor[i - first], crossCount[i - first]);
            islands[i] = new Island { Start = memberAt, Count = count, CrossStart = crossAt, CrossCount = c };
            cursor[i - first] = memberAt;
            memberAt += count;
            crossAt += c;
        }
        for (var k = members.Count; k < memberAt; k++)
        {
            members.Add(0);
            live.Add(0);
        }
        for (var k = crossing.Count; k < crossAt; k++) crossing.Add(0);
        var memberSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(members);
        for (var node = firstRegion; node < nodes; node++)
        {
            if (!network.ReachableFromSource(node)) memberSpan[cursor[islandOf[rootOf[node]] - first]++] = node - firstRegion;
        }
        for (var i = first; i < islands.Count; i++) cursor[i - first] = islands[i].CrossStart;
        var crossSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(crossing);
        foreach (var e in entering) crossSpan[cursor[islandOf[rootOf[network.To(e)]] - first]++] = e;
        var lowest = double.PositiveInfinity;
        var kept = first;
        for (var i = first; i < islands.Count; i++)
        {
            var island = islands[i];
            island.InflowMw = Inflow(network, island);
            island.Stale = true;
            island.Bound = Compute(ref island);
            island.Dead = double.IsPositiveInfinity(island.Bound);
            island.Fresh = true;
            lowest = Math.Min(lowest, island.Bound);
            if (!Known(island, first)) islands[kept++] = island;
        }
        islands.RemoveRange(kept, islands.Count - kept);
        return lowest;
    }

    /// <summary>Whether an island with the same regions is already kept (the same cut found again).</summary>
    private bool Known(Island island, int before)
    {
        for (var i = 0; i < before; i++)
        {
            var other = islands[i];
            if (other.Count != island.Count || other.CrossCount != island.CrossCount) continue;
            var same = true;
            for (var k = 0; same && k < island.Count; k++) same = members[other.Start + k] == members[island.Start + k];
            if (same) return true;
        }
        return false;
    }

    /// <summary>What can flow into an island: its entering edges' capacities, summed in edge order.</summary>
    private double Inflow(FlowNetwork network, Island island)
    {
        double sum = 0;
        for (var k = island.CrossStart; k < island.CrossStart + island.CrossCount; k++) sum += network.Capacity(crossing[k]);
        return sum;
    }

    /// <summary>
    /// An island's bound on the common fraction of its active regions; +infinity once none is active. Only the members
    /// still active when it last ran are read again (regions only freeze within a fill, and a frozen target stays): late
    /// in a fill on a large grid a handful of regions are active in islands of thousands, whose bounds were worked out
    /// member by member every round. The frozen targets are summed as they are found frozen, so a bound can differ from
    /// one summed in member order in its last bits, as any order of a sum can; the levels are those bounds, and equally exact.
    /// </summary>
    private double Compute(ref Island island)
    {
        var from = island.Start;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(live);
        var n = 0;
        if (island.Stale)
        {
            (island.FrozenMw, island.Stale) = (0, false);
            for (var k = from; k < from + island.Count; k++)
            {
                var r = members[k];
                if (active[r]) span[from + n++] = r;
                else island.FrozenMw += target[r];
            }
        }
        else
        {
            for (var k = from; k < from + island.LiveCount; k++)
            {
                var r = span[k];
                if (active[r]) span[from + n++] = r;
                else island.FrozenMw += target[r];
            }
        }
        island.LiveCount = n;
        double fixedMw = island.FrozenMw, variable = 0;
        for (var k = from; k < from + n; k++)
        {
            var r = span[k];
            fixedMw += baseMw[r];
            variable += variableMw[r];
        }
        return variable > 0 ? (island.InflowMw - fixedMw) / variable : double.PositiveInfinity;
    }

    private void Union(int a, int b)
    {
        (a, b) = (Find(a), Find(b));
        if (a == b) return;
        if (size[a] > size[b]) (a, b) = (b, a);
        parent[a] = b;
        size[b] += size[a];
    }

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
