namespace SimGrid.Model.Dispatch;

/// <summary>Reading a minimum cut into islands: the sink side's groups of regions joined by their own edges.</summary>
internal sealed partial class CutIslands
{
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
