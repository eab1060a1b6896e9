using System.Globalization;
using SimGrid.Hosting.Hindcast;
using SimGrid.Model.Hindcast;
using Spectre.Console;

namespace SimGrid.Cli.Output;

/// <summary>The hindcast table: case, outcome, predicted, reported, hit or miss.</summary>
public static class HindcastTable
{
    public static Table Build(IEnumerable<HindcastResult> results)
    {
        var table = new Table().Title("Hindcast: the model against what was reported")
            .AddColumns("case", "outcome", "where", "when", "kind", "reported", "predicted", "");
        foreach (var result in results)
        {
            foreach (var scored in result.Outcomes)
            {
                var o = scored.Outcome;
                var when = o.AtHours is { } h ? $"t0+{h:0.#} h" : o.ToHours is { } to ? $"peak {o.FromHours:0}-{to:0} h" : "peak";
                table.AddRow(
                    Markup.Escape(o.Case), Markup.Escape(o.Id), Markup.Escape(o.Regions.Count == 0 ? "national" : string.Join(", ", o.Regions)),
                    when, HindcastCsv.Name(o.Kind), Format(o.Metric, o.Value), Format(o.Metric, scored.Predicted),
                    scored.Hit ? "[green]hit[/]" : "[red]miss[/]");
            }
        }
        return table;
    }

    public static string Format(OutcomeMetric metric, double value) => double.IsNaN(value) ? "not reached" : metric switch
    {
        OutcomeMetric.ShareWithoutPower => value.ToString("P0", CultureInfo.InvariantCulture),
        OutcomeMetric.ShortfallMw => string.Create(CultureInfo.InvariantCulture, $"{value:N0} MW"),
        OutcomeMetric.HoursToRestoreHeat or OutcomeMetric.HoursToRestorePower => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} h"),
        OutcomeMetric.NuclearUnitsTripped => value >= 1 ? string.Create(CultureInfo.InvariantCulture, $"yes ({value:0})") : "no",
        OutcomeMetric.RegionsCut => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value >= 1e6 ? string.Create(CultureInfo.InvariantCulture, $"{value / 1e6:0.##} M") : string.Create(CultureInfo.InvariantCulture, $"{value / 1e3:0.#} k"),
    };
}
