using SimGrid.Model.Scenario;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Simulation;

/// <summary>What a live event means for one region: an event to apply, or a new salvo it will be sent weapons of.</summary>
public sealed record RegionInjection(int Region, LiveEvent? Event, PlannedSalvo? Salvo);
