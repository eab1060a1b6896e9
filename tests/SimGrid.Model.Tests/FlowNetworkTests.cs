using SimGrid.Model.Dispatch;

namespace SimGrid.Tests.Model;

/// <summary>
/// The max-flow under dispatch, against answers found without it: a textbook network and, on seeded random networks,
/// the minimum cut found by trying every set of nodes.
/// </summary>
public class FlowNetworkTests
{
    [Fact]
    public void The_textbook_network_carries_23()
    {
        // Cormen et al., Introduction to Algorithms, figure 26.1: s=0, v1..v4 = 1..4, t=5; its maximum flow is 23.
        var network = new FlowNetwork(6);
        (int U, int V, double C)[] edges =
            [(0, 1, 16), (0, 2, 13), (2, 1, 4), (1, 3, 12), (3, 2, 9), (2, 4, 14), (4, 3, 7), (3, 5, 20), (4, 5, 4)];
        foreach (var (u, v, c) in edges) network.SetCapacity(network.AddEdge(u, v), c);

        Assert.Equal(23, network.Solve(0, 5), 9);
        AssertValidFlow(network, 0, 5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_networks_carry_their_minimum_cut(int seed)
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

        var flow = network.Solve(source, sink);

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
