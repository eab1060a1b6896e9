using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SimGrid.Hosting;
using SimGrid.Hosting.Live;
using SimGrid.Hosting.Studies;
using SimGrid.Model.Scenario;
using SimGrid.Model.Grid;
using SimGrid.Model.Simulation;
using SimGrid.Scenarios;
using SimGrid.Tests;

namespace SimGrid.Bench;

/// <summary>
/// Each benchmark prints one JSON line. Rates are medians over repetitions; ratios (grains over kernel) are measured
/// in the same process, right after each other, so machine noise hits both alike.
/// </summary>
public static class Benchmarks
{
    public static ScenarioSpec SeedScenario() => ScenarioLoader.Load(Checkout.SeedScenario);

    public static void Print(object figures) => Console.WriteLine(JsonSerializer.Serialize(figures));

    /// <summary>Kernel runs per second on one thread, region-steps per second, and bytes allocated per tick in the tick loop.</summary>
    public static object Kernel(ScenarioSpec scenario, bool quick)
    {
        var runs = quick ? 10 : 50;
        var rate = Median(quick ? 3 : 5, () => RunsPerSecond(scenario, runs));
        var sim = new GridSimulation(new RunSetup(scenario, 1, "fifo", 0));
        sim.Step(0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var t = 1; t < sim.TickCount; t++) sim.Step(t);
        var bytesPerTick = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(sim.TickCount - 1);
        var regions = scenario.Grid.Regions.Count;
        return new
        {
            benchmark = "kernel",
            runs_per_second = Math.Round(rate, 1),
            region_steps_per_second = Math.Round(rate * scenario.TickCount * regions),
            bytes_allocated_per_tick = Math.Round(bytesPerTick),
            ticks_per_run = scenario.TickCount,
            regions,
        };
    }

