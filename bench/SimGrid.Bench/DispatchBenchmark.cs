using System.Diagnostics;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;

namespace SimGrid.Bench;

/// <summary>
/// Where a large grid's dispatch goes, counted rather than timed (the machine's noise hides changes of a few per cent):
/// the kernel alone plays the synthetic grid of the live benchmark (two days, the second with its strike waves), and
/// this prints per tick the feasibility probes, those found infeasible, the max-flow's tree searches (each a
/// breadth-first search over much of the network) and the nodes they took from their queues (what they cost), and for
/// the first two max-flows of each fill, which route the bulk of the power by push-relabel, its moves along an edge and its
/// labellings (a breadth-first search of the whole network each). Not part of `all`: it says what to work on, not how fast it is.
/// </summary>
public static class DispatchBenchmark
{
    public static object Run(bool quick)
    {
        var regions = quick ? 1000 : 10_000;
        var scenario = Benchmarks.Synthetic(regions);
        var sim = new GridSimulation(new RunSetup(scenario, 1, "fifo", 0));
        var ticks = Math.Min(192, sim.TickCount);
        var watch = Stopwatch.StartNew();
        var tickMs = new double[ticks];
        for (var t = 0; t < ticks; t++)
        {
            var started = watch.Elapsed.TotalMilliseconds;
            sim.Step(t);
            tickMs[t] = watch.Elapsed.TotalMilliseconds - started;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var slowest = string.Join(' ', Enumerable.Range(0, ticks).OrderByDescending(t => tickMs[t]).Take(6).Select(t => $"{t}:{tickMs[t]:F1}"));
        var counts = sim.DispatchCounts;
        double PerTick(long n) => Math.Round((double)n / ticks, 1);
        return new
        {
            benchmark = "dispatch",
            regions,
            ticks,
            seconds = Math.Round(seconds, 2),
            probes_per_tick = PerTick(counts.Probes),
            infeasible_probes_per_tick = PerTick(counts.InfeasibleProbes),
            tree_searches_per_tick = PerTick(counts.TreeSearches),
            tree_search_nodes_per_tick = PerTick(counts.TreeSearchNodes),
            shortfall_moves_per_tick = PerTick(counts.ShortfallMoves),
            ticks_settled_by_kept_flow = counts.TicksSettledByKeptFlow,
            labellings_per_tick = PerTick(counts.Labellings),
            slowest_ticks = slowest,
        };
    }
}
