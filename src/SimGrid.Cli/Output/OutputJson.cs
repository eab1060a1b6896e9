using System.Text.Json;
using System.Text.Json.Serialization;
using SimGrid.Hosting.Json;

namespace SimGrid.Cli.Output;

/// <summary>How SimGrid writes JSON files: snake_case names, indented, doubles to three decimals, NaN (nothing to estimate) as null.</summary>
public static class OutputJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = new SnakeCaseWithDigits(),
        WriteIndented = true,
        Converters = { new RoundedDouble() },
    };

    /// <summary>Three decimals: more is noise in these figures, and fixed rounding keeps files byte-comparable.</summary>
    private sealed class RoundedDouble : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) writer.WriteNullValue();
            else writer.WriteNumberValue(Math.Round(value, 3));
        }
    }
}
