namespace SimGrid.Model.Dispatch;

/// <summary>
/// A small directed network with Dinic's max-flow. Topology is fixed once; capacities change every solve.
/// Written here rather than taken from a graph library so that a solve allocates nothing: dispatch runs
/// dozens of max-flows per tick (see docs in <see cref="FairShareDispatcher"/>).
/// </summary>
public sealed class FlowNetwork
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

    public FlowNetwork(int nodes)
    {
        this.nodes = nodes;
        head = new int[nodes];
        Array.Fill(head, -1);
        level = new int[nodes];
        cursor = new int[nodes];
        queue = new int[nodes];
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

    /// <summary>Dinic's augmentation from the current flow to a maximum one; returns the flow added.</summary>
    public double Augment(int source, int sink)
    {
        double total = 0;
        while (BuildLevels(source, sink))
        {
            Array.Copy(head, cursor, nodes);
            double pushed;
            while ((pushed = Push(source, sink, double.PositiveInfinity)) > Epsilon) total += pushed;
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
