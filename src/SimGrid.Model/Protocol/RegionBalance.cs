namespace SimGrid.Model.Protocol;

/// <summary>What a region brings to national dispatch in one tick (phase 2 output).</summary>
/// <param name="DemandMw">Demand of customers still connected (damage-cut customers cannot be served at all).</param>
/// <param name="CriticalDemandMw">Part of <paramref name="DemandMw"/> served first: hospitals, water, heat pumps.</param>
/// <param name="GenerationMw">Available generation in the region.</param>
/// <param name="TransmissionAvailability">0-1: tie-lines into the region carry at most this share of their capacity.</param>
/// <param name="ImportCapacityMw">What the region's EU interconnectors can carry now.</param>
/// <param name="SpareRequests">Destroyed substations waiting for a spare large transformer from the national stock.</param>
/// <param name="IdleTeams">Repair teams with nothing to do.</param>
/// <param name="BacklogHours">Team-hours of jobs waiting for a free team.</param>
/// <param name="NuclearMw">Nuclear output in the region now (part of <paramref name="GenerationMw"/>), before trips.</param>
/// <param name="BackboneHits">750 kV substations newly damaged in this tick (they carry nuclear output).</param>
/// <param name="GenerationLostMw">Generation lost to new damage or unloading in this tick: a sudden loss the grid must absorb.</param>
public readonly record struct RegionBalance(
    double DemandMw,
    double CriticalDemandMw,
    double GenerationMw,
    double TransmissionAvailability,
    double ImportCapacityMw,
    int SpareRequests = 0,
    int IdleTeams = 0,
    double BacklogHours = 0,
    double NuclearMw = 0,
    int BackboneHits = 0,
    double GenerationLostMw = 0);

/// <summary>What national dispatch (phase 3) gives a region for phase 4: power, spare transformers, and teams arriving or leaving.</summary>
/// <param name="EmergencyShed">Share of connected customers disconnected at once by a sudden national loss of generation (load shedding).</param>
public readonly record struct RegionAllocation(double ServedMw, int SparesGranted, int TeamChange = 0, double EmergencyShed = 0);
