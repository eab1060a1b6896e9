using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Hosting;
using SimGrid.Model.Scenario;

namespace SimGrid.Bench;

/// <summary>
/// Tick latency of a live run of a synthetic grid in region grains (one silo), p50 and p99 over the ticks played, with
/// the collector's pauses and the process's peak working set.
/// <para>
/// A serve host plays a live run for hours, so the figure that counts is the warm one: the 1,000-region synthetic run
/// plays through <see cref="WarmUpRuns"/> times first (192 ticks each, every code path a wave takes), the benchmark
/// waits for a quiet process (<see cref="Quiet.WaitAsync"/>), and then the measured run plays. Until 2026-12-01 a
/// 300-region run of 150 ticks and half a second came first: the runtime's tiered compiler was then still raising the
/// tick's code while it was measured (with it off, <c>DOTNET_TieredCompilation=0</c>, p50 halved: 4.4-4.7 ms against
/// 8.4-9.0). One 1,000-region run was not enough either: run after run in one process, p99 went 19.8 (the second run,
/// 1.2 s of ticks in), 9.7, 7.9, 8.3, 7.2, 8.0 ms; with dynamic PGO off (<c>DOTNET_TieredPGO=0</c>, no instrumented
/// tier to pass through) the second run was already at 9.4. The first warm-up run is timed too and printed as
/// <c>cold_*</c>: a fresh server's first run; <c>second_run_*</c> is the one this benchmark measured until then.
/// </para>
/// <para>
/// The collector is a serve host's: workstation and background (the project no longer turns background collection
/// off, as it did for every benchmark until 2026-12-01; nothing else measured here allocates in its hot loop). In turn
/// on the same machine, 1,000 regions: p99 18.8 ms with it against 24.7-25.8 without; 10,000 regions: p99 300-304 ms
/// against 268-350, with more of the collector's pause time counted (3.3-3.5 s against 1.1-1.2 s).
/// </para>
/// </summary>
public static class LiveBenchmark
{
    /// <summary>Ticks below which a 99th percentile would be the maximum under another name: then none is reported.</summary>
    private const int MinTicksForP99 = 100;

    /// <summary>How many of the slowest ticks are printed (tick:ms).</summary>
    private const int SlowestShown = 6;

    /// <summary>Regions of the warm-up runs.</summary>
    private const int WarmUpRegions = 1000;

    /// <summary>Warm-up runs: enough calls of every tick path for the tiered compiler to finish with them (about 3 s of ticks).</summary>
    private const int WarmUpRuns = 4;

    public static async Task<object> RunAsync(int regions, bool quick)
    {
        using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var warmUpScenario = Benchmarks.Synthetic(WarmUpRegions);
        var ticks = Math.Min(warmUpScenario.TickCount, quick ? 20 : 192);
        try
        {
            var cold = await PlayAsync(grains.GetGrain<ISimulationGrain>("bench-live-warm-up"), warmUpScenario, ticks);
            var second = await PlayAsync(grains.GetGrain<ISimulationGrain>("bench-live-warm-up-2"), warmUpScenario, ticks);
            for (var run = 3; run <= WarmUpRuns; run++) await PlayAsync(grains.GetGrain<ISimulationGrain>($"bench-live-warm-up-{run}"), warmUpScenario, ticks);
            await Quiet.WaitAsync();
            var scenario = regions == WarmUpRegions ? warmUpScenario : Benchmarks.Synthetic(regions);
            // Enough ticks for a p99 to mean something (a hundred or more), else only the maximum is reported.
            var warm = await PlayAsync(grains.GetGrain<ISimulationGrain>($"bench-live-{regions}"), scenario, Math.Min(scenario.TickCount, ticks));
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            await silo.StopAsync();
            return new
            {
                benchmark = "live",
                regions,
                completed = true,
                ticks = warm.Latencies.Length,
                tick_ms_p50 = Percentile(warm.Latencies, 0.5),
                tick_ms_p99 = P99(warm.Latencies),
                tick_ms_max = Math.Round(warm.Latencies[^1], 2),
                // What the slow ticks are made of: the garbage collector's pauses over the measured ticks.
                gc_pause_ms = Math.Round(warm.Pause.TotalMilliseconds, 1),
                // All collections (gen2 and gen1 ones included): on a machine whose CPU caches the runtime cannot read,
                // its first generation stays small, and a 10,000-region run makes about 1.5 a tick (docs/performance.md).
                collections = warm.Collections,
                gen2_collections = warm.Gen2,
                // Every thread's allocations over the measured ticks (grain calls, messages, tick arrays), per tick.
                kib_allocated_per_tick = Math.Round(warm.Allocated / 1024.0 / warm.Latencies.Length, 1),
                peak_working_set_mib = peak / (1024 * 1024),
                slowest_ticks = warm.Slowest,
                cold_regions = WarmUpRegions,
                cold_tick_ms_p50 = Percentile(cold.Latencies, 0.5),
                cold_tick_ms_p99 = P99(cold.Latencies),
                second_run_tick_ms_p50 = Percentile(second.Latencies, 0.5),
                second_run_tick_ms_p99 = P99(second.Latencies),
                warm_up_runs = WarmUpRuns,
            };
        }
        catch (TimeoutException)
        {
            // A tick longer than Orleans' response timeout: report that, not a stack trace.
            await silo.StopAsync();
            return new { benchmark = "live", regions, completed = false, tick_exceeds_seconds = 30, peak_working_set_mib = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024) };
        }
    }

    private sealed record Played(double[] Latencies, TimeSpan Pause, int Collections, int Gen2, long Allocated, string Slowest);

    /// <summary>Starts a run and times each tick after the first two, one call each, as a live run's clock would ask for them.</summary>
    private static async Task<Played> PlayAsync(ISimulationGrain grain, ScenarioSpec scenario, int ticks)
    {
        await grain.StartAsync(new Immutable<RunSetup>(new RunSetup(scenario, 1, "fifo", 0)));
        await grain.AdvanceAsync(2);
        // Setting up (parsing the synthetic grid, activating the grains) leaves garbage whose collection is not a tick's.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var (pauseBefore, collectionsBefore, gen2Before) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var latencies = new List<double>();
        for (var t = 2; t < ticks; t++)
        {
            var watch = Stopwatch.StartNew();
            await grain.AdvanceAsync(1);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        // The slowest ticks by number, to tell wave ticks (the synthetic scenario's waves) from collections and noise.
        var slowest = string.Join(" ", latencies.Select((ms, i) => (ms, tick: i + 2)).OrderByDescending(x => x.ms).Take(SlowestShown)
            .Select(x => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x.tick}:{x.ms:0.0}")));
        return new Played([.. latencies.Order()], GC.GetTotalPauseDuration() - pauseBefore, GC.CollectionCount(0) - collectionsBefore,
            GC.CollectionCount(2) - gen2Before,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, slowest);
    }

    private static double Percentile(double[] sorted, double q) => Math.Round(sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * q))], 2);

    private static double? P99(double[] sorted) =>
        sorted.Length >= MinTicksForP99 ? Math.Round(sorted[(int)Math.Ceiling(sorted.Length * 0.99) - 1], 2) : null;
}
