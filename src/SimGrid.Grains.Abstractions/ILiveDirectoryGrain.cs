using Orleans.Concurrency;
using SimGrid.Model.Scenario;

namespace SimGrid.Grains.Abstractions;

/// <summary>
/// The cluster's live runs (one grain, key <see cref="Key"/>): hands out run ids and wakes the runs that have not ended,
/// so a run whose silo died is reactivated on a living one within a second of the cluster noticing.
/// </summary>
public interface ILiveDirectoryGrain : IGrainWithStringKey
{
    const string Key = "live";

    /// <summary>Starts a live run under a new id ("live-N", unique in the cluster) and returns the id.</summary>
    Task<string> StartAsync(Immutable<RunSetup> setup, double speed);

    /// <summary>Every run started, oldest first.</summary>
    Task<string[]> ListAsync();

    /// <summary>Wakes every run that has not ended (each silo's keeper calls this every second).</summary>
    Task WakeAllAsync();

    /// <summary>Forgets the oldest ended runs beyond <paramref name="keepEnded"/> (a run still playing is never forgotten).</summary>
    Task PruneAsync(int keepEnded);

    /// <summary>A run has finished, failed or been stopped: no need to wake it any more.</summary>
    [OneWay]
    Task EndedAsync(string id);
}
