using SimGrid.Model.Outputs;
using SimGrid.Model.Randomness;

namespace SimGrid.Model.Statistics;

/// <summary>
/// Collects a study's replications for one (variant, strategy) cell: each metric's values in replication order (so
/// strategies can be paired), and the national outage series for P10-P90 bands over time. The series are kept for at
/// most <see cref="SeriesKept"/> replications, a uniform sample of them beyond that (reservoir sampling from the study's
/// seed, so the same study gives the same bands on any number of silos: results arrive in job order), so memory stays
/// flat however many replications a study plays. A band from 1,000 of many replications puts each quantile within
/// about +-3 percentiles of the exact one (two standard errors of a sample quantile's rank, 2 sqrt(p(1-p)/1000), at
/// p = 0.5; less at P10 and P90).
/// </summary>
public sealed class StudyCell(string variant, string strategy, int tickCount, int seed = 0)
{
    /// <summary>Replications whose series a cell keeps for its bands.</summary>
    public const int SeriesKept = 1000;

    private readonly List<double>[] metrics = [.. StudyMetrics.All.Select(_ => new List<double>())];
    private readonly List<double[]> series = [];
    private readonly List<double[]> damageSeries = [];
    private readonly Random reservoir = RandomStreams.Create(seed, 0, variant, "bands " + strategy);

    public string Variant { get; } = variant;
    public string Strategy { get; } = strategy;

    /// <summary>Replications added.</summary>
    public int Count { get; private set; }

    /// <summary>Replications whose series the bands are drawn from (all of them up to <see cref="SeriesKept"/>).</summary>
    public int SeriesCount => series.Count;

    public void Add(RunResult result)
    {
        for (var m = 0; m < metrics.Length; m++) metrics[m].Add(StudyMetrics.All[m].Value(result.Summary.National));
        Count++;
        if (series.Count < SeriesKept)
        {
            series.Add(Copy(result.NationalPeopleWithoutPower));
            damageSeries.Add(Copy(result.NationalPeopleWithoutPowerDamage));
            return;
        }
        // Algorithm R: the k-th replication replaces a kept one with probability SeriesKept / k.
        var slot = reservoir.Next(Count);
        if (slot >= SeriesKept) return;
        series[slot] = Copy(result.NationalPeopleWithoutPower);
        damageSeries[slot] = Copy(result.NationalPeopleWithoutPowerDamage);
    }

    public IReadOnlyList<double> Values(int metric) => metrics[metric];

    private double[] Copy(IReadOnlyList<double> values)
    {
        var s = new double[tickCount];
        for (var t = 0; t < tickCount && t < values.Count; t++) s[t] = values[t];
        return s;
    }

    /// <summary>P10, P50, P90 at each tick, over replications, of national people without power (or damage-caused only).</summary>
    public (double[] P10, double[] P50, double[] P90) Band(bool damageOnly = false)
    {
        var source = damageOnly ? damageSeries : series;
        var p10 = new double[tickCount];
        var p50 = new double[tickCount];
        var p90 = new double[tickCount];
        var column = new double[series.Count];
        for (var t = 0; t < tickCount; t++)
        {
            for (var r = 0; r < source.Count; r++) column[r] = source[r][t];
            var e = SampleStatistics.Describe(column);
            (p10[t], p50[t], p90[t]) = (e.P10, e.P50, e.P90);
        }
        return (p10, p50, p90);
    }
}
