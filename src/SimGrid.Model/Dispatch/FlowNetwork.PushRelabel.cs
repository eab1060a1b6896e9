namespace SimGrid.Model.Dispatch;

/// <summary>
/// Push-relabel run from the sink's side: what moves is the demand not yet met, from the regions towards the source,
/// along edges that can still take more flow (moving a shortfall from v to u over u -> v sends more flow on u -> v).
/// Used for the max-flows that route the bulk of a tick's power (a fill's first two, <see cref="Augment"/>): a tree
/// search reaches a third of a 10,000-region network to find one path per region short of power, and those needed 20-30; here
/// each megawatt short moves node by node towards the source, and the searches are replaced by two breadth-first
/// labellings (distances to the source, then back to the sink). FIFO order with global relabelling after every n
/// relabels (Cherkassky and Goldberg, "On implementing push-relabel method for the maximum flow problem", 1997).
/// </summary>
public sealed partial class FlowNetwork
{
    // Per node: demand short of the flow (the algorithm's excess), distance label, and the edge its next move tries.
    private double[] shortfall = [];
    private int[] label = [];
    private int[] current = [];
    private bool[] queued = [];
    private readonly Queue<int> waiting = new();

    /// <summary>
    /// Raises the flow to a maximum one; returns what it added into the sink. Every edge into the sink is first filled
    /// to its capacity, leaving each region short by what the flow did not bring it; those shortfalls move towards the
    /// source, which absorbs them, until none can move; what is left goes back to the sink, undoing the first step's
    /// excess (a flow again, conserved at every node).
    /// </summary>
    private double PullRelabel(int source, int sink)
    {
        if (shortfall.Length != nodes) (shortfall, label, current, queued) = (new double[nodes], new int[nodes], new int[nodes], new bool[nodes]);
        var before = IntoSink(sink);
        Array.Clear(shortfall);
        for (var back = head[sink]; back >= 0; back = edgeNext[back])
        {
            var room = residual[back ^ 1];
            if (room <= 0) continue;
            residual[back ^ 1] = 0;
            residual[back] += room;
            shortfall[edgeTo[back]] += room;
        }
        MoveShortfalls(source, sink, source, Epsilon);
        // Back to the sink, to the last bit (threshold 0): what stays at a node would break conservation.
        MoveShortfalls(source, sink, sink, 0);
        return IntoSink(sink) - before;
    }

    /// <summary>The flow into the sink: what its edges' twins could send back.</summary>
    private double IntoSink(int sink)
    {
        double sum = 0;
        for (var back = head[sink]; back >= 0; back = edgeNext[back]) sum += residual[back];
        return sum;
    }

    /// <summary>Moves shortfalls above <paramref name="threshold"/> towards <paramref name="target"/> until none can move.</summary>
    private void MoveShortfalls(int source, int sink, int target, double threshold)
    {
        var (unreachable, relabels) = (2 * nodes, 0);
        Relabel(source, sink, target, threshold);
        while (waiting.Count > 0)
        {
            var u = waiting.Dequeue();
            queued[u] = false;
            if (label[u] >= unreachable) continue;
            var e = current[u];
            while (shortfall[u] > threshold)
            {
                if (e < 0)
                {
                    // Every edge tried: u's label rises to one above its lowest neighbour it can still move to.
                    var lowest = unreachable;
                    for (var a = head[u]; a >= 0; a = edgeNext[a])
                    {
                        if (residual[a ^ 1] > threshold && label[edgeTo[a]] < lowest) lowest = label[edgeTo[a]];
                    }
                    label[u] = lowest + 1 >= nodes ? unreachable : lowest + 1;
                    e = head[u];
                    if (label[u] >= unreachable) break;
                    if (++relabels < nodes) continue;
                    // Exact distances again now and then: local labels drift far below them.
                    relabels = 0;
                    Relabel(source, sink, target, threshold);
                    e = current[u];
                    break;
                }
                var v = edgeTo[e];
                // Over u -> v, a shortfall moves from u to v by sending more on v -> u (e's twin), as far as it has room.
                if (residual[e ^ 1] > threshold && label[u] == label[v] + 1)
                {
                    var moved = Math.Min(shortfall[u], residual[e ^ 1]);
                    ShortfallMoves++;
                    residual[e ^ 1] -= moved;
                    residual[e] += moved;
                    shortfall[u] -= moved;
                    shortfall[v] += moved;
                    if (v != source && v != sink && !queued[v])
                    {
                        queued[v] = true;
                        waiting.Enqueue(v);
                    }
                    if (shortfall[u] <= threshold) break;
                }
                e = edgeNext[e];
            }
            current[u] = e;
        }
    }

    /// <summary>
    /// Labels every node with its distance to <paramref name="target"/> over edges a shortfall can move along (a
    /// breadth-first search back from it), and queues every node with a shortfall that can reach it.
    /// </summary>
    private void Relabel(int source, int sink, int target, double threshold)
    {
        var unreachable = 2 * nodes;
        Labellings++;
        Array.Fill(label, unreachable);
        label[target] = 0;
        int qh = 0, qt = 0;
        queue[qt++] = target;
        while (qh < qt)
        {
            var v = queue[qh++];
            for (var e = head[v]; e >= 0; e = edgeNext[e])
            {
                // u -> ... edge e runs v -> u; u moves to v over e's twin (u -> v), using e's room (flow on v -> u more).
                var u = edgeTo[e];
                if (label[u] != unreachable || residual[e] <= threshold || u == source || u == sink) continue;
                label[u] = label[v] + 1;
                queue[qt++] = u;
            }
        }
        foreach (var n in waiting) queued[n] = false;
        waiting.Clear();
        for (var n = 0; n < nodes; n++)
        {
            current[n] = head[n];
            if (n == source || n == sink || shortfall[n] <= threshold || label[n] >= unreachable) continue;
            queued[n] = true;
            waiting.Enqueue(n);
        }
    }
}
