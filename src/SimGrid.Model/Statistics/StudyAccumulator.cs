using SimGrid.Model.Outputs;

namespace SimGrid.Model.Statistics;

/// <summary>
/// Collects a study's replications for one (variant, strategy) cell: each metric's values in replication order (so
/// strategies can be paired), and the national outage series for P10-P90 bands over time.
/// </summary>
public sealed class StudyCell(string variant, string strategy, int tickCount)
{
    private readonly List<double>[] metrics = [.. StudyMetrics.All.Select(_ => new List<double>())];
    private readonly List<double[]> series = [];
    private readonly List<double[]> damageSeries = [];

    public string Variant { get; } = variant;
    public string Strategy { get; } = strategy;
    public int Count => series.Count;

    public void Add(RunResult result)
    {
        for (var m = 0; m < metrics.Length; m++) metrics[m].Add(StudyMetrics.All[m].Value(result.Summary.National));
        series.Add(Copy(result.NationalPeopleWithoutPower));
        damageSeries.Add(Copy(result.NationalPeopleWithoutPowerDamage));
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
