using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;

namespace SimGrid.Hosting.Live;

/// <summary>A live run as the API shows it: the run's state and the setup it was started with.</summary>
public sealed record LiveRunInfo(LiveRunView View, RunSetup Setup)
{
    public string Id => View.Id;

    public DateTimeOffset SimulatedTime => Setup.Scenario.TimeOf(View.NextTick);

    public IReadOnlyList<string> RegionIds => [.. Setup.Scenario.Grid.Regions.Select(r => r.Id)];
}

/// <summary>
/// The cluster's live runs as one serve process sees them: every call goes to the run's grain, wherever it plays, so
/// any serve process of a cluster answers for every run. Forecasts are made here, on this process's cores, after each
/// injected event.
/// </summary>
public sealed partial class LiveSimulations(IGrainFactory grains) : IDisposable
{
    private readonly ConcurrentDictionary<string, RunSetup> setups = new(StringComparer.Ordinal);

    public int ForecastReplications { get; set; } = Forecaster.DefaultReplications;

    /// <summary>Runs playing at once, at most (serve --max-runs): each holds its regions and a forecast's worth of work.</summary>
    public int MaxRuns { get; set; } = 32;

    /// <summary>Ticks a live run may play, at most (serve --max-ticks): a year at 15-minute ticks.</summary>
    public int MaxTicks { get; set; } = 366 * 96;

    /// <summary>Ended runs kept for reading (serve --keep-ended); older ones are forgotten when a new run starts.</summary>
    public int KeepEnded { get; set; } = 100;

    /// <summary>Runs of the cluster that have not ended.</summary>
    public async Task<int> ActiveAsync() => (await AllAsync()).Count(r => !r.View.Ended);

    private readonly SemaphoreSlim starting = new(1, 1);

    public void Dispose() => starting.Dispose();

    /// <summary>
    /// Starts a run unless <see cref="MaxRuns"/> are already playing (then null, and nothing is created). Starts through
    /// this process are one at a time, so concurrent requests cannot all pass the count together.
    /// </summary>
    public async Task<LiveRunInfo?> TryStartAsync(RunSetup setup, double speed)
    {
        await starting.WaitAsync();
        try
        {
            if (await ActiveAsync() >= MaxRuns) return null;
            var run = await StartAsync(setup, speed);
            await Directory.PruneAsync(KeepEnded);
            return run;
        }
        finally
        {
            starting.Release();
        }
    }

    private ILiveDirectoryGrain Directory => grains.GetGrain<ILiveDirectoryGrain>(ILiveDirectoryGrain.Key);

    private ILiveRunGrain Run(string id) => grains.GetGrain<ILiveRunGrain>(id);

    public async Task<LiveRunInfo> StartAsync(RunSetup setup, double speed)
    {
        var id = await Directory.StartAsync(new Immutable<RunSetup>(setup), speed);
        setups[id] = setup;
        return new LiveRunInfo(await Run(id).GetViewAsync(), setup);
    }

    public async Task<IReadOnlyList<LiveRunInfo>> AllAsync()
    {
        var runs = await Task.WhenAll((await Directory.ListAsync()).Select(FindAsync));
        return [.. runs.OfType<LiveRunInfo>()];
    }

    /// <summary>The run, or null when no run has that id.</summary>
    public async Task<LiveRunInfo?> FindAsync(string id)
    {
        if (!RunId().IsMatch(id)) return null;
        var view = await Run(id).GetViewAsync();
        return view.Status == LiveRunStatus.Unknown ? null : new LiveRunInfo(view, await SetupAsync(id));
    }

    public async Task<LiveRunInfo> PauseAsync(LiveRunInfo run) => run with { View = await Run(run.Id).PauseAsync() };

    public async Task<LiveRunInfo> ResumeAsync(LiveRunInfo run) => run with { View = await Run(run.Id).ResumeAsync() };

    public async Task<LiveRunInfo> SetSpeedAsync(LiveRunInfo run, double speed) => run with { View = await Run(run.Id).SetSpeedAsync(speed) };

    public async Task<LiveRunInfo> StopAsync(LiveRunInfo run) => run with { View = await Run(run.Id).StopAsync() };

    public async Task<RunSummary> SummaryAsync(LiveRunInfo run) => (await Run(run.Id).GetSummaryAsync()).Value;

    /// <summary>Injects an event, then makes a fresh forecast from the state it leads to and gives it to the run.</summary>
    public async Task<(int Tick, ForecastBand Forecast)> InjectAsync(LiveRunInfo run, LiveEvent e, CancellationToken ct)
    {
        var grain = Run(run.Id);
        var tick = await grain.InjectAsync(new Immutable<LiveEvent>(e));
        var events = (await grain.GetViewAsync()).Events.Select(l => (l.Tick, l.Event)).ToList();
        var band = await Task.Run(() => Forecaster.Forecast(run.Setup, events, tick, ForecastReplications, ct), ct);
        await grain.SetForecastAsync(new Immutable<ForecastBand>(band));
        return (tick, band);
    }

    /// <summary>The run's national totals per tick from <paramref name="fromTick"/>.</summary>
    public async Task<NationalPoint[]> SeriesAsync(string id, int fromTick) => (await Run(id).GetSeriesAsync(fromTick)).Value;

    /// <summary>Waits (bounded) until the run changes from version <paramref name="seen"/>; see <see cref="ILiveRunGrain.WaitForChangeAsync"/>.</summary>
    public Task<long> WaitForChangeAsync(string id, long seen, TimeSpan within) => Run(id).WaitForChangeAsync(seen, within);

    private async Task<RunSetup> SetupAsync(string id)
    {
        if (setups.TryGetValue(id, out var known)) return known;
        var setup = await Run(id).GetSetupAsync() ?? throw new InvalidOperationException($"live run {id} has no setup");
        return setups[id] = setup.Value;
    }

    [GeneratedRegex("^live-[0-9]{1,9}$")]
    private static partial Regex RunId();
}
