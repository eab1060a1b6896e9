namespace SimGrid.Model.Dispatch;

/// <summary>
/// A small directed network with a max-flow: augmenting along breadth-first trees, or push-relabel for a bulk of flow
/// (FlowNetwork.PushRelabel.cs), then Dinic's phases to finish and prove it maximum. Topology is fixed once; capacities change every solve.
/// Written here rather than taken from a graph library so that a solve allocates nothing: dispatch runs
/// dozens of max-flows per tick (see docs in <see cref="FairShareDispatcher"/>).
/// </summary>
public sealed partial class FlowNetwork
{
    private readonly int nodes;
    private readonly List<int> to = [];
    private readonly List<int> next = [];
    private double[] capacity = [];
    private double[] residual = [];
    private int[] edgeTo = [];
    private int[] edgeNext = [];
    private readonly int[] head;
    private readonly int[] level;
    private readonly int[] cursor;
    private readonly int[] queue;
    private readonly int[] parentEdge;
    private readonly double[] width;
    private readonly bool[] wants;

    public FlowNetwork(int nodes)
    {
        this.nodes = nodes;
        head = new int[nodes];
        Array.Fill(head, -1);
        level = new int[nodes];
        cursor = new int[nodes];
        queue = new int[nodes];
        parentEdge = new int[nodes];
        width = new double[nodes];
        wants = new bool[nodes];
    }

    /// <summary>Adds u -> v and its residual twin; returns the forward edge's index.</summary>
    public int AddEdge(int u, int v)
    {
        var e = to.Count;
        to.Add(v);
        next.Add(head[u]);
        head[u] = e;
        to.Add(u);
        next.Add(head[v]);
        head[v] = e + 1;
        return e;
    }

    /// <summary>Fixes the topology: the edge arrays are built once, after the last <see cref="AddEdge"/>.</summary>
    private void Materialize()
    {
        if (edgeTo.Length == to.Count) return;
        edgeTo = [.. to];
        edgeNext = [.. next];
        Array.Resize(ref capacity, to.Count);
        residual = new double[to.Count];
    }

    public void SetCapacity(int edge, double value)
    {
        Materialize();
        capacity[edge] = Math.Max(0, value);
    }

    public double Capacity(int edge) => capacity[edge];

    /// <summary>Breadth-first tree searches made so far (<see cref="AugmentAlongTree"/>): what a large grid's dispatch is made of.</summary>
    public long TreeSearches { get; private set; }

    /// <summary>Nodes those searches have taken from their queues: what they cost, since a search ends once it has reached every node that wants more.</summary>
    public long TreeSearchNodes { get; private set; }

    /// <summary>Push-relabel's moves of a shortfall along an edge so far (<see cref="PullRelabel"/>).</summary>
    public long ShortfallMoves { get; private set; }

    /// <summary>Push-relabel's labellings so far, each a breadth-first search of the whole network.</summary>
    public long Labellings { get; private set; }

    /// <summary>Edges as added, at even indices (odd indices are their residual twins).</summary>
    public int EdgeCount => to.Count;

    public int From(int edge) => edgeTo[edge ^ 1];

    public int To(int edge) => edgeTo[edge];

    /// <summary>The flow on a forward edge: what its residual twin could send back.</summary>
    public double Flow(int edge) => residual[edge ^ 1];

    public double Solve(int source, int sink)
    {
        Reset();
        return Augment(source, sink);
    }

    /// <summary>
    /// Changes an edge's capacity keeping the flow it carries (a warm start: the flow stays valid as long as the new
    /// capacity is at least that flow, which callers guarantee; below it, the edge is left saturated).
    /// </summary>
    public void Raise(int edge, double value)
    {
        capacity[edge] = Math.Max(0, value);
        residual[edge] = Math.Max(0, capacity[edge] - residual[edge ^ 1]);
    }

    /// <summary>Keeps the current flow (as residual capacities) in <paramref name="into"/>, sized <see cref="EdgeCount"/>.</summary>
    public void SaveFlow(double[] into) => Array.Copy(residual, into, residual.Length);

    /// <summary>Returns to a flow kept by <see cref="SaveFlow"/>; capacities changed since must be set again with <see cref="Raise"/>.</summary>
    public void RestoreFlow(double[] from) => Array.Copy(from, residual, residual.Length);

    /// <summary>Starts from zero flow.</summary>
    public void Reset()
    {
        Materialize();
        Array.Copy(capacity, residual, capacity.Length);
    }

    /// <summary>Sends flow along a path of edges given in order (a known-good start such as local supply); returns what it sent.</summary>
    public double Route(int first, int second, double amount)
    {
        var sent = Math.Min(amount, Math.Min(residual[first], residual[second]));
        if (sent <= 0) return 0;
        residual[first] -= sent;
        residual[first ^ 1] += sent;
        residual[second] -= sent;
        residual[second ^ 1] += sent;
        return sent;
    }

    /// <summary>Like <see cref="Route(int, int, double)"/> along three edges in order.</summary>
    public double Route(int first, int second, int third)
    {
        var sent = Math.Min(residual[first], Math.Min(residual[second], residual[third]));
        if (sent <= 0) return 0;
        residual[first] -= sent;
        residual[first ^ 1] += sent;
        residual[second] -= sent;
        residual[second ^ 1] += sent;
        residual[third] -= sent;
        residual[third ^ 1] += sent;
        return sent;
    }

