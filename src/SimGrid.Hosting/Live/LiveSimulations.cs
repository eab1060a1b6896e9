using System.Collections.Concurrent;
using System.Globalization;
using SimGrid.Grains.Telemetry;
using SimGrid.Model.Scenario;

namespace SimGrid.Hosting.Live;

/// <summary>
/// The live runs of a serve process: start, find, stop; each plays on its own task. Shows their latest state to the
/// metrics (<see cref="ILiveSnapshots"/>). Forecasts run one at a time per run, after each injected event.
/// </summary>
public sealed class LiveSimulations(IGrainFactory grains, TimeProvider time, SimGridMetrics metrics) : ILiveSnapshots, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (LiveRun Run, Task Play, CancellationTokenSource Stop)> runs = new();
    private int counter;

    public int ForecastReplications { get; set; } = Forecaster.DefaultReplications;

    public LiveRun Start(RunSetup setup, double speed)
    {
        var id = "live-" + Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture);
        var run = new LiveRun(id, setup, grains, time, metrics, speed);
        var stop = new CancellationTokenSource();
        runs[id] = (run, Task.Run(() => run.PlayAsync(stop.Token)), stop);
        return run;
    }

    public IReadOnlyList<LiveRun> All() => [.. runs.Values.Select(r => r.Run).OrderBy(r => r.Id.Length).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public LiveRun? Find(string id) => runs.TryGetValue(id, out var r) ? r.Run : null;

    public async Task StopAsync(string id)
    {
        if (!runs.TryGetValue(id, out var r)) return;
        await r.Stop.CancelAsync();
        await r.Play;
    }

    /// <summary>Injects an event and then refreshes the run's forecast from the state it leads to.</summary>
    public async Task<int> InjectAsync(LiveRun run, LiveEvent e, CancellationToken ct)
    {
        var tick = await run.InjectAsync(e);
        var band = await Task.Run(() => Forecaster.Forecast(run.Setup, run.Events, tick, ForecastReplications, ct), ct);
        run.SetForecast(band);
        return tick;
    }

    public IReadOnlyList<LiveSnapshot> Snapshots() => [.. All().Where(r => r.Latest.Length > 0).Select(r => r.Snapshot())];

    public async ValueTask DisposeAsync()
    {
        foreach (var (run, play, stop) in runs.Values)
        {
            await stop.CancelAsync();
            await play;
            run.Dispose();
            stop.Dispose();
        }
        runs.Clear();
    }
}
