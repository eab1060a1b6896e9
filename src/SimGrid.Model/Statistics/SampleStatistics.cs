using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace SimGrid.Model.Statistics;

/// <summary>
/// Summaries of a sample with MathNet.Numerics: the mean's 95% confidence interval from Student's t (n - 1 degrees of
/// freedom), quantiles by definition R7 (linear interpolation, as in R's default, NumPy and spreadsheets). Values that
/// are NaN (a restoration never reached within the run) are left out and show in N.
/// </summary>
public static class SampleStatistics
{
    public static Estimate Describe(IEnumerable<double> sample)
    {
        var values = sample.Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0) return new Estimate(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var mean = values.Mean();
        var half = HalfWidth(values);
        return new Estimate(values.Length, mean, mean - half, mean + half,
            values.QuantileCustom(0.1, QuantileDefinition.R7), values.QuantileCustom(0.5, QuantileDefinition.R7),
            values.QuantileCustom(0.9, QuantileDefinition.R7));
    }

    /// <summary>Differences <paramref name="a"/>[i] - <paramref name="b"/>[i] of paired replications, summarised.</summary>
    public static Estimate Paired(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("paired samples need the same replications", nameof(b));
        return Describe(a.Select((x, i) => x - b[i]));
    }

    private static double HalfWidth(double[] values)
    {
        if (values.Length < 2) return double.NaN;
        var t = StudentT.InvCDF(0, 1, values.Length - 1, 0.975);
        return t * values.StandardDeviation() / Math.Sqrt(values.Length);
    }
}
