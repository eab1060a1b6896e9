namespace SimGrid.Model.Scenario;

/// <summary>What a run's results are a pure function of (design section 5).</summary>
/// <param name="WeatherErrorC">
/// Standard deviation of a forecast error added to each region's temperatures, drawn once per (replication, region);
/// 0 plays the scenario's weather as given.
/// </param>
public sealed record RunSetup(ScenarioSpec Scenario, int Seed, string Strategy, int Replication, double WeatherErrorC = 0)
{
    /// <summary>Largest forecast error a command accepts (C): well beyond any real forecast's, so only a typo is refused.</summary>
    public const double MaxWeatherErrorC = 20;
}
