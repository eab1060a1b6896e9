using SimGrid.Model.Dispatch;
using SimGrid.Model.Grid;
using static SimGrid.Tests.Model.Builders;
using SimGrid.Model.Protocol;

namespace SimGrid.Tests.Model;

/// <summary>Dispatch across ticks and branches: last tick's flow, kept, settles a tick to the bit of what a max-flow serves.</summary>
public partial class DispatchTests
{
    [Fact]
    public void Last_ticks_flow_settles_a_tick_only_while_the_lines_carry_it()
    {
        // 80 MW for 50 + 50 MW: 80% each, a sends b 40 MW. Lowered to half, the 100 MW line still carries them, and
        // the kept flow settles the tick; at 0.3 it carries 30 MW, and the max-flow must find b's bottleneck: b gets
        // 30, a the 50 it needs (the kept flow, unchecked, would have served both 40).
        var grid = Grid([Region("a"), Region("b")], [new LinkSpec("a", "b", 100)]);
        var dispatcher = new FairShareDispatcher(grid);
        double[] Tick(double availability)
        {
            var served = new double[2];
            dispatcher.Dispatch([Balance(demand: 50, generation: 80), Balance(demand: 50, generation: 0, transmission: availability)], served);
            return served;
        }

        Assert.Equal([40, 40], Tick(1), new Tolerance(1e-9));
        Assert.Equal([40, 40], Tick(0.5), new Tolerance(1e-9));
        Assert.Equal(1, dispatcher.TicksSettledByKeptFlow);
        Assert.Equal([50, 30], Tick(0.3), new Tolerance(1e-9));
        Assert.Equal(1, dispatcher.TicksSettledByKeptFlow);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_tick_settled_by_last_ticks_flow_serves_to_the_bit_what_a_max_flow_serves(int seed)
    {
        // Twelve regions on a ring of ample lines with chords, power in four of them, imports at two, demand and
        // generation drifting a few percent a tick, with a national shortfall: every megawatt is needed. A dispatcher
        // playing the ticks in turn settles most of them with last tick's flow corrected along a tree; a fresh one for
        // each tick keeps nothing and decides each by max-flow. Both must serve the same, to the bit.
        const int n = 12;
        var rng = new Random(seed);
        var regions = Enumerable.Range(0, n).Select(i => Region($"r{i:D2}", importMw: i is 0 or 5 ? 300 : 0)).ToArray();
        var links = Enumerable.Range(0, n).Select(i => new LinkSpec($"r{i:D2}", $"r{(i + 1) % n:D2}", 2000)).ToList();
        for (var k = 0; k < 4; k++) links.Add(new LinkSpec($"r{k:D2}", $"r{k + 6:D2}", 1500));
        var grid = Grid(regions, links, importLimitMw: 400);
        var playing = new FairShareDispatcher(grid);
        var demand = Enumerable.Range(0, n).Select(_ => 100 + (200 * rng.NextDouble())).ToArray();
        var generation = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? 250 + (100 * rng.NextDouble()) : 0).ToArray();
        for (var tick = 0; tick < 40; tick++)
        {
            for (var r = 0; r < n; r++)
            {
                demand[r] *= 1 + (0.04 * (rng.NextDouble() - 0.5));
                generation[r] *= 1 + (0.04 * (rng.NextDouble() - 0.5));
            }
            var balances = Enumerable.Range(0, n)
                .Select(r => Balance(demand[r], generation[r], critical: 0.2 * demand[r], import: regions[r].ImportCapacityMw)).ToArray();
            Assert.True(generation.Sum() + 400 < demand.Sum());
            var (served, fresh) = (new double[n], new double[n]);
            playing.Dispatch(balances, served);
            new FairShareDispatcher(grid).Dispatch(balances, fresh);
            Assert.Equal(fresh, served);
        }
        Assert.InRange(playing.TicksSettledByKeptFlow, 30, 39);
        // Counted: a tick settled by the kept flow makes no probe, and every other tick here settles both stages with
        // one feasible probe at the national fraction, so no max-flow is ever run to its end.
        Assert.Equal(new { Probes = 40 - playing.TicksSettledByKeptFlow, Infeasible = 0L },
            new { playing.Counts.Probes, Infeasible = playing.Counts.InfeasibleProbes });
    }

