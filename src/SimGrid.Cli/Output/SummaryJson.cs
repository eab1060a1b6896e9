using SimGrid.Model.Outputs;

namespace SimGrid.Cli.Output;

/// <summary>summary.json: the run's identity (scenario, seed, strategy) and its results, national and per region.</summary>
public static class SummaryJson
{
    public static void Write(Stream stream, RunSummary summary) => System.Text.Json.JsonSerializer.Serialize(stream, summary, OutputJson.Options);
}
