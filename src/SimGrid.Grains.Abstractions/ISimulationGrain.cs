using Orleans.Concurrency;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;

namespace SimGrid.Grains.Abstractions;

/// <summary>One run (key: run id). Owns the clock and national dispatch; fans each tick out to its region grains.</summary>
public interface ISimulationGrain : IGrainWithStringKey
{
    /// <summary>Creates the run's region grains. Call once, before <see cref="AdvanceAsync"/>.</summary>
    Task StartAsync(Immutable<RunSetup> setup);

    /// <summary>Plays up to <paramref name="maxTicks"/> ticks and returns their records, so callers can stream them out.</summary>
    /// <remarks>A batch of a large grid's ticks can outlast Orleans' default response timeout: it may take an hour.</remarks>
    [ResponseTimeout(ReplicationTimeout.Longest)]
    Task<TickBatch> AdvanceAsync(int maxTicks);

    /// <summary>
    /// Injects a live event; returns the tick it takes effect at (the next tick whose regions have not stepped yet).
    /// Replaying the same events at the same ticks in the kernel gives the same run.
    /// </summary>
    Task<int> InjectAsync(Immutable<LiveEvent> e);

    /// <summary>
    /// Starts the run afresh and replays it up to <paramref name="toTick"/>, injecting each logged event at the tick it
    /// took effect at: the state the run had there, wherever its grains live now. Returns the last replayed tick (no
    /// records when <paramref name="toTick"/> is 0).
    /// </summary>
    /// <remarks>Replaying a long run of a large grid can outlast Orleans' default response timeout: it may take an hour.</remarks>
    [ResponseTimeout(ReplicationTimeout.Longest)]
    Task<TickBatch> RestoreAsync(Immutable<RunSetup> setup, Immutable<LoggedEvent[]> events, int toTick);

    /// <summary>The run's results so far (complete once a batch says <see cref="TickBatch.Finished"/>).</summary>
    Task<Immutable<RunSummary>> GetSummaryAsync();

    /// <summary>The run's national totals from tick <paramref name="fromTick"/> to the last played (replayed ticks included).</summary>
    Task<Immutable<NationalPoint[]>> GetSeriesAsync(int fromTick);

    /// <summary>Frees the run: its region grains and then this grain deactivate (an ended live run keeps only its summary).</summary>
    Task ReleaseAsync();
}
