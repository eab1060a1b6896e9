using SimGrid.Model.Grid;
using SimGrid.Model.Scenario;

namespace SimGrid.Model.Protocol;

/// <summary>Everything one region needs to play its part of a run, and nothing of the other regions.</summary>
public sealed record RegionSetup(
    RegionSpec Region,
    int RegionIndex,
    DateTimeOffset Start,
    TimeSpan Tick,
    int Seed,
    int Replication,
    string Strategy,
    IReadOnlyList<DailyTemperature> Weather,
    IReadOnlyList<PlannedSalvo> Salvos,
    IReadOnlyList<double> LoadShape,
    double ColdThresholdC,
    double HeatLossDemandFactor,
    int TransformerLeadTicks,
    IReadOnlyList<TickEvent> Events,
    TemperatureSeries? WeatherSeries = null,
    IReadOnlyList<double>? CapacityFactors = null,
    double WeatherErrorC = 0)
{
    // Read by every region every tick: as arrays, since each read through the interface was a call the runtime removes
    // only with its profile; handed out by methods, which JSON (how a setup crosses silos) neither writes nor needs.
    // Copied from the parameters at construction: a `with` copy would keep them as they were, so make a new setup
    // (RegionSetup.For) rather than change one with `with`.
    private readonly double[] generationFactors = [.. CapacityFactors ?? AssetClasses.DefaultCapacityFactors];
    private readonly double[] hydroShape = Physics.Generation.PeakFollowing(LoadShape);
    private readonly double[] loadShape = [.. LoadShape];
    private readonly DailyTemperature[] weatherDays = [.. Weather];
    private readonly TickEvent[] timedEvents = [.. Events];

    /// <summary>Load relative to the daily mean at a local hour (<see cref="LoadShape"/>).</summary>
    public double LoadAt(int hour) => loadShape[hour];

    /// <summary><see cref="Weather"/>, day by day.</summary>
    public ReadOnlySpan<DailyTemperature> WeatherDays() => weatherDays;

    /// <summary><see cref="Events"/>, in order.</summary>
    public ReadOnlySpan<TickEvent> TimedEvents() => timedEvents;

    /// <summary>Capacity factors by asset class: the grid's, or the defaults.</summary>
    public ReadOnlySpan<double> GenerationFactors() => generationFactors;

    /// <summary>Hydro output by local hour relative to its daily mean, following the load's peaks.</summary>
    public ReadOnlySpan<double> HydroShape() => hydroShape;

    public static RegionSetup For(RunSetup run, IReadOnlyList<PlannedSalvo> plan, int regionIndex)
    {
        var scenario = run.Scenario;
        var region = scenario.Grid.Regions[regionIndex];
        var mine = plan.Where(p => p.Targets(regionIndex)).ToList();
        var assetIds = region.Assets.Select(a => a.Id).ToHashSet();
        var events = scenario.TimedEvents
            .Where(e => !e.IsNational && (e.Region == region.Id || (e.Asset is not null && assetIds.Contains(e.Asset))))
            .Select(e => new TickEvent(scenario.TickAt(e.At), e))
            .ToList();
        return new RegionSetup(
            region, regionIndex, scenario.Start, scenario.Tick, run.Seed, run.Replication, run.Strategy,
            scenario.Weather.For(region.Id), mine, scenario.Grid.LoadShape, scenario.Grid.ColdThresholdC,
            scenario.Grid.HeatLossDemandFactor, (int)Math.Ceiling(scenario.Grid.TransformerLeadTimeHours / scenario.TickHours), events,
            scenario.Weather.SeriesFor(region.Id), scenario.Grid.GenerationFactors, run.WeatherErrorC);
    }

    public double TickHours => Tick.TotalHours;

    /// <summary>Local wall-clock time of a tick, in the scenario's UTC offset.</summary>
    public DateTime LocalTime(int tick) => Start.DateTime + (Tick * tick);
}