    [Theory]
    [InlineData(1, 0.2)]
    [InlineData(2, 0.2)]
    [InlineData(3, 0.2)]
    [InlineData(1, 0.8)]
    [InlineData(2, 0.8)]
    public void A_bottleneck_that_holds_from_tick_to_tick_is_settled_by_last_ticks_flow_to_the_bit(int seed, double xCritical)
    {
        // Ten regions on a ring of ample lines, power in four, and an eleventh, x, hanging off r00 by a 60 MW line that
        // binds every tick: x gets 60 MW, about 40% of its demand, while the ring shares a national shortfall at about
        // 80%. Demand and generation drift a few percent a tick. Once x's island is known, a dispatcher playing the
        // ticks in turn plays each fill on the assumption that its probes hold and checks them all at once with last
        // tick's flow; a fresh one for each tick decides every probe by max-flow. At tick 20 r05's substations are
        // nearly all lost (its lines carry 2% of 2,000 MW): a bottleneck no known island shows, which the check must
        // catch, or r05 would be served the ring's level through lines that cannot carry it. With x's critical share at
        // 0.8 (80-145 MW with these seeds) its line cannot carry even that: x's island binds in stage 1 as well.
        const int n = 11;
        var rng = new Random(seed);
        var regions = Enumerable.Range(0, n - 1).Select(i => Region($"r{i:D2}")).Append(Region("x")).ToArray();
        var links = Enumerable.Range(0, n - 1).Select(i => new LinkSpec($"r{i:D2}", $"r{(i + 1) % (n - 1):D2}", 2000)).ToList();
        links.Add(new LinkSpec("r00", "x", 60));
        var grid = Grid(regions, links);
        var playing = new FairShareDispatcher(grid);
        var demand = Enumerable.Range(0, n).Select(_ => 100 + (100 * rng.NextDouble())).ToArray();
        var generation = Enumerable.Range(0, n).Select(i => i % 3 == 0 && i < n - 1 ? 310 + (40 * rng.NextDouble()) : 0).ToArray();
        var probed = new List<int>();
        for (var tick = 0; tick < 40; tick++)
        {
            for (var r = 0; r < n; r++)
            {
                demand[r] *= 1 + (0.04 * (rng.NextDouble() - 0.5));
                generation[r] *= 1 + (0.04 * (rng.NextDouble() - 0.5));
            }
            var balances = Enumerable.Range(0, n)
                .Select(r => Balance(demand[r], generation[r], critical: (r == n - 1 ? xCritical : 0.2) * demand[r],
                    transmission: r == 5 && tick >= 20 ? 0.02 : 1))
                .ToArray();
            var (served, fresh) = (new double[n], new double[n]);
            var settledBefore = playing.TicksSettledByKeptFlow;
            playing.Dispatch(balances, served);
            if (playing.TicksSettledByKeptFlow == settledBefore) probed.Add(tick);
            new FairShareDispatcher(grid).Dispatch(balances, fresh);
            Assert.Equal(fresh, served);
            Assert.Equal(60, served[n - 1], 1e-6);
            Assert.InRange(served[0] / demand[0], 0.6, 0.99);
            if (tick >= 20) Assert.Equal(80, served[5], 1e-6);
        }
        // Ticks 0 and 20 find a new island by an infeasible probe; ticks 1 and 21 run their probes too (a tick after
        // one that found a cut does not try: its bottlenecks may still be moving). Every other tick makes no probe.
        Assert.Equal([0, 1, 20, 21], probed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_forked_dispatcher_serves_to_the_bit_what_the_original_serves(int seed)
    {
        // Forty regions on a ring of weak lines with a few chords, power in five of them: every tick has many cut
        // islands at many levels. The dispatcher keeps the islands that bound a tick for the next one; a fork (a
        // forecast branch) must keep them too, or it finds the same levels through other cuts and moves last digits.
        const int n = 40;
        var rng = new Random(seed);
        var regions = Enumerable.Range(0, n).Select(i => Region($"r{i:D2}")).ToArray();
        var links = Enumerable.Range(0, n).Select(i => new LinkSpec($"r{i:D2}", $"r{(i + 1) % n:D2}", 10 + (70 * rng.NextDouble()))).ToList();
        for (var k = 0; k < 8; k++) links.Add(new LinkSpec($"r{rng.Next(n):D2}", $"r{rng.Next(n):D2}", 10 + (40 * rng.NextDouble())));
        var grid = Grid(regions, [.. links.Where(l => l.From != l.To)]);
        var original = new FairShareDispatcher(grid);
        FairShareDispatcher? fork = null;
        var levels = new HashSet<double>();
        for (var tick = 0; tick < 8; tick++)
        {
            var balances = new RegionBalance[n];
            for (var r = 0; r < n; r++)
            {
                var demand = (50 + (100 * rng.NextDouble())) * (1 + (0.1 * tick));
                balances[r] = Balance(demand, generation: r % 8 == 0 ? 600 * rng.NextDouble() : 0, critical: 0.2 * demand);
            }
            var served = new double[n];
            original.Dispatch(balances, served);
            if (fork is not null)
            {
                var forked = new double[n];
                fork.Dispatch(balances, forked);
                Assert.Equal(served, forked);
            }
            if (tick == 3) fork = original.Fork(grid);

            Assert.All(Enumerable.Range(0, n), r => Assert.InRange(served[r], 0, balances[r].DemandMw));
            Assert.True(served.Sum() <= balances.Sum(b => b.GenerationMw) + 1e-6);
            foreach (var (mw, balance) in served.Zip(balances)) levels.Add(Math.Round(mw / balance.DemandMw, 6));
        }
        // Many different served fractions: the network, not only the national shortage, set them.
        Assert.True(levels.Count > 20, $"only {levels.Count} distinct levels");
    }
}
