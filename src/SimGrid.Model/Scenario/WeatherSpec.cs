namespace SimGrid.Model.Scenario;

/// <summary>
/// Temperatures: day-by-day minimum and maximum by default and per region, or a series (from a CSV file) per region or
/// for all ("default"). A region's own series wins, then the default series, then its days, then the default days.
/// The last given day repeats past the end.
/// </summary>
public sealed record WeatherSpec(
    IReadOnlyList<DailyTemperature> Default,
    IReadOnlyDictionary<string, IReadOnlyList<DailyTemperature>> ByRegion,
    IReadOnlyDictionary<string, TemperatureSeries>? Series = null)
{
    public const string DefaultSeries = "default";

    public IReadOnlyList<DailyTemperature> For(string regionId) =>
        ByRegion.TryGetValue(regionId, out var days) ? days : Default;

    public TemperatureSeries? SeriesFor(string regionId) =>
        Series is null ? null : Series.TryGetValue(regionId, out var s) ? s : Series.GetValueOrDefault(DefaultSeries);
}
