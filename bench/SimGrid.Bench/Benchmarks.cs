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
        // The median of eleven batches, about 2.5 s: on this shared machine a neighbour's burst once took a whole
        // five-batch window (143.9 runs/s in an `-- all` run; 207.4 in the same process a second later, 218-229 alone).
        var rate = Median(quick ? 3 : 11, () => RunsPerSecond(scenario, runs));
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
        // Eight warm-ups of each (about 8 s): in a process that hosts Orleans the runtime keeps compiling new methods for a
        // while, which holds back the tiering of everything else. With one warm-up the ratio came out 0.79-0.91 in a
        // fresh process and 0.97-1.02 when measured again in the same one; with three, 0.73-1.19; with eight, 0.99-1.10.
        var (grainRate, kernelRate) = await InTurnAsync(quick ? 3 : 5, () => Rate(StudyRunner.OnGrains(grains)), () => Rate(StudyRunner.InKernel()), warmUps: 8);
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

    /// <summary>
    /// Medians of two rates measured in turn, after warm-ups of each: measured one after the other, whichever ran
    /// later would gain 5-15% from the JIT's tiering, and the ratio would say more about the order than the paths.
    /// </summary>
    private static async Task<(double First, double Second)> InTurnAsync(int repetitions, Func<Task<double>> first, Func<Task<double>> second,
        int warmUps = 1)
    {
        for (var w = 0; w < warmUps; w++)
        {
            await first();
            await second();
        }
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
