using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Protocol;

namespace SimGrid.Grains.Abstractions;

/// <summary>An event injected into a live run, with the tick it took effect at: the log a replay or forecast plays back.</summary>
[GenerateSerializer, Immutable]
public sealed record LoggedEvent([property: Id(0)] int Tick, [property: Id(1)] LiveEvent Event);

/// <summary>What a live run looks like now, as the control API and dashboards read it.</summary>
/// <param name="Status">Where the run is in its life (<see cref="LiveRunStatus.Unknown"/> for a run never started).</param>
/// <param name="Speed">Simulated seconds per wall second; 0 for as fast as possible.</param>
/// <param name="NextTick">The next tick to play: ticks before it have been played.</param>
/// <param name="Latest">The last played tick's record of each region (grid order).</param>
/// <param name="Host">The silo the run is playing on (it moves when a silo is lost).</param>
/// <param name="Resumes">How many times the run was rebuilt mid-run from its persisted state.</param>
[GenerateSerializer, Immutable]
public sealed record LiveRunView(
    [property: Id(0)] string Id,
    [property: Id(1)] LiveRunStatus Status,
    [property: Id(2)] string? Failure,
    [property: Id(3)] double Speed,
    [property: Id(4)] bool Paused,
    [property: Id(5)] int NextTick,
    [property: Id(6)] RegionTickRecord[] Latest,
    [property: Id(7)] RegionTallies[] Tallies,
    [property: Id(8)] LoggedEvent[] Events,
    [property: Id(9)] ForecastBand? Forecast,
    [property: Id(10)] string Host,
    [property: Id(11)] int Resumes)
{
    public bool Ended => Status.HasEnded();
}

/// <summary>A live run's life: starting, then running (paused or not), then one of the three ends.</summary>
[GenerateSerializer]
public enum LiveRunStatus
{
    Unknown,
    Starting,
    Running,
    Finished,
    Stopped,
    Failed,
}

public static class LiveRunStatuses
{
    public static bool HasEnded(this LiveRunStatus status) => status is LiveRunStatus.Finished or LiveRunStatus.Stopped or LiveRunStatus.Failed;

    /// <summary>The name the API prints: "running", "finished"...</summary>
    public static string Name(this LiveRunStatus status) => status.ToString().ToLowerInvariant();
}
