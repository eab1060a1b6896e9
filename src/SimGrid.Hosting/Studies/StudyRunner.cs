using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;

namespace SimGrid.Hosting.Studies;

/// <summary>
/// Runs a study's replications concurrently and hands each result to the caller in job order, so that what is written
/// does not depend on which replication finished first or on which silo ran it. At most <c>concurrency</c> results
/// wait in memory; everything else streams.
/// </summary>
public static class StudyRunner
{
    /// <param name="attempt">1 for the first try; a rerun after a lost silo gets a fresh grain, not the lost one's address.</param>
    public delegate Task<RunResult> Engine(RunSetup setup, int jobIndex, int attempt);

    /// <summary>
    /// Each replication as its own grain: the cluster's placement spreads them over every silo. Calls go through the
    /// relay on the silo this process is connected to, so that one lost with its silo fails fast (see the relay).
    /// </summary>
    public static Engine OnGrains(IGrainFactory grains)
    {
        var studyId = Guid.NewGuid().ToString("N");
        var relay = grains.GetGrain<IReplicationRelayGrain>(0);
        return async (setup, index, attempt) =>
            (await relay.RunAsync($"study-{studyId}-{index}-{attempt}", new Immutable<RunSetup>(setup))).Value;
    }

    /// <summary>Each replication in one kernel call on the thread pool: the limit the grain path is measured against.</summary>
    public static Engine InKernel() => (setup, _, _) => Task.Run(() => GridSimulation.RunWithSeries(setup));

    /// <param name="onLost">Told of each replication that failed (its silo died) and is being run again.</param>
    /// <param name="changes">On a cluster: when a silo is lost, the replications in flight are run again at once.</param>
    public static async Task RunAsync(Study study, Engine engine, Action<StudyJob, RunResult> onResult, int concurrency, CancellationToken ct,
        Action<StudyJob, Exception>? onLost = null, ClusterChanges? changes = null)
    {
        var pending = new SortedDictionary<int, (StudyJob, RunResult)>();
        var nextToEmit = 0;
        var running = new List<Task<(StudyJob Job, RunResult Result)>>();
        using var jobs = study.Jobs().GetEnumerator();
        var more = jobs.MoveNext();
        while (more || running.Count > 0)
        {
            if (ct.IsCancellationRequested)
            {
                // Stop cleanly: let the replications under way finish (seconds at most), then report the cancellation.
                await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
                ct.ThrowIfCancellationRequested();
            }
            // Start work while there is room, counting results that wait for an earlier one.
            while (more && running.Count + pending.Count < concurrency)
            {
                var job = jobs.Current;
                running.Add(RunOne(engine, study.Setup(job), job, onLost, changes));
                more = jobs.MoveNext();
            }
            var done = await Task.WhenAny(running);
            running.Remove(done);
            var (finished, result) = await done;
            pending[finished.Index] = (finished, result);
            while (pending.Remove(nextToEmit, out var ready))
            {
                onResult(ready.Item1, ready.Item2);
                nextToEmit++;
            }
        }
    }

    /// <summary>
    /// Tries a replication this many times, waiting longer each time (0.5 s doubling up to 4 s, about 25 s in all):
    /// a replication lost with its silo is run again elsewhere once the cluster has declared that silo dead.
    /// </summary>
    public const int Attempts = 9;

    /// <summary>Wait before attempt <paramref name="attempt"/> + 1: 0.5 s doubling up to 4 s, while the cluster notices a lost silo.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(4000, 250 << attempt));

    private static async Task<(StudyJob, RunResult)> RunOne(Engine engine, RunSetup setup, StudyJob job, Action<StudyJob, Exception>? onLost,
        ClusterChanges? changes)
    {
        for (var attempt = 1; ; attempt++)
        {
            var lost = changes?.NextLoss ?? CancellationToken.None;
            var call = engine(setup, job.Index, attempt);
            try
            {
                return (job, await call.WaitAsync(lost));
            }
            catch (OperationCanceledException) when (lost.IsCancellationRequested && attempt < Attempts)
            {
                // A silo left while this ran: stop waiting (the call may be one only the timeout would answer) and rerun.
                _ = call.ContinueWith(t => t.Exception, TaskScheduler.Default);
                onLost?.Invoke(job, new SiloLostException());
            }
            catch (Exception e) when (attempt < Attempts && e is not OperationCanceledException and not ArgumentException)
            {
                // Same inputs, same replication: the rerun's result is what the lost one would have been.
                onLost?.Invoke(job, e);
                await Task.Delay(Backoff(attempt));
            }
        }
    }
}
