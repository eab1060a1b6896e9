using ScottPlot;
using SimGrid.Hosting.Hindcast;
using SimGrid.Model.Hindcast;

namespace SimGrid.Cli.Charts;

/// <summary>
/// Predicted against reported, log-log, one point per outcome with a magnitude (people, MW, hours, regions), the
/// diagonal and the 2x band around it; hits and misses in two colour-blind-safe colours. Shares and flags are in
/// the table: a log axis has no place for a 0.2 band or a yes/no.
/// </summary>
public static class HindcastChart
{
    public static void Save(Output.OutputFolder folder, IReadOnlyList<HindcastResult> results, double score)
    {
        var plot = new Plot();
        var points = results.SelectMany(r => r.Outcomes)
            .Where(o => o.Outcome.Kind is OutcomeKind.Approx or OutcomeKind.AtLeast && o.Outcome.Value > 0)
            .Select(o => (X: Math.Log10(o.Outcome.Value), Y: Math.Log10(Math.Max(1, double.IsNaN(o.Predicted) ? 1 : o.Predicted)), o.Hit))
            .ToList();
        var lo = Math.Floor(points.Count == 0 ? 0 : Math.Min(points.Min(p => p.X), points.Min(p => p.Y)));
        var hi = Math.Ceiling(points.Count == 0 ? 7 : Math.Max(points.Max(p => p.X), points.Max(p => p.Y)));
        var band = Math.Log10(OutcomeScorer.Factor);
        var fill = plot.Add.FillY([lo, hi], [lo + band, hi + band], [lo - band, hi - band]);
        fill.FillStyle.Color = ChartStyle.Colour(5).WithAlpha(0.25);
        fill.LegendText = "within 2x";
        var diagonal = plot.Add.Line(lo, lo, hi, hi);
        diagonal.LineColor = Colors.Gray;
        foreach (var (hit, colour, label) in new[] { (true, ChartStyle.Colour(0), "hit"), (false, ChartStyle.Colour(1), "miss") })
        {
            var group = points.Where(p => p.Hit == hit).ToList();
            if (group.Count == 0) continue;
            var scatter = plot.Add.ScatterPoints(group.Select(p => p.X).ToArray(), group.Select(p => p.Y).ToArray());
            scatter.Color = colour;
            scatter.MarkerSize = 9;
            scatter.MarkerShape = hit ? MarkerShape.FilledCircle : MarkerShape.FilledDiamond;
            scatter.LegendText = $"{label} ({group.Count})";
        }
        static string Power(double v) => v == Math.Round(v) ? $"1e{v:0}" : "";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Power, IntegerTicksOnly = true };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Power, IntegerTicksOnly = true };
        plot.Axes.SetLimits(lo - 0.1, hi + 0.2, lo - 0.1, hi + 0.2);
        plot.Title($"Hindcast: predicted against reported · {score:P0} of outcomes within tolerance");
        plot.XLabel("reported (people, MW, hours or regions; log scale)");
        plot.YLabel("predicted (same unit; log scale)");
        plot.ShowLegend(Alignment.UpperLeft);
        ChartStyle.Save(plot, folder, "hindcast");
    }
}
