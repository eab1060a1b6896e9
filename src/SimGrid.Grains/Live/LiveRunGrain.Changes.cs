using System.Diagnostics;
using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;

namespace SimGrid.Grains.Live;

/// <summary>
/// What live pages wait on: a version bumped at every change of the run, and its national series. The version starts
/// from the process's timestamp, so a page that was waiting on a run's old activation (its silo lost) sees a different
/// one at once and resynchronises.
/// </summary>
public sealed partial class LiveRunGrain
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(25);

    private long version = Stopwatch.GetTimestamp();
    private readonly List<TaskCompletionSource> changeWaiters = [];

    public async Task<long> WaitForChangeAsync(long seen, TimeSpan within)
    {
        if (seen != version) return version;
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changeWaiters.Add(changed);
        try
        {
            // A wall-clock wait, not the run's clock: it only bounds how long a page goes without a heartbeat.
            await changed.Task.WaitAsync(within < LongestWait && within > TimeSpan.Zero ? within : LongestWait);
        }
        catch (TimeoutException)
        {
            // nothing changed: the caller sends a heartbeat and asks again
        }
        finally
        {
            changeWaiters.Remove(changed);
        }
        return version;
    }

    public async Task<Immutable<NationalPoint[]>> GetSeriesAsync(int fromTick)
    {
        if (State.Series is { } kept) return new Immutable<NationalPoint[]>([.. kept.Skip(Math.Max(0, fromTick))]);
        if (stored.State.Setup is null || State.NextTick == 0) return new Immutable<NationalPoint[]>([]);
        if (!restored) await RestoreAsync();
        return await Simulation.GetSeriesAsync(fromTick);
    }

    /// <summary>Tells every waiting page that the run changed.</summary>
    private void Changed()
    {
        version++;
        foreach (var waiter in changeWaiters) waiter.TrySetResult();
        changeWaiters.Clear();
    }
}
