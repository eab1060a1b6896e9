using SimGrid.Model.Scenario;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Grains;

internal static class SeedRun
{
    public static readonly Lazy<ScenarioSpec> Scenario = new(() => ScenarioLoader.Load(Checkout.SeedScenario));

    public static RunSetup Setup(int seed = 20260203) => new(Scenario.Value, seed, "fifo", 0);

    /// <summary>The kernel's answer, computed once for every comparison.</summary>
    public static readonly Lazy<RunCapture> Kernel = new(() => RunCapture.InKernel(Setup()));

    public static string Root => Checkout.Root;
}

[Collection(OneSiloGroup.Name)]
public class OneSiloTests(OneSiloCluster fixture)
{
    [Fact]
    public async Task Grains_give_exactly_the_kernels_results_on_the_seed_scenario()
    {
        var grains = await RunCapture.OnGrainsAsync(fixture.Cluster.Client, SeedRun.Setup());
        Assert.Equal(SeedRun.Kernel.Value.Timeline, grains.Timeline);
        Assert.Equal(SeedRun.Kernel.Value.Summary.National, grains.Summary.National);
        Assert.Equal(SeedRun.Kernel.Value.Summary.Regions, grains.Summary.Regions);
    }

    [Fact]
    public async Task Two_runs_side_by_side_in_one_silo_do_not_disturb_each_other()
    {
        var first = RunCapture.OnGrainsAsync(fixture.Cluster.Client, SeedRun.Setup(1));
        var second = RunCapture.OnGrainsAsync(fixture.Cluster.Client, SeedRun.Setup(2));
        var results = await Task.WhenAll(first, second);
        Assert.Equal(RunCapture.InKernel(SeedRun.Setup(1)).Timeline, results[0].Timeline);
        Assert.Equal(RunCapture.InKernel(SeedRun.Setup(2)).Timeline, results[1].Timeline);
        Assert.NotEqual(results[0].Timeline, results[1].Timeline);
    }
}

[Collection(ThreeSiloGroup.Name)]
public class ThreeSiloTests(ThreeSiloCluster fixture)
{
    [Fact]
    public async Task Three_silos_give_exactly_the_same_results_as_one()
    {
        Assert.Equal(3, fixture.Cluster.Silos.Count);
        var grains = await RunCapture.OnGrainsAsync(fixture.Cluster.Client, SeedRun.Setup());

        // The point of the test: region grains really were spread over several silos.
        var stats = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var silosWithRegions = stats.Where(s => s.GrainType.Contains(nameof(SimGrid.Grains.RegionGrain), StringComparison.Ordinal) && s.ActivationCount > 0)
            .Select(s => s.SiloAddress).Distinct().Count();
        Assert.True(silosWithRegions > 1, $"region grains ran on {silosWithRegions} silo(s) only");

        Assert.Equal(SeedRun.Kernel.Value.Timeline, grains.Timeline);
        Assert.Equal(SeedRun.Kernel.Value.Summary.National, grains.Summary.National);
        Assert.Equal(SeedRun.Kernel.Value.Summary.Regions, grains.Summary.Regions);
    }
}
