using SimGrid.Bench;

// Usage: dotnet run -c Release --project bench/SimGrid.Bench -- [--quick] [kernel|grains|montecarlo|refresh|all]
var quick = args.Contains("--quick");
var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var known = new[] { "kernel", "grains", "montecarlo", "refresh", "all" };
if (!known.Contains(which))
{
    Console.Error.WriteLine($"unknown benchmark '{which}' (known: {string.Join(", ", known)})");
    return 2;
}
var scenario = Benchmarks.SeedScenario();
if (which is "kernel" or "all") Benchmarks.Print(Benchmarks.Kernel(scenario, quick));
if (which is "grains" or "all") Benchmarks.Print(await Benchmarks.GrainsAsync(scenario, quick));
if (which is "montecarlo" or "all") Benchmarks.Print(await Benchmarks.MonteCarloAsync(scenario, quick));
if (which is "refresh" or "all") Benchmarks.Print(Benchmarks.Refresh(scenario, quick));
return 0;
