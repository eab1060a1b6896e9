using SimGrid.Model.Protocol;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;

namespace SimGrid.Bench;

/// <summary>
/// Fingerprints of kernel runs on synthetic grids large enough that the network binds hard: many cut islands at many
/// levels a tick, which the library scenarios never reach. A change to dispatch that claims to be exact should leave
/// every line the same; compare the output before and after (for example from a `git worktree` at the base commit).
/// Both dispatch bugs of 2026-12-01 (a fork's lost islands, feasibility decided by rounding) only showed here.
/// </summary>
public static class ExactnessBenchmark
{
    public static IEnumerable<object> Run(bool quick)
    {
        foreach (var (regions, ticks) in quick ? [(300, 96)] : new[] { (300, 192), (1000, 192), (3000, 96) })
        {
            foreach (var seed in quick ? [1] : new[] { 1, 2, 3 })
            {
                var scenario = Benchmarks.Synthetic(regions, seed);
                var sim = new GridSimulation(new RunSetup(scenario, seed, "fifo", 0));
                var played = Math.Min(ticks, sim.TickCount);
                var hash = new Fnv();
                for (var t = 0; t < played; t++)
                {
                    foreach (var r in sim.Step(t)) hash.Add(r);
                }
                yield return new { benchmark = "exactness", regions, seed, ticks = played, fnv64 = hash.Value.ToString("x16") };
            }
        }
    }

    /// <summary>FNV-1a over the bits of what a tick record reports: served power, outages by cause, heat, demand.</summary>
    private sealed class Fnv
    {
        public ulong Value { get; private set; } = 14695981039346656037;

        public void Add(in RegionTickRecord r)
        {
            Mix(r.ServedMw);
            Mix(r.DemandMw);
            Mix(r.PeopleOffDamage);
            Mix(r.PeopleOffRolling);
            Mix(r.PeopleWithoutHeat);
        }

        private void Mix(double d)
        {
            Value ^= (ulong)BitConverter.DoubleToInt64Bits(d);
            Value *= 1099511628211;
        }
    }
}
