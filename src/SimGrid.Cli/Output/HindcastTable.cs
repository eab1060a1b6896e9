using System.Globalization;
using SimGrid.Hosting.Hindcast;
using SimGrid.Model.Hindcast;
using Spectre.Console;

namespace SimGrid.Cli.Output;

/// <summary>
/// The hindcast table: case, outcome, predicted, reported, hit or miss. With several seeds, the first seed's row also
/// says in how many seeds the outcome is within tolerance and over what range the predictions spread: an outcome hit
/// under every seed is a mechanism the model has, one hit under half of them is the draw.
/// </summary>
public static class HindcastTable
{
    /// <param name="shown">The results whose predictions the rows show (the first seed's).</param>
    /// <param name="all">Every seed's results: with more than one seed, the columns across seeds.</param>
    public static Table Build(IEnumerable<HindcastResult> shown, IReadOnlyList<HindcastResult> all)
    {
        // Seeds played per case (each case's own seed is one, though the cases' seeds differ).
        var seeds = all.Count == 0 ? 0 : all.Count(r => ReferenceEquals(r.Case, all[0].Case));
        var bySeed = seeds > 1 ? all.SelectMany(r => r.Outcomes).ToLookup(s => (s.Outcome.Case, s.Outcome.Id)) : null;
        var table = new Table().Title("Hindcast: the model against what was reported")
            .AddColumns("case", "outcome", "where", "when", "kind", "reported", "predicted", "");
        if (bySeed is not null) table.AddColumns($"hit in {seeds} seeds", "range over seeds");
        foreach (var result in shown)
        {
            foreach (var scored in result.Outcomes)
            {
                var o = scored.Outcome;
                var when = o.AtHours is { } h ? $"t0+{h:0.#} h" : o.ToHours is { } to ? $"peak {o.FromHours:0}-{to:0} h" : "peak";
                List<string> row =
                [
                    Markup.Escape(o.Case), Markup.Escape(o.Id), Markup.Escape(o.Regions.Count == 0 ? "national" : string.Join(", ", o.Regions)),
                    when, HindcastCsv.Name(o.Kind), Format(o.Metric, o.Value), Format(o.Metric, scored.Predicted),
                    scored.Hit ? "[green]hit[/]" : "[red]miss[/]",
                ];
                if (bySeed is not null)
                {
                    var across = bySeed[(o.Case, o.Id)].ToList();
                    var reached = across.Select(s => s.Predicted).Where(v => !double.IsNaN(v)).ToList();
                    row.Add(string.Create(CultureInfo.InvariantCulture, $"{across.Count(s => s.Hit)}"));
                    var range = reached.Count == 0 ? "" : $"{Format(o.Metric, reached.Min())} - {Format(o.Metric, reached.Max())}";
                    var missing = across.Count - reached.Count;
                    row.Add(missing == 0 ? range : string.Join(", ", new[] { range, $"{missing} not reached" }.Where(p => p.Length > 0)));
                }
                table.AddRow([.. row]);
            }
        }
        return table;
    }

    public static string Format(OutcomeMetric metric, double value) => double.IsNaN(value) ? "not reached" : metric switch
    {
        OutcomeMetric.ShareWithoutPower => value.ToString("P0", CultureInfo.InvariantCulture),
        OutcomeMetric.ShortfallMw => string.Create(CultureInfo.InvariantCulture, $"{value:N0} MW"),
        OutcomeMetric.HoursToRestoreHeat or OutcomeMetric.HoursToRestorePower or OutcomeMetric.HoursToRestoreMostRegions => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} h"),
        OutcomeMetric.NuclearUnitsTripped => value >= 1 ? string.Create(CultureInfo.InvariantCulture, $"yes ({value:0})") : "no",
        OutcomeMetric.RegionsCut => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value >= 1e6 ? string.Create(CultureInfo.InvariantCulture, $"{value / 1e6:0.##} M") : string.Create(CultureInfo.InvariantCulture, $"{value / 1e3:0.#} k"),
    };
}
