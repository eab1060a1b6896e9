namespace SimGrid.Model.Scenario;

/// <summary>Day-by-day temperatures: a default for every region and overrides for some. The last day repeats past the end.</summary>
public sealed record WeatherSpec(
    IReadOnlyList<DailyTemperature> Default,
    IReadOnlyDictionary<string, IReadOnlyList<DailyTemperature>> ByRegion)
{
    public IReadOnlyList<DailyTemperature> For(string regionId) =>
        ByRegion.TryGetValue(regionId, out var days) ? days : Default;
}
