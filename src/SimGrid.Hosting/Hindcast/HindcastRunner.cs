using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Hindcast;
using SimGrid.Model.Scenario;
using SimGrid.Scenarios;

namespace SimGrid.Hosting.Hindcast;

/// <summary>One case under one seed, scored.</summary>
public sealed record HindcastResult(HindcastCase Case, int Seed, IReadOnlyList<ScoredOutcome> Outcomes);

/// <summary>
/// Plays every case of a hindcast under each seed (null: the case's own seed) and scores it. Each (case, seed) is its
/// own grain, so the cases spread over the silos like a study's replications; results come back in case then seed
/// order whatever finished first. A case lost with its silo is played again under a fresh grain (same inputs, same answer).
/// </summary>
public static class HindcastRunner
{
    public delegate Task<double[]> Engine(RunSetup setup, IReadOnlyList<ReportedOutcome> outcomes, string key);

    public const int Attempts = 6;

    public static Engine OnGrains(IGrainFactory grains) => async (setup, outcomes, key) =>
        (await grains.GetGrain<IHindcastGrain>(key).PredictAsync(new Immutable<RunSetup>(setup), new Immutable<ReportedOutcome[]>([.. outcomes]))).Value;

    public static Engine InKernel() => (setup, outcomes, _) => Task.Run(() => HindcastProbe.Predict(setup, outcomes));

    public static async Task<IReadOnlyList<HindcastResult>> RunAsync(IReadOnlyList<HindcastCase> cases, IReadOnlyList<int?> seeds, Engine engine,
        int concurrency, Action<int, int>? progress, CancellationToken ct)
    {
        var runId = Guid.NewGuid().ToString("N");
        var jobs = cases.SelectMany(c => seeds.Select(s => (Case: c, Seed: s ?? c.Scenario.DefaultSeed))).ToList();
        using var gate = new SemaphoreSlim(concurrency);
        var done = 0;
        var tasks = jobs.Select(async (job, index) =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var setup = new RunSetup(job.Case.Scenario, job.Seed, job.Case.Scenario.DefaultStrategy, 0);
                var predicted = await WithRetries(attempt => engine(setup, job.Case.Outcomes, $"hindcast-{runId}-{index}-{attempt}"), ct);
                progress?.Invoke(Interlocked.Increment(ref done), jobs.Count);
                return new HindcastResult(job.Case, job.Seed,
                    [.. job.Case.Outcomes.Select((o, k) => OutcomeScorer.Score(o, predicted[k]))]);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        return await Task.WhenAll(tasks);
    }

    private static async Task<double[]> WithRetries(Func<int, Task<double[]>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                return await call(attempt);
            }
            catch (Exception e) when (attempt < Attempts && e is not OperationCanceledException and not ArgumentException)
            {
                await Task.Delay(Studies.StudyRunner.Backoff(attempt), ct);
            }
        }
    }

    /// <summary>Share of outcomes within tolerance.</summary>
    public static double Score(IEnumerable<ScoredOutcome> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 0 : (double)list.Count(o => o.Hit) / list.Count;
    }
}
