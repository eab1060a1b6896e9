using SimGrid.Model.Scenario;

namespace SimGrid.Model.Protocol;

/// <summary>A timed event placed on the tick axis: it takes effect at the start of <see cref="Tick"/>.</summary>
public sealed record TickEvent(int Tick, ScenarioEvent Event);
