using SimGrid.Bench;

// Usage: dotnet run -c Release --project bench/SimGrid.Bench -- [--quick] [kernel|grains|montecarlo|refresh|live|live-10000|idle|pages|study-memory|exactness|dispatch|all]
var quick = args.Contains("--quick");
var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var known = new[] { "kernel", "grains", "montecarlo", "refresh", "live", "live-10000", "idle", "pages", "study-memory", "study-1000", "study-10000", "exactness", "dispatch", "all" };
if (!known.Contains(which))
{
    Console.Error.WriteLine($"unknown benchmark '{which}' (known: {string.Join(", ", known)})");
    return 2;
}
// Not a speed: fingerprints of synthetic runs to compare before and after a change to dispatch (not part of `all`).
if (which is "exactness")
{
    foreach (var line in ExactnessBenchmark.Run(quick)) Benchmarks.Print(line);
    return 0;
}
// Counts, not a speed: where a large grid's dispatch goes (not part of `all` either).
if (which is "dispatch")
{
    Benchmarks.Print(DispatchBenchmark.Run(quick));
    return 0;
}
var scenario = Benchmarks.SeedScenario();
// The build `dotnet run` has just made leaves its servers busy for a few seconds: measure on an idle machine.
await Quiet.WaitForMachineAsync();
if (which is "kernel" or "all") Benchmarks.Print(Benchmarks.Kernel(scenario, quick));
if (which is "grains" or "all") Benchmarks.Print(await Benchmarks.GrainsAsync(scenario, quick));
if (which is "montecarlo" or "all") Benchmarks.Print(await Benchmarks.MonteCarloAsync(scenario, quick));
if (which is "refresh") Benchmarks.Print(await RefreshBenchmark.RunAsync(quick));
// In a process of its own: its cold figure is a fresh server's first event, and no benchmark before it has warmed the
// kernel (run after `kernel` in this process, the first 1,000-replication forecast took 2.3 s against 5.4 s alone).
if (which is "all" && await Benchmarks.InChildProcessAsync("refresh", quick) != 0) return 1;
if (which is "live") Benchmarks.Print(await LiveBenchmark.RunAsync(1000, quick));
// The live benchmarks in processes of their own: the peak working set is per process.
if (which is "all" && await Benchmarks.InChildProcessAsync("live", quick) != 0) return 1;
if (which is "idle" or "all") Benchmarks.Print(await IdleBenchmark.RunAsync(scenario, quick));
if (which is "pages" or "all") Benchmarks.Print(await PagesBenchmark.RunAsync(scenario, quick));
if (which is "live-10000") Benchmarks.Print(await LiveBenchmark.RunAsync(10_000, quick));
if (which is "study-1000") Benchmarks.Print(await StudyMemoryBenchmark.RunAsync(scenario, quick ? 200 : 1000));
if (which is "study-10000") Benchmarks.Print(await StudyMemoryBenchmark.RunAsync(scenario, quick ? 2000 : 10_000));
// A study's memory at two sizes, each in a process of its own.
if (which is "study-memory" or "all")
{
    foreach (var size in new[] { "study-1000", "study-10000" })
    {
        if (await Benchmarks.InChildProcessAsync(size, quick) != 0) return 1;
    }
}
if (which is "all") return await Benchmarks.InChildProcessAsync("live-10000", quick);
return 0;
