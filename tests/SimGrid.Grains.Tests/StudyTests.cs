using SimGrid.Hosting.Studies;
using SimGrid.Model.Outputs;

namespace SimGrid.Tests.Grains;

/// <summary>Monte Carlo studies: paired strikes across strategies, and the same results from kernel, 1 silo and 3 silos.</summary>
internal static class StudyFixture
{
    public static Study Small() => new([new StudyVariant("base", SeedRun.Scenario.Value)], ["fifo", "critical-first"], Runs: 3, Seed: 5, WeatherErrorC: 1.5);

    public static async Task<List<(StudyJob Job, RunResult Result)>> RunAsync(StudyRunner.Engine engine)
    {
        var results = new List<(StudyJob, RunResult)>();
        await StudyRunner.RunAsync(Small(), engine, (job, result) => results.Add((job, result)), concurrency: 4, CancellationToken.None);
        return results;
    }

    public static readonly Lazy<List<(StudyJob Job, RunResult Result)>> Kernel = new(() => RunAsync(StudyRunner.InKernel()).GetAwaiter().GetResult());

    public static void AssertSame(List<(StudyJob Job, RunResult Result)> expected, List<(StudyJob Job, RunResult Result)> actual)
    {
        Assert.Equal(expected.Select(x => x.Job.Index), actual.Select(x => x.Job.Index));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Result.Summary.National, actual[i].Result.Summary.National);
            Assert.Equal(expected[i].Result.NationalPeopleWithoutPower, actual[i].Result.NationalPeopleWithoutPower);
        }
    }
}

public class StudyKernelTests
{
    [Fact]
    public void Strategies_face_identical_strikes_in_each_replication_and_results_come_in_job_order()
    {
        var results = StudyFixture.Kernel.Value;
        Assert.Equal(Enumerable.Range(0, 6), results.Select(r => r.Job.Index));
        foreach (var replication in results.GroupBy(r => r.Job.Replication))
        {
            var national = replication.Select(r => r.Result.Summary.National).ToList();
            Assert.Equal(2, national.Count);
            Assert.Equal(national[0].WeaponsHit, national[1].WeaponsHit);
            Assert.Equal(national[0].WeaponsIntercepted, national[1].WeaponsIntercepted);
            Assert.Equal(national[0].AssetsDamaged, national[1].AssetsDamaged);
            Assert.Equal(national[0].PeakPeopleWithoutPowerDamage, national[1].PeakPeopleWithoutPowerDamage);
        }
        // Replications differ from each other: the draws are not reused.
        Assert.NotEqual(results[0].Result.Summary.National.CustomerHoursInterrupted, results[2].Result.Summary.National.CustomerHoursInterrupted);
    }
}

[Collection(OneSiloGroup.Name)]
public class StudyOneSiloTests(OneSiloCluster fixture)
{
    [Fact]
    public async Task A_study_on_grains_gives_the_kernels_results() =>
        StudyFixture.AssertSame(StudyFixture.Kernel.Value, await StudyFixture.RunAsync(StudyRunner.OnGrains(fixture.Cluster.Client)));
}

[Collection(ThreeSiloGroup.Name)]
public class StudyThreeSiloTests(ThreeSiloCluster fixture)
{
    [Fact]
    public async Task A_study_on_three_silos_gives_the_same_results_as_on_one() =>
        StudyFixture.AssertSame(StudyFixture.Kernel.Value, await StudyFixture.RunAsync(StudyRunner.OnGrains(fixture.Cluster.Client)));

    [Fact]
    public async Task A_study_spreads_its_replications_over_the_silos()
    {
        var before = ReplicationCalls.Snapshot();
        // 24 replications placed at random: all on one silo of three has a chance of 3 in 3^24.
        var study = StudyFixture.Small() with { Runs = 12 };
        var played = 0;
        await StudyRunner.RunAsync(study, StudyRunner.OnGrains(fixture.Cluster.Client), (_, _) => played++, concurrency: 4, CancellationToken.None);
        // Only this cluster's silos: other test clusters in the process count their replications too.
        var ours = fixture.Cluster.GetActiveSilos().Select(h => h.SiloAddress.ToString()).ToHashSet(StringComparer.Ordinal);
        var bySilo = ReplicationCalls.Snapshot().Where(kv => ours.Contains(kv.Key))
            .Select(kv => kv.Value - before.GetValueOrDefault(kv.Key)).Where(n => n > 0).ToList();
        Assert.Equal(24, played);
        Assert.Equal(24, bySilo.Sum());
        Assert.True(bySilo.Count >= 2, $"all replications played on one silo ({string.Join(", ", bySilo)})");
    }
}
