using System.Text.Json;
using SimGrid.Model.Statistics;

namespace SimGrid.Cli.Output;

/// <summary>
/// summary.json of a study: per variant and strategy, each metric's mean, 95% CI, P10/P50/P90, and the paired
/// difference against the first strategy (same replications, so the same strikes) with its 95% CI.
/// </summary>
public static class StudyJson
{
    public sealed record Document(string Scenario, int Seed, int Runs, double WeatherErrorC, IReadOnlyList<string> Strategies, IReadOnlyList<Variant> Variants);

    public sealed record Variant(string Name, IReadOnlyList<StrategyResult> Strategies);

    public sealed record StrategyResult(string Strategy, IReadOnlyDictionary<string, Estimate> Metrics, IReadOnlyDictionary<string, Estimate>? DifferenceFromFirst);

    public static Document Build(string scenario, int seed, int runs, double weatherError, IReadOnlyList<string> strategies, IReadOnlyList<StudyCell> cells)
    {
        var variants = cells.GroupBy(c => c.Variant).Select(g =>
        {
            var first = g.First();
            var results = g.Select(cell => new StrategyResult(
                cell.Strategy,
                StudyMetrics.All.Select((m, i) => (m.Name, Estimate: SampleStatistics.Describe(cell.Values(i)))).ToDictionary(x => x.Name, x => x.Estimate),
                cell == first ? null : StudyMetrics.All.Select((m, i) => (m.Name, Estimate: SampleStatistics.Paired(cell.Values(i), first.Values(i))))
                    .ToDictionary(x => x.Name, x => x.Estimate))).ToList();
            return new Variant(g.Key, results);
        }).ToList();
        return new Document(scenario, seed, runs, weatherError, strategies, variants);
    }

    public static void Write(Stream stream, Document document) => JsonSerializer.Serialize(stream, document, OutputJson.Options);
}