    /// <summary>The same runs through region grains in one embedded silo, sequentially, against the kernel in the same process.</summary>
    public static async Task<object> GrainsAsync(ScenarioSpec scenario, bool quick)
    {
        var runs = quick ? 3 : 10;
        using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        async Task<double> GrainRate()
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++) await SimulationRunner.RunOnGrainsAsync(grains, new RunSetup(scenario, i, "fifo", 0), null, CancellationToken.None);
            return runs / watch.Elapsed.TotalSeconds;
        }
        var (grainRate, kernelRate) = await InTurnAsync(quick ? 3 : 5, GrainRate, () => Task.FromResult(RunsPerSecond(scenario, runs)));
        await silo.StopAsync();
        return new
        {
            benchmark = "grains",
            runs_per_second = Math.Round(grainRate, 1),
            kernel_runs_per_second = Math.Round(kernelRate, 1),
            grains_over_kernel = Math.Round(grainRate / kernelRate, 3),
        };
    }

    /// <summary>Replications per second of a study through grains (all cores), against the kernel on the thread pool.</summary>
    public static async Task<object> MonteCarloAsync(ScenarioSpec scenario, bool quick)
    {
        var runs = quick ? 12 : 50;
        var study = new Study([new StudyVariant("base", scenario)], ["fifo", "critical-first"], runs, 7, 1.5);
        var concurrency = 4 * Environment.ProcessorCount;
        using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        async Task<double> Rate(StudyRunner.Engine engine)
        {
            var watch = Stopwatch.StartNew();
            await StudyRunner.RunAsync(study, engine, (_, _) => { }, concurrency, CancellationToken.None);
            return study.JobCount / watch.Elapsed.TotalSeconds;
        }
        var (grainRate, kernelRate) = await InTurnAsync(quick ? 3 : 5, () => Rate(StudyRunner.OnGrains(grains)), () => Rate(StudyRunner.InKernel()));
        await silo.StopAsync();
        return new
        {
            benchmark = "montecarlo",
            replications_per_second = Math.Round(grainRate, 1),
            kernel_replications_per_second = Math.Round(kernelRate, 1),
            montecarlo_over_kernel = Math.Round(grainRate / kernelRate, 3),
            cores = Environment.ProcessorCount,
        };
    }

    /// <summary>Ticks below which a 99th percentile would be the maximum under another name: then none is reported.</summary>
    private const int MinTicksForP99 = 100;

    /// <summary>
    /// Tick latency of a live run of a synthetic grid in region grains (one silo), p50 and p99 over the ticks played,
    /// and the process's peak working set. A 300-region run plays first, so that the code measured is the JIT's
    /// optimised code (tiered compilation otherwise makes a fresh process's first hundred ticks up to three times slower).
    /// </summary>
    public static async Task<object> LiveAsync(int regions, bool quick)
    {
        using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var warmUp = grains.GetGrain<SimGrid.Grains.Abstractions.ISimulationGrain>("bench-live-warm-up");
        await warmUp.StartAsync(new Orleans.Concurrency.Immutable<RunSetup>(new RunSetup(Synthetic(300), 1, "fifo", 0)));
        await warmUp.AdvanceAsync(150);
        await Task.Delay(500);   // let the background JIT finish its tier-1 compilations
        var scenario = Synthetic(regions);
        var grain = grains.GetGrain<SimGrid.Grains.Abstractions.ISimulationGrain>($"bench-live-{regions}");
        await grain.StartAsync(new Orleans.Concurrency.Immutable<RunSetup>(new RunSetup(scenario, 1, "fifo", 0)));
        // Enough ticks for a p99 to mean something (a hundred or more), else only the maximum is reported.
        var ticks = Math.Min(scenario.TickCount, quick ? 20 : 192);
        var latencies = new List<double>();
        TimeSpan pauseBefore;
        int gen2Before;
        long allocatedBefore;
        try
        {
            await grain.AdvanceAsync(2);
            // Setting up (parsing the synthetic grid, the warm-up run) leaves garbage whose collection is not a tick's.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            (pauseBefore, gen2Before) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
            allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (var t = 2; t < ticks; t++)
            {
                var watch = Stopwatch.StartNew();
                await grain.AdvanceAsync(1);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        catch (TimeoutException)
        {
            // A tick longer than Orleans' response timeout: report that, not a stack trace.
            await silo.StopAsync();
            return new { benchmark = "live", regions, completed = false, tick_exceeds_seconds = 30, peak_working_set_mib = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024) };
        }
        var (pause, gen2) = (GC.GetTotalPauseDuration() - pauseBefore, GC.CollectionCount(2) - gen2Before);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        latencies.Sort();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        await silo.StopAsync();
        return new
        {
            benchmark = "live",
            regions,
            completed = true,
            ticks = latencies.Count,
            tick_ms_p50 = Math.Round(latencies[latencies.Count / 2], 2),
            tick_ms_p99 = latencies.Count >= MinTicksForP99
                ? Math.Round(latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1], 2)
                : (double?)null,
            tick_ms_max = Math.Round(latencies[^1], 2),
            // What the slow ticks are made of: the garbage collector's pauses over the measured ticks.
            gc_pause_ms = Math.Round(pause.TotalMilliseconds, 1),
            gen2_collections = gen2,
            // Every thread's allocations over the measured ticks (grain calls, messages, tick arrays), per tick.
            kib_allocated_per_tick = Math.Round(allocated / 1024.0 / latencies.Count, 1),
            peak_working_set_mib = peak / (1024 * 1024),
        };
    }

    /// <summary>
    /// Medians of two rates measured in turn, after one warm-up of each: measured one after the other, whichever ran
    /// later would gain 5-15% from the JIT's tiering, and the ratio would say more about the order than the paths.
    /// </summary>
    private static async Task<(double First, double Second)> InTurnAsync(int repetitions, Func<Task<double>> first, Func<Task<double>> second)
    {
        await first();
        await second();
        var (a, b) = (new double[repetitions], new double[repetitions]);
        for (var k = 0; k < repetitions; k++)
        {
            a[k] = await first();
            b[k] = await second();
        }
        return (Middle(a), Middle(b));
    }

    /// <summary>The synthetic grid of `simgrid synth` with <paramref name="regions"/> regions, drawn from <paramref name="seed"/>.</summary>
    internal static ScenarioSpec Synthetic(int regions, int seed = 1)
    {
        var dir = Directory.CreateTempSubdirectory("simgrid-bench-").FullName;
        var (gridText, scenarioText) = SyntheticGrid.Write(regions, seed);
        File.WriteAllText(Path.Combine(dir, "grid.yaml"), gridText);
        File.WriteAllText(Path.Combine(dir, "scenario.yaml"), scenarioText);
        var scenario = ScenarioLoader.Load(Path.Combine(dir, "scenario.yaml"));
        Directory.Delete(dir, recursive: true);
        return scenario;
    }

    /// <summary>Runs one benchmark in a fresh process of this program (so its peak memory is its own) and passes its line on.</summary>
    public static async Task<int> InChildProcessAsync(string benchmark, bool quick)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") info.ArgumentList.Add(typeof(Benchmarks).Assembly.Location);
        info.ArgumentList.Add(benchmark);
        if (quick) info.ArgumentList.Add("--quick");
        using var child = Process.Start(info)!;
        Console.Write(await child.StandardOutput.ReadToEndAsync());
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private static double RunsPerSecond(ScenarioSpec scenario, int runs)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) GridSimulation.Run(new RunSetup(scenario, i, "fifo", 0));
        return runs / watch.Elapsed.TotalSeconds;
    }

    private static double Median(int repetitions, Func<double> measure)
    {
        measure();
        return Middle([.. Enumerable.Range(0, repetitions).Select(_ => measure())]);
    }

    private static double Middle(double[] values)
    {
        Array.Sort(values);
        return values[values.Length / 2];
    }
}
