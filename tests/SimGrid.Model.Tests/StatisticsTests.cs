using SimGrid.Model.Statistics;

namespace SimGrid.Tests.Model;

public class StatisticsTests
{
    [Fact]
    public void A_small_sample_gives_the_figures_computed_by_hand()
    {
        // x = 2, 4, 4, 5, 7, 8: mean 5; sample variance (9 + 1 + 1 + 0 + 4 + 9) / 5 = 4.8; sd = sqrt(4.8).
        // t(0.975, 5) = 2.5705818366; half-width = t * sd / sqrt(6).
        var e = SampleStatistics.Describe([2, 4, 4, 5, 7, 8]);
        var half = 2.5705818366 * Math.Sqrt(4.8) / Math.Sqrt(6);
        Assert.Equal(6, e.N);
        Assert.Equal(5, e.Mean, precision: 12);
        Assert.Equal(5 - half, e.Ci95Low, precision: 8);
        Assert.Equal(5 + half, e.Ci95High, precision: 8);
        // R7: h = (n - 1) p; P10 at h = 0.5 -> 2 + 0.5 * (4 - 2) = 3; P50 at h = 2.5 -> 4.5; P90 at h = 4.5 -> 7.5.
        Assert.Equal(3, e.P10, precision: 12);
        Assert.Equal(4.5, e.P50, precision: 12);
        Assert.Equal(7.5, e.P90, precision: 12);
    }

    [Fact]
    public void Paired_differences_remove_what_both_share()
    {
        // b = a + 1 in every replication: the difference is exactly -1, with no spread at all.
        double[] a = [10, 50, 30, 90];
        double[] b = [11, 51, 31, 91];
        var d = SampleStatistics.Paired(a, b);
        Assert.Equal(-1, d.Mean, precision: 12);
        Assert.Equal(-1, d.Ci95Low, precision: 12);
        Assert.Equal(-1, d.Ci95High, precision: 12);
    }

    [Fact]
    public void Missing_values_are_left_out_and_counted()
    {
        var e = SampleStatistics.Describe([1, double.NaN, 3]);
        Assert.Equal(2, e.N);
        Assert.Equal(2, e.Mean, precision: 12);
        Assert.True(double.IsNaN(SampleStatistics.Describe([double.NaN]).Mean));
    }
}