    /// <summary>
    /// Augments from the current flow to a maximum one; returns the flow added. First along shortest-path trees from
    /// the source (<see cref="AugmentAlongTree"/>) while they carry anything, or, for a <paramref name="bulk"/> of
    /// power still to route, by push-relabel from the sink's side (<see cref="PullRelabel"/>); then Dinic's phases for
    /// what is left, which prove the flow maximum and leave what the source reaches (<see cref="ReachableFromSource"/>).
    /// With <paramref name="enough"/>, stops as soon as it holds: a caller that only asks whether some flow can be
    /// reached saves the work beyond it, including the last search that finds no path. Its test must only turn true as
    /// flow grows, so stopping early answers as the maximum flow would.
    /// </summary>
    public double Augment(int source, int sink, Func<bool>? enough = null, bool bulk = false)
    {
        double total = 0, pushed;
        if (bulk)
        {
            total += PullRelabel(source, sink);
            if (enough?.Invoke() == true) return total;
        }
        else
        {
            while ((pushed = AugmentAlongTree(source, sink)) > Epsilon)
            {
                total += pushed;
                if (enough?.Invoke() == true) return total;
            }
        }
        while (BuildLevels(source, sink))
        {
            Array.Copy(head, cursor, nodes);
            while ((pushed = Push(source, sink, double.PositiveInfinity)) > Epsilon) total += pushed;
            if (enough?.Invoke() == true) break;
        }
        return total;
    }

    /// <summary>
    /// One breadth-first tree of the residual network from the source, then every node with an open edge into the sink
    /// sends what it can along its tree path. Dinic's phases only use paths as short as the sink's distance, so demand
    /// that must travel far (imports entering in the west, deficits in the east) waits one phase per extra hop; a tree
    /// reaches every distance at once. Not a maximum flow by itself: what a tree cannot carry is left to the phases.
    /// </summary>
    private double AugmentAlongTree(int source, int sink)
    {
        TreeSearches++;
        // The nodes that still want to send into the sink: once all are reached and their distance is done, stop.
        var open = 0;
        Array.Fill(wants, false);
        for (var back = head[sink]; back >= 0; back = edgeNext[back])
        {
            if (residual[back ^ 1] <= Epsilon || wants[edgeTo[back]]) continue;
            wants[edgeTo[back]] = true;
            open++;
        }
        Array.Fill(level, -1);
        level[source] = 0;
        width[source] = double.PositiveInfinity;
        int qh = 0, qt = 0, reached = 0, farthest = 0;
        queue[qt++] = source;
        while (qh < qt)
        {
            var u = queue[qh++];
            // Every node a level short of the farthest one wanted has been seen: their widest parents are final.
            if (reached == open && level[u] >= farthest) break;
            TreeSearchNodes++;
            for (var e = head[u]; e >= 0; e = edgeNext[e])
            {
                var v = edgeTo[e];
                if (v == sink || residual[e] <= Epsilon) continue;
                var through = Math.Min(width[u], residual[e]);
                if (level[v] < 0)
                {
                    level[v] = level[u] + 1;
                    queue[qt++] = v;
                    if (wants[v])
                    {
                        reached++;
                        farthest = level[v];
                    }
                }
                else if (level[v] != level[u] + 1 || through <= width[v]) continue;
                parentEdge[v] = e;
                width[v] = through;
            }
        }
        double total = 0;
        for (var back = head[sink]; back >= 0; back = edgeNext[back])
        {
            int into = back ^ 1, u = edgeTo[back];
            if (level[u] < 0 || residual[into] <= Epsilon) continue;
            var sent = residual[into];
            for (var v = u; v != source; v = edgeTo[parentEdge[v] ^ 1]) sent = Math.Min(sent, residual[parentEdge[v]]);
            if (sent <= Epsilon) continue;
            residual[into] -= sent;
            residual[back] += sent;
            for (var v = u; v != source; v = edgeTo[parentEdge[v] ^ 1])
            {
                residual[parentEdge[v]] -= sent;
                residual[parentEdge[v] ^ 1] += sent;
            }
            total += sent;
        }
        return total;
    }

    /// <summary>After <see cref="Solve"/>: whether a node can still be reached from the source through unsaturated edges.</summary>
    public bool ReachableFromSource(int node) => level[node] >= 0;

    private const double Epsilon = 1e-9;

    private bool BuildLevels(int source, int sink)
    {
        Array.Fill(level, -1);
        level[source] = 0;
        int qh = 0, qt = 0;
        queue[qt++] = source;
        while (qh < qt)
        {
            var u = queue[qh++];
            // Nodes as far from the source as the sink lie on no shortest path to it: no need to look past them.
            if (level[sink] >= 0 && level[u] >= level[sink]) break;
            for (var e = head[u]; e >= 0; e = edgeNext[e])
            {
                var v = edgeTo[e];
                if (level[v] >= 0 || residual[e] <= Epsilon) continue;
                level[v] = level[u] + 1;
                queue[qt++] = v;
            }
        }
        return level[sink] >= 0;
    }

    private double Push(int u, int sink, double limit)
    {
        if (u == sink) return limit;
        for (; cursor[u] >= 0; cursor[u] = edgeNext[cursor[u]])
        {
            var e = cursor[u];
            var v = edgeTo[e];
            if (level[v] != level[u] + 1 || residual[e] <= Epsilon) continue;
            var pushed = Push(v, sink, Math.Min(limit, residual[e]));
            if (pushed <= Epsilon) continue;
            residual[e] -= pushed;
            residual[e ^ 1] += pushed;
            return pushed;
        }
        return 0;
    }
}
