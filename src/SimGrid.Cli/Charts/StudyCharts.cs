using ScottPlot;
using SimGrid.Model.Statistics;

namespace SimGrid.Cli.Charts;

/// <summary>
/// A study's charts: national people without power over time with a P10-P90 band and the median per strategy (one chart
/// per variant), and the spread of customer-hours interrupted per strategy and variant as box plots (P10-P90 whiskers).
/// </summary>
public static class StudyCharts
{
    public static void Save(Output.OutputFolder folder, IReadOnlyList<StudyCell> cells, double tickHours, string scenario)
    {
        Bands(folder, cells, tickHours, scenario, damageOnly: false);
        Bands(folder, cells, tickHours, scenario, damageOnly: true);
        Boxes(folder, cells, scenario, differences: false);
        Boxes(folder, cells, scenario, differences: true);
    }

    private static void Bands(Output.OutputFolder folder, IReadOnlyList<StudyCell> cells, double tickHours, string scenario, bool damageOnly)
    {
        foreach (var variant in cells.Select(c => c.Variant).Distinct())
        {
            var plot = new Plot();
            var group = cells.Where(c => c.Variant == variant).ToList();
            for (var k = 0; k < group.Count; k++)
            {
                var (p10, p50, p90) = group[k].Band(damageOnly);
                var xs = Enumerable.Range(0, p50.Length).Select(t => t * tickHours).ToArray();
                var band = plot.Add.FillY(xs, [.. p90.Select(v => v / 1e6)], [.. p10.Select(v => v / 1e6)]);
                band.FillStyle.Color = ChartStyle.Colour(k).WithAlpha(0.18);
                band.LineStyle.Width = 0;
                var median = plot.Add.ScatterLine(xs, [.. p50.Select(v => v / 1e6)]);
                median.Color = ChartStyle.Colour(k);
                median.LineWidth = 2;
                median.LegendText = $"{group[k].Strategy} (median, band P10-P90)";
            }
            var what = damageOnly ? "People without power through damage" : "People without power (rolling schedules and damage)";
            plot.Title($"{what}, national · {scenario}{(variant == "base" ? "" : " · " + variant)} · {group[0].Count} replications");
            plot.XLabel("hours since start");
            plot.YLabel("people (millions)");
            plot.ShowLegend(Alignment.UpperRight);
            var name = damageOnly ? "people_without_power_damage" : "people_without_power";
            ChartStyle.Save(plot, folder, variant == "base" ? name : $"{name}_{FileSafe(variant)}");
        }
    }

    /// <summary>
    /// Customer-hours interrupted per replication, or (differences) each strategy minus the first in the same
    /// replication: with paired seeds the differences show what the strategy changes, without the spread of the strikes.
    /// </summary>
    private static void Boxes(Output.OutputFolder folder, IReadOnlyList<StudyCell> cells, string scenario, bool differences)
    {
        var boxes = new Plot();
        var metric = StudyMetrics.All.Select((m, i) => (m.Name, i)).First(m => m.Name == "customer_hours_interrupted").i;
        var strategies = cells.Select(c => c.Strategy).Distinct().ToList();
        var positions = new List<double>();
        var labels = new List<string>();
        for (var k = 0; k < cells.Count; k++)
        {
            var first = cells.First(c => c.Variant == cells[k].Variant);
            if (differences && cells[k] == first) continue;
            var values = differences
                ? [.. cells[k].Values(metric).Select((v, i) => (v - first.Values(metric)[i]) / 1e6)]
                : cells[k].Values(metric).Select(v => v / 1e6).ToArray();
            var e = SampleStatistics.Describe(values);
            var position = k + (Array.IndexOf([.. cells.Select(c => c.Variant).Distinct()], cells[k].Variant) * 0.5);
            var box = new Box
            {
                Position = position,
                BoxMin = Quantile(values, 0.25),
                BoxMax = Quantile(values, 0.75),
                BoxMiddle = e.P50,
                WhiskerMin = e.P10,
                WhiskerMax = e.P90,
            };
            var added = boxes.Add.Box(box);
            added.FillColor = ChartStyle.Colour(strategies.IndexOf(cells[k].Strategy)).WithAlpha(0.6);
            positions.Add(position);
            labels.Add(cells[k].Variant == "base" ? cells[k].Strategy : $"{cells[k].Strategy}\n{cells[k].Variant}");
        }
        if (positions.Count == 0) return;
        boxes.Axes.Bottom.SetTicks([.. positions], [.. labels]);
        if (differences)
        {
            boxes.Add.HorizontalLine(0, 1, Colors.Black);
            boxes.Title($"Customer-hours interrupted, strategy minus {strategies[0]} in the same replication · box P25-P75, whiskers P10-P90");
            boxes.YLabel("difference (millions of customer-hours; below 0 is better)");
        }
        else
        {
            boxes.Title($"Customer-hours interrupted per replication · box P25-P75, whiskers P10-P90");
            boxes.YLabel("customer-hours interrupted (millions)");
        }
        ChartStyle.Save(boxes, folder, differences ? "customer_hours_difference" : "customer_hours");
    }

    private static double Quantile(double[] values, double tau) =>
        MathNet.Numerics.Statistics.Statistics.QuantileCustom(values, tau, MathNet.Numerics.Statistics.QuantileDefinition.R7);

    private static string FileSafe(string name) => new([.. name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_')]);
}
