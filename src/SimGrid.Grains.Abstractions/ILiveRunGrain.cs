using Orleans.Concurrency;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;

namespace SimGrid.Grains.Abstractions;

/// <summary>
/// A live run (key: run id): plays its <see cref="ISimulationGrain"/> at a chosen pace and persists what it needs to
/// resume at every tick boundary (setup, event log, next tick), so that a run whose silo dies resumes on another one
/// from its last completed tick and ends exactly as an undisturbed run would.
/// </summary>
public interface ILiveRunGrain : IGrainWithStringKey
{
    /// <summary>Starts playing <paramref name="setup"/> at <paramref name="speed"/> (simulated seconds per second; 0: as fast as possible).</summary>
    Task StartAsync(Immutable<RunSetup> setup, double speed);

    /// <summary>The run's state; status "unknown" when no run was started under this key.</summary>
    Task<LiveRunView> GetViewAsync();

    /// <summary>The run's setup (it never changes, so callers may keep it).</summary>
    Task<Immutable<RunSetup>?> GetSetupAsync();

    /// <summary>The run's results over the ticks played so far.</summary>
    Task<Immutable<RunSummary>> GetSummaryAsync();

    Task<LiveRunView> PauseAsync();

    Task<LiveRunView> ResumeAsync();

    Task<LiveRunView> SetSpeedAsync(double speed);

    Task<LiveRunView> StopAsync();

    /// <summary>Logs and injects an event; returns the tick it takes effect at (persisted before it returns).</summary>
    Task<int> InjectAsync(Immutable<LiveEvent> e);

    /// <summary>Keeps a forecast made by the caller from the run's state (shown with the run and exported as gauges).</summary>
    Task SetForecastAsync(Immutable<ForecastBand> band);

    /// <summary>Completes once tick <paramref name="tick"/> has been played or the run has ended: for callers that must not poll.</summary>
    [AlwaysInterleave]
    Task WhenPlayedAsync(int tick);

    /// <summary>
    /// Completes when the run has changed since version <paramref name="seen"/> (a tick played, a forecast, a pause, an
    /// event...) or after <paramref name="within"/> (at most 25 s, below Orleans' response timeout); returns the version
    /// now. Waiting costs nothing: live pages are pushed their frames from this.
    /// </summary>
    [AlwaysInterleave]
    Task<long> WaitForChangeAsync(long seen, TimeSpan within);

    /// <summary>The run's national totals per tick from <paramref name="fromTick"/> to the last played.</summary>
    Task<Immutable<NationalPoint[]>> GetSeriesAsync(int fromTick);

    /// <summary>Plays the next tick if it is still due under schedule <paramref name="due"/> (the run's own wake-up call).</summary>
    Task PlayDueAsync(int due);

    /// <summary>Activates the run if it is not (after its silo was lost) and makes sure its next tick is scheduled.</summary>
    [OneWay]
    Task WakeAsync();

    /// <summary>Forgets an ended run: its persisted setup and progress are cleared and the grain deactivates (then "unknown").</summary>
    Task ForgetAsync();
}
