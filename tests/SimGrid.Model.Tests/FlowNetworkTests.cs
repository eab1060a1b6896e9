using SimGrid.Model.Dispatch;

namespace SimGrid.Tests.Model;

/// <summary>
/// The max-flow under dispatch, against answers found without it: a textbook network and, on seeded random networks,
/// the minimum cut found by trying every set of nodes.
/// </summary>
public class FlowNetworkTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_textbook_network_carries_23(bool bulk)
    {
        // Cormen et al., Introduction to Algorithms, figure 26.1: s=0, v1..v4 = 1..4, t=5; its maximum flow is 23.
        var network = new FlowNetwork(6);
        (int U, int V, double C)[] edges =
            [(0, 1, 16), (0, 2, 13), (2, 1, 4), (1, 3, 12), (3, 2, 9), (2, 4, 14), (4, 3, 7), (3, 5, 20), (4, 5, 4)];
        foreach (var (u, v, c) in edges) network.SetCapacity(network.AddEdge(u, v), c);
        network.Reset();

        Assert.Equal(23, network.Augment(0, 5, bulk: bulk), 9);
        AssertValidFlow(network, 0, 5);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(5, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    public void Random_networks_carry_their_minimum_cut(int seed, bool bulk)
    {
        // Nine nodes, each pair joined with chance 0.4: small enough to try all 2^7 cuts, with long paths often needed.
        const int nodes = 9, source = 0, sink = nodes - 1;
        var rng = new Random(seed);
        var network = new FlowNetwork(nodes);
        var capacity = new double[nodes, nodes];
        for (var u = 0; u < nodes; u++)
        {
            for (var v = 0; v < nodes; v++)
            {
                if (u == v || v == source || u == sink || rng.NextDouble() >= 0.4) continue;
                capacity[u, v] = Math.Round(rng.NextDouble() * 100, 1);
                network.SetCapacity(network.AddEdge(u, v), capacity[u, v]);
            }
        }

        network.Reset();
        // With bulk, push-relabel from the sink's side first (what dispatch uses for a fill's first max-flows).
        var flow = network.Augment(source, sink, bulk: bulk);

        var minimumCut = double.PositiveInfinity;
        for (var mask = 0; mask < 1 << (nodes - 2); mask++)
        {
            bool SourceSide(int n) => n == source || (n != sink && (mask & (1 << (n - 1))) != 0);
            minimumCut = Math.Min(minimumCut, CutCapacity(capacity, SourceSide));
        }
        Assert.Equal(minimumCut, flow, 6);
        // What the source still reaches is a minimum cut too: dispatch reads its bottlenecks from it.
        Assert.Equal(flow, CutCapacity(capacity, network.ReachableFromSource), 6);
        AssertValidFlow(network, source, sink);
    }

    [Fact]
    public void Stopping_once_enough_is_served_leaves_a_valid_flow_that_serves_it()
    {
        // Supply enters at one end of a chain of eight nodes and is taken at every node: far demand needs long paths.
        const int nodes = 10, source = 0, sink = 9;
        var network = new FlowNetwork(nodes);
        var demand = new int[nodes];
        network.SetCapacity(network.AddEdge(source, 1), 1000);
        for (var n = 1; n < sink - 1; n++) network.SetCapacity(network.AddEdge(n, n + 1), 1000);
        for (var n = 1; n < sink; n++) network.SetCapacity(demand[n] = network.AddEdge(n, sink), 100);
        network.Reset();
        double Served() => demand.Skip(1).Take(sink - 1).Sum(network.Flow);

        network.Augment(source, sink, () => Served() >= 600);

        Assert.True(Served() >= 600);
        AssertValidFlow(network, source, sink);
        network.Augment(source, sink);
        Assert.Equal(800, Served(), 9);
    }

    [Fact]
    public void Push_relabel_from_a_flow_already_there_adds_only_what_is_missing()
    {
        // The chain above, with 300 already flowing to the first three nodes (a probe's warm start): raising every
        // demand to 100 and then to 150, push-relabel must add 500 (the source edge's 1000 caps the second raise at
        // 1000 in all), leave a flow, and what the source then reaches must be a minimum cut: everything but the sink.
        const int nodes = 10, source = 0, sink = 9;
        var network = new FlowNetwork(nodes);
        var demand = new int[nodes];
        var supply = network.AddEdge(source, 1);
        network.SetCapacity(supply, 1000);
        for (var n = 1; n < sink - 1; n++) network.SetCapacity(network.AddEdge(n, n + 1), 1000);
        for (var n = 1; n < sink; n++) network.SetCapacity(demand[n] = network.AddEdge(n, sink), 0);
        network.Reset();
        for (var n = 1; n <= 3; n++) network.Raise(demand[n], 100);
        network.Augment(source, sink);
        for (var n = 1; n < sink; n++) network.Raise(demand[n], 100);

        Assert.Equal(500, network.Augment(source, sink, bulk: true), 9);
        for (var n = 1; n < sink; n++) network.Raise(demand[n], 150);
        Assert.Equal(200, network.Augment(source, sink, bulk: true), 9);

        Assert.Equal(1000, network.Flow(supply), 9);
        AssertValidFlow(network, source, sink);
        Assert.False(network.ReachableFromSource(1));
    }

    private static double CutCapacity(double[,] capacity, Func<int, bool> sourceSide)
    {
        double sum = 0;
        for (var u = 0; u < capacity.GetLength(0); u++)
        {
            for (var v = 0; v < capacity.GetLength(1); v++)
            {
                if (sourceSide(u) && !sourceSide(v)) sum += capacity[u, v];
            }
        }
        return sum;
    }

    /// <summary>Every edge within its capacity, and every node but the source and the sink passes on what it receives.</summary>
    private static void AssertValidFlow(FlowNetwork network, int source, int sink)
    {
        var net = new Dictionary<int, double>();
        for (var e = 0; e < network.EdgeCount; e += 2)
        {
            var f = network.Flow(e);
            Assert.InRange(f, -1e-9, network.Capacity(e) + 1e-9);
            net[network.From(e)] = net.GetValueOrDefault(network.From(e)) - f;
            net[network.To(e)] = net.GetValueOrDefault(network.To(e)) + f;
        }
        foreach (var (node, balance) in net)
        {
            if (node != source && node != sink) Assert.Equal(0, balance, 9);
        }
    }
}
