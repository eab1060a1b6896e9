using System.Globalization;
using SimGrid.Model.Statistics;
using Spectre.Console;

namespace SimGrid.Cli.Output;

/// <summary>The study in a few lines per variant: each strategy's headline metrics, and how it differs from the first.</summary>
public static class CompareTable
{
    private static readonly string[] Headline = ["customer_hours_interrupted", "peak_people_without_power", "person_hours_below_16c", "hours_to_restore_90pct"];

    public static IEnumerable<Table> Build(IReadOnlyList<StudyCell> cells)
    {
        foreach (var group in cells.GroupBy(c => c.Variant))
        {
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{group.Key} · {group.First().Count} paired replications · mean [95% CI] (P10-P90)"))
                .AddColumn("strategy");
            foreach (var name in Headline) table.AddColumn(new TableColumn(name.Replace('_', ' ')).RightAligned());
            var first = group.First();
            foreach (var cell in group)
            {
                var row = new List<string> { cell.Strategy };
                foreach (var name in Headline)
                {
                    var m = StudyMetrics.All.Select((x, i) => (x.Name, i)).First(x => x.Name == name).i;
                    var e = SampleStatistics.Describe(cell.Values(m));
                    var text = $"{F(e.Mean)} [{F(e.Ci95Low)}, {F(e.Ci95High)}] ({F(e.P10)}-{F(e.P90)})";
                    if (cell != first)
                    {
                        var d = SampleStatistics.Paired(cell.Values(m), first.Values(m));
                        text += $"\nvs {first.Strategy}: {Signed(d.Mean)} [{Signed(d.Ci95Low)}, {Signed(d.Ci95High)}]";
                    }
                    row.Add(text);
                }
                table.AddRow([.. row.Select(t => new Markup(Markup.Escape(t)))]);
            }
            yield return table;
        }
    }

    private static string F(double v) => double.IsNaN(v) ? "n/a" : Compact(v);

    private static string Signed(double v) => double.IsNaN(v) ? "n/a" : (v >= 0 ? "+" : "") + Compact(v);

    private static string Compact(double v) => Math.Abs(v) switch
    {
        >= 1e6 => (v / 1e6).ToString("F2", CultureInfo.InvariantCulture) + "M",
        >= 1e4 => (v / 1e3).ToString("F0", CultureInfo.InvariantCulture) + "k",
        _ => v.ToString("F1", CultureInfo.InvariantCulture),
    };
}
