using SimGrid.Model.Scenario;
using SimGrid.Scenarios.Yaml;
using YamlDotNet.RepresentationModel;

namespace SimGrid.Scenarios;

/// <summary>Reads the weather section: day-by-day night minimum and day maximum, by default and per region.</summary>
internal static class WeatherReader
{
    public static WeatherSpec Read(MappingReader root, ScenarioContext context, string scenarioPath)
    {
        var weather = root.Mapping("weather");
        if (weather is null) return new WeatherSpec([new DailyTemperature(0, 0)], new Dictionary<string, IReadOnlyList<DailyTemperature>>());
        var series = ReadSeries(weather, context, scenarioPath);
        var defaults = Days(weather, "default", required: series is null || !series.ContainsKey(WeatherSpec.DefaultSeries));
        var byRegion = new SortedDictionary<string, IReadOnlyList<DailyTemperature>>(StringComparer.Ordinal);
        if (weather.Mapping("regions", required: false) is { } regions)
        {
            foreach (var (id, keyNode, _) in regions.Entries())
            {
                if (!context.KnowsRegion(id))
                {
                    regions.Diagnostics.Error(keyNode, regions.Child(id), $"unknown region '{id}'" + Suggest.DidYouMean(id, context.RegionIds));
                }
                byRegion[id] = Days(regions, id, required: true);
            }
        }
        weather.Finish();
        return new WeatherSpec(defaults, byRegion, series);
    }

    private static Dictionary<string, TemperatureSeries>? ReadSeries(MappingReader weather, ScenarioContext context, string scenarioPath)
    {
        if (weather.Text("series", required: false) is not { } file) return null;
        var displayPath = Path.Combine(Path.GetDirectoryName(scenarioPath) ?? "", file);
        var (resolved, refusal) = (context.Files ?? FileGate.Anywhere).Resolve(
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenarioPath)) ?? ".", file), WeatherSeriesReader.MaxBytes);
        if (resolved is null)
        {
            weather.Diagnostics.Error(weather.Get("series", false)!, weather.Child("series"), $"{file}: {refusal}");
            return null;
        }
        return WeatherSeriesReader.Read(resolved, displayPath, context, weather.Diagnostics);
    }

    private static IReadOnlyList<DailyTemperature> Days(MappingReader parent, string key, bool required)
    {
        var seq = parent.Sequence(key, required);
        var days = new List<DailyTemperature>();
        if (seq is null) return [new DailyTemperature(0, 0)];
        for (var i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is not YamlMappingNode m)
            {
                parent.Diagnostics.Error(seq.Children[i], $"{parent.Child(key)}[{i}]", "must be {night_min_c: ..., day_max_c: ...}");
                continue;
            }
            var day = new MappingReader(m, $"{parent.Child(key)}[{i}]", parent.Diagnostics);
            var min = day.Number("night_min_c", -60, 50);
            var max = day.Number("day_max_c", -60, 50);
            day.Finish();
            if (min > max) parent.Diagnostics.Error(m, day.Path, "night_min_c must not be above day_max_c");
            days.Add(new DailyTemperature(min ?? 0, max ?? 0));
        }
        if (days.Count == 0)
        {
            parent.Diagnostics.Error(seq, parent.Child(key), "needs at least one day");
            days.Add(new DailyTemperature(0, 0));
        }
        return days;
    }
}
