using SimGrid.Model.Grid;

namespace SimGrid.Model.Scenario;

/// <summary>A validated scenario: the grid, the period, the weather and the strikes. Everything a run needs except seed, strategy and replication.</summary>
public sealed record ScenarioSpec(
    string Name,
    GridSpec Grid,
    DateTimeOffset Start,
    TimeSpan Duration,
    TimeSpan Tick,
    int DefaultSeed,
    string DefaultStrategy,
    WeatherSpec Weather,
    IReadOnlyList<WaveSpec> Waves,
    IReadOnlyList<ScenarioEvent>? Events = null)
{
    public IReadOnlyList<ScenarioEvent> TimedEvents => Events ?? [];

    /// <summary>The tick in which something at <paramref name="time"/> takes effect (the first tick starting at or after it).</summary>
    public int TickAt(DateTimeOffset time) => (int)Math.Ceiling((double)(time - Start).Ticks / Tick.Ticks);

    public int TickCount => (int)(Duration.Ticks / Tick.Ticks);

    public double TickHours => Tick.TotalHours;

    public DateTimeOffset TimeOf(int tick) => Start + (Tick * tick);
}
