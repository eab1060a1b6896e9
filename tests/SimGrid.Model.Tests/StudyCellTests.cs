using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Model.Statistics;
using static SimGrid.Tests.Model.Builders;

namespace SimGrid.Tests.Model;

/// <summary>A study cell's bands: exact up to the series it keeps, a seeded uniform sample of them beyond, memory flat.</summary>
public class StudyCellTests
{
    private const int Ticks = 4;

    // One real summary (the metrics need one); the series are set per replication so the quantiles are known.
    private static readonly RunSummary Summary = GridSimulation.Run(new RunSetup(Scenario(Grid([Region("r")]), duration: TimeSpan.FromHours(1)), 1, "fifo", 0));

    private static RunResult Replication(int r) => new(Summary, [.. Enumerable.Repeat((double)r, Ticks)], [.. Enumerable.Repeat(r / 2.0, Ticks)]);

    private static StudyCell Fill(int replications, int seed = 7)
    {
        var cell = new StudyCell("v", "fifo", Ticks, seed);
        for (var r = 0; r < replications; r++) cell.Add(Replication(r));
        return cell;
    }

    [Fact]
    public void Up_to_the_series_kept_the_band_is_the_exact_one()
    {
        var cell = Fill(StudyCell.SeriesKept);
        var exact = SampleStatistics.Describe(Enumerable.Range(0, StudyCell.SeriesKept).Select(r => (double)r));
        var (p10, p50, p90) = cell.Band();
        Assert.All(p10, v => Assert.Equal(exact.P10, v));
        Assert.All(p50, v => Assert.Equal(exact.P50, v));
        Assert.All(p90, v => Assert.Equal(exact.P90, v));
    }

    [Fact]
    public void Beyond_it_memory_stays_flat_and_the_band_is_within_its_stated_error()
    {
        const int n = 5 * StudyCell.SeriesKept;
        var cell = Fill(n);
        Assert.Equal(n, cell.Count);
        Assert.Equal(StudyCell.SeriesKept, cell.SeriesCount);
        Assert.Equal(n, cell.Values(0).Count);   // per-replication metrics are still all kept (a few numbers each)
        var (p10, p50, p90) = cell.Band();
        // Replication r's series is r, so the exact quantile q is about q * n; the stated error is 2 sqrt(q(1-q)/1000) of n.
        foreach (var (band, q) in new[] { (p10, 0.1), (p50, 0.5), (p90, 0.9) })
        {
            var tolerance = 2 * Math.Sqrt(q * (1 - q) / StudyCell.SeriesKept) * n;
            Assert.All(band, v => Assert.InRange(v, (q * n) - tolerance, (q * n) + tolerance));
        }
        var damage = cell.Band(damageOnly: true);
        Assert.Equal(p50[0] / 2, damage.P50[0]);   // the same replications are kept for both series
    }

    [Fact]
    public void The_same_study_gives_the_same_band_and_another_seed_another_sample()
    {
        Assert.Equal(Fill(3000).Band().P50, Fill(3000).Band().P50);
        Assert.NotEqual(Fill(3000).Band().P50, Fill(3000, seed: 8).Band().P50);
    }
}
