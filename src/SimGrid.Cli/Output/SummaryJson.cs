using SimGrid.Hosting.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using SimGrid.Model.Outputs;

namespace SimGrid.Cli.Output;

/// <summary>summary.json: the run's identity (scenario, seed, strategy) and its results, national and per region.</summary>
public static class SummaryJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = new SnakeCaseWithDigits(),
        WriteIndented = true,
        Converters = { new RoundedDouble() },
    };

    public static void Write(Stream stream, RunSummary summary) => JsonSerializer.Serialize(stream, summary, Options);

    public static string ToJson(RunSummary summary) => JsonSerializer.Serialize(summary, Options);

    /// <summary>Three decimals: more is noise in these figures, and fixed rounding keeps files byte-comparable.</summary>
    private sealed class RoundedDouble : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Math.Round(value, 3));
    }
}
