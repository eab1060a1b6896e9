using System.Globalization;
using System.Text;
using SimGrid.Model.Outputs;
using SimGrid.Model.Statistics;

namespace SimGrid.Cli.Output;

/// <summary>results.csv of a study: one row per variant, replication and strategy, written as results arrive (in order).</summary>
public sealed class ResultsCsv(TextWriter writer)
{
    private readonly StringBuilder line = new(512);

    public void WriteHeader() =>
        writer.WriteLine("variant,replication,seed,strategy,weapons_launched,weapons_intercepted,weapons_hit,assets_damaged," +
                         string.Join(',', StudyMetrics.All.Select(m => m.Name)));

    public void Write(string variant, int replication, int seed, string strategy, RunSummary summary)
    {
        var n = summary.National;
        line.Clear();
        line.Append(variant).Append(',').Append(replication.ToString(CultureInfo.InvariantCulture))
            .Append(',').Append(seed.ToString(CultureInfo.InvariantCulture)).Append(',').Append(strategy)
            .Append(',').Append(n.WeaponsLaunched.ToString(CultureInfo.InvariantCulture))
            .Append(',').Append(n.WeaponsIntercepted.ToString(CultureInfo.InvariantCulture))
            .Append(',').Append(n.WeaponsHit.ToString(CultureInfo.InvariantCulture))
            .Append(',').Append(n.AssetsDamaged.ToString(CultureInfo.InvariantCulture));
        foreach (var (_, value) in StudyMetrics.All)
        {
            var v = value(n);
            // An empty cell: a restoration not reached within the run.
            line.Append(',').Append(double.IsNaN(v) ? "" : Math.Round(v, 3).ToString("R", CultureInfo.InvariantCulture));
        }
        writer.WriteLine(line);
    }
}
