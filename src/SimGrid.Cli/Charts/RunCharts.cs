using ScottPlot;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Protocol;

namespace SimGrid.Cli.Charts;

/// <summary>
/// Charts of one run: people without power nationally over time (rolling schedules and damage apart), and the regions
/// hit hardest. Fed tick by tick, so a run keeps only a few series in memory.
/// </summary>
public sealed class RunCharts(IReadOnlyList<string> regionIds, double tickHours)
{
    private const int RegionLines = 6;
    private readonly List<double> hours = [];
    private readonly List<double> rolling = [];
    private readonly List<double> damage = [];
    private readonly List<double>[] byRegion = [.. regionIds.Select(_ => new List<double>())];

    public void Add(int tick, ReadOnlySpan<RegionTickRecord> records)
    {
        var national = RegionTickRecord.Sum(records);
        hours.Add(tick * tickHours);
        rolling.Add(national.PeopleOffRolling / 1e6);
        damage.Add(national.PeopleOffDamage / 1e6);
        for (var r = 0; r < records.Length; r++) byRegion[r].Add(records[r].PeopleOff / 1e3);
    }

    public void Save(Output.OutputFolder folder, RunSummary summary)
    {
        var national = new Plot();
        var xs = hours.ToArray();
        var total = rolling.Zip(damage, (a, b) => a + b).ToArray();
        var damageFill = national.Add.FillY(xs, damage.ToArray(), new double[xs.Length]);
        damageFill.FillStyle.Color = ChartStyle.Colour(1).WithAlpha(0.55);
        damageFill.LegendText = "damage-caused";
        var rollingFill = national.Add.FillY(xs, total, damage.ToArray());
        rollingFill.FillStyle.Color = ChartStyle.Colour(0).WithAlpha(0.45);
        rollingFill.LegendText = "rolling schedules";
        national.Title($"People without power, national · {summary.Scenario} · seed {summary.Seed} · {summary.Strategy}");
        national.XLabel("hours since start");
        national.YLabel("people without power (millions)");
        national.ShowLegend(Alignment.UpperRight);
        ChartStyle.Save(national, folder, "national");

        var regions = new Plot();
        var worst = summary.Regions.Select((r, i) => (r, i)).OrderByDescending(x => x.r.PeakPeopleWithoutPower)
            .ThenBy(x => x.r.Id, StringComparer.Ordinal).Take(RegionLines).ToList();
        for (var k = 0; k < worst.Count; k++)
        {
            var line = regions.Add.ScatterLine(xs, byRegion[worst[k].i].ToArray());
            line.Color = ChartStyle.Colour(k);
            line.LineWidth = 2;
            line.LegendText = worst[k].r.Id;
        }
        regions.Title($"People without power in the {worst.Count} regions hit hardest");
        regions.XLabel("hours since start");
        regions.YLabel("people without power (thousands)");
        regions.ShowLegend(Alignment.UpperRight);
        ChartStyle.Save(regions, folder, "regions");
    }
}
