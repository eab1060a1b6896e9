using System.Globalization;
using CsvHelper;
using SimGrid.Model.Scenario;
using SimGrid.Scenarios.Yaml;
using YamlDotNet.Core;

namespace SimGrid.Scenarios;

/// <summary>
/// Reads a weather series CSV (columns time, region, temperature_c; region "default" for all regions without their own).
/// Problems are reported in the CSV file itself, as file:line:col.
/// </summary>
internal static class WeatherSeriesReader
{
    private static readonly string[] Columns = ["time", "region", "temperature_c"];

    /// <summary>A year of hourly rows for every region is about 20 MB; nothing larger is read.</summary>
    public const long MaxBytes = 64 * 1024 * 1024;

    public static Dictionary<string, TemperatureSeries> Read(string path, string displayPath, ScenarioContext context, Diagnostics scenarioDiagnostics)
    {
        var d = new Diagnostics(displayPath);
        var points = new SortedDictionary<string, SortedDictionary<DateTimeOffset, double>>(StringComparer.Ordinal);
        try
        {
            using var csv = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true, CommentPrefix = '#', FormatProvider = CultureInfo.InvariantCulture });
            // The first Read also reads the header, past any comment lines.
            var more = csv.Read();
            if (!Columns.All(csv.Headers.Contains))
            {
                d.Error(new Mark(0, 1, 1), "", "the header must name the columns time, region, temperature_c");
            }
            else
            {
                for (; more; more = csv.Read()) ReadRow(csv, context, d, points);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException or InvalidDataException)
        {
            d.Error(new Mark(0, 1, 1), "", $"cannot read weather series: {e.Message.Split('\n')[0]}");
        }
        scenarioDiagnostics.AddRange(d.All);
        return points.Where(p => p.Value.Count > 0).ToDictionary(
            p => p.Key, p => new TemperatureSeries([.. p.Value.Keys], [.. p.Value.Values]), StringComparer.Ordinal);
    }

    private static void ReadRow(CsvReader csv, ScenarioContext context, Diagnostics d,
        SortedDictionary<string, SortedDictionary<DateTimeOffset, double>> points)
    {
        var line = csv.LineNumber;
        var time = csv.GetString("time");
        var region = csv.GetString("region");
        var value = csv.GetString("temperature_c");
        var ok = true;
        if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) || !time.Contains('T', StringComparison.Ordinal) ||
            !(time.EndsWith('Z') || time.Length > 6 && (time[^6] == '+' || time[^6] == '-')))
        {
            d.Error(new Mark(0, line, Column(csv, "time")), "time", $"'{time}' is not a timestamp with a UTC offset");
            ok = false;
        }
        if (region != WeatherSpec.DefaultSeries && !context.KnowsRegion(region))
        {
            d.Error(new Mark(0, line, Column(csv, "region")), "region", $"unknown region '{region}'" + Suggest.DidYouMean(region, context.RegionIds));
            ok = false;
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) || !InputLimits.TemperatureC.Admits(c))
        {
            d.Error(new Mark(0, line, Column(csv, "temperature_c")), "temperature_c", $"{InputLimits.TemperatureC.Rule} (got '{value}')");
            ok = false;
        }
        if (!ok) return;
        if (!points.TryGetValue(region, out var series)) points[region] = series = [];
        if (!series.TryAdd(at, c)) d.Error(new Mark(0, line, 1), "", $"a second temperature for {region} at {time}");
    }

    /// <summary>1-based column of a field in the raw line (fields before it plus their commas).</summary>
    private static long Column(CsvReader csv, string name)
    {
        var index = csv.GetFieldIndex(name);
        long col = 1;
        for (var i = 0; i < index; i++) col += csv.GetString(i).Length + 1;
        return col;
    }
}
