using System.Globalization;
using SimGrid.Hosting.Hindcast;
using SimGrid.Model.Hindcast;

namespace SimGrid.Cli.Output;

/// <summary>hindcast.csv: one row per case, seed and reported outcome, with the model's value and the verdict.</summary>
public static class HindcastCsv
{
    public const string Header = "case,outcome,seed,metric,regions,hours,kind,reported,predicted,hit,source";

    public static void Write(TextWriter writer, IEnumerable<HindcastResult> results)
    {
        writer.WriteLine(Header);
        foreach (var result in results)
        {
            foreach (var scored in result.Outcomes)
            {
                var o = scored.Outcome;
                var hours = o.AtHours is { } h ? Number(h) : o.ToHours is { } to ? $"peak {Number(o.FromHours)}-{Number(to)}" : "peak";
                writer.WriteLine(string.Join(',',
                    o.Case, o.Id, result.Seed.ToString(CultureInfo.InvariantCulture), Name(o.Metric),
                    o.Regions.Count == 0 ? "national" : string.Join(' ', o.Regions), hours, Name(o.Kind),
                    Number(o.Value), double.IsNaN(scored.Predicted) ? "" : Number(scored.Predicted), scored.Hit ? "hit" : "miss", o.Source));
            }
        }
    }

    public static string Number(double v) => Math.Round(v, 3).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>snake_case, as in reported.yaml.</summary>
    public static string Name<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString()!.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()))
            .Replace("_mw", "", StringComparison.Ordinal);
}
