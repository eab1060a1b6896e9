using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Grains.Telemetry;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Model.Protocol;

namespace SimGrid.Grains;

/// <summary>
/// A run: the clock and national dispatch (the kernel's <see cref="NationalModel"/>), with one <see cref="RegionGrain"/>
/// per region. Called by the CLI (and later the live server) to play ticks in batches.
/// </summary>
public sealed class SimulationGrain(IGrainFactory grains, SimGridMetrics metrics) : Grain, ISimulationGrain
{
    private NationalModel? national;
    private RunSetup? setup;
    private string[] regionIds = [];
    private IRegionGrain[] regions = [];
    private int nextTick;

    // Balances of nextTick, already stepped by the previous tick's combined call.
    private RegionBalance[]? pendingBalances;

    // Reused every tick: on a large grid each is beyond the large-object threshold, and a fresh one per tick is what
    // makes the collector stop the world (the records go out to callers, so they stay fresh).
    private RegionBalance[] balanceBuffer = [];
    private RegionAllocation[] allocationBuffer = [];
    private RegionTallies[] tallies = [];
    private ValueTask<Immutable<RegionStepResult>>[] calls = [];

    // National totals of every tick played, for live pages that connect mid-run.
    private readonly List<NationalPoint> series = [];

    // A restore replays ticks already reported: no spans or counters for them a second time.
    private bool replaying;

    public async Task StartAsync(Immutable<RunSetup> setup)
    {
        this.setup = setup.Value;
        national = new NationalModel(setup.Value);
        regionIds = [.. setup.Value.Scenario.Grid.Regions.Select(r => r.Id)];
        var runId = this.GetPrimaryKeyString();
        regions = [.. setup.Value.Scenario.Grid.Regions.Select(r => grains.GetGrain<IRegionGrain>(GrainKeys.Region(runId, r.Id)))];
        await Task.WhenAll(regions.Select((g, r) => g.InitializeAsync(new Immutable<RegionSetup>(national.SetupOf(r)))));
        nextTick = 0;
        pendingBalances = null;
        series.Clear();
    }

    public async Task<TickBatch> AdvanceAsync(int maxTicks)
    {
        var model = National;
        var first = nextTick;
        var batch = new List<RegionTickRecord[]>();
        while (nextTick < model.TickCount && batch.Count < maxTicks)
        {
            batch.Add(await PlayTickAsync(model, nextTick));
            nextTick++;
        }
        return new TickBatch(first, new Immutable<RegionTickRecord[][]>([.. batch]), model.TickCount, nextTick >= model.TickCount,
            new Immutable<RegionTallies[]>(tallies));
    }

    public async Task<int> InjectAsync(Immutable<LiveEvent> e)
    {
        var tick = InjectionTick;
        await InjectAtAsync(e.Value, tick);
        return tick;
    }

    public async Task<TickBatch> RestoreAsync(Immutable<RunSetup> setup, Immutable<LoggedEvent[]> events, int toTick)
    {
        await StartAsync(setup);
        var model = National;
        var log = events.Value;
        var next = 0;
        RegionTickRecord[]? last = null;
        replaying = true;
        try
        {
            while (true)
            {
                // Each event goes in at the point of the run where it was injected live: when InjectionTick was its tick.
                for (; next < log.Length && log[next].Tick == InjectionTick; next++) await InjectAtAsync(log[next].Event, log[next].Tick);
                if (nextTick >= Math.Min(toTick, model.TickCount)) break;
                last = await PlayTickAsync(model, nextTick);
                nextTick++;
            }
        }
        finally
        {
            replaying = false;
        }
        if (next < log.Length)
        {
            throw new InvalidOperationException($"run {this.GetPrimaryKeyString()}: the event logged at tick {log[next].Tick} cannot be replayed " +
                $"(the run reached tick {nextTick})");
        }
        var records = last is null ? [] : new[] { last };
        return new TickBatch(nextTick - records.Length, new Immutable<RegionTickRecord[][]>(records), model.TickCount,
            nextTick >= model.TickCount, new Immutable<RegionTallies[]>(tallies));
    }

    public Task<Immutable<NationalPoint[]>> GetSeriesAsync(int fromTick)
    {
        var from = Math.Clamp(fromTick, 0, series.Count);
        return Task.FromResult(new Immutable<NationalPoint[]>([.. series.Skip(from)]));
    }

    public Task<Immutable<RunSummary>> GetSummaryAsync() => Task.FromResult(new Immutable<RunSummary>(National.Summarize()));

    public async Task ReleaseAsync()
    {
        await Task.WhenAll(regions.Select(r => r.ReleaseAsync()));
        DeactivateOnIdle();
    }

    /// <summary>
    /// Design section 4, with the regions as grains: fan out, await all, combine in region order. Phase 4 of this tick and
    /// phases 1-2 of the next go out as one call per region; the order of every draw is the kernel's.
    /// </summary>
    private async Task<RegionTickRecord[]> PlayTickAsync(NationalModel model, int tick)
    {
        var runId = this.GetPrimaryKeyString();
        using var span = replaying ? null : SimGridTracing.Tick(runId, setup!.Scenario.Name, tick);
        RegionBalance[] balances;
        using (Phase("step"))
        {
            balances = pendingBalances ?? await StepAllAsync(model, tick);                                  // 1-2. waves, step
        }
        if (allocationBuffer.Length != regions.Length) allocationBuffer = new RegionAllocation[regions.Length];
        var allocations = allocationBuffer;
        using (Phase("dispatch"))
        {
            model.Allocate(tick, balances, allocations);                                                     // 3. dispatch
        }
        var hasNext = tick + 1 < model.TickCount;
        var nextStrikes = hasNext ? model.AllocateStrikes(tick + 1) : null;
        if (nextStrikes is not null) TraceWaves(runId, model, tick + 1);
        RegionTickRecord[] values;
        using (Phase("apply"))
        {
            values = await ApplyAllAsync(tick, allocations, hasNext, nextStrikes);                         // 4. apply (+ next 1-2)
        }
        pendingBalances = hasNext ? balanceBuffer : null;
        using (Phase("record"))
        {
            series.Add(NationalPoint.Of(model.Record(values)));                                               // 5. record
            if (!replaying) metrics.Record(runId, setup!.Scenario.Name, regionIds, values, setup.Scenario.TickHours);
        }
        return values;
    }

    /// <summary>
    /// Phase 4 of this tick and phases 1-2 of the next in every region: all calls go out before the first is awaited,
    /// and each answer is read once into the tick's arrays (no task or result array per call; the records go out to
    /// callers, so their array is fresh; the next balances land in <see cref="balanceBuffer"/>).
    /// </summary>
    private async Task<RegionTickRecord[]> ApplyAllAsync(int tick, RegionAllocation[] allocations, bool hasNext,
        IReadOnlyList<List<StrikeOrder>>? nextStrikes)
    {
        if (calls.Length != regions.Length) calls = new ValueTask<Immutable<RegionStepResult>>[regions.Length];
        if (balanceBuffer.Length != regions.Length) balanceBuffer = new RegionBalance[regions.Length];
        for (var r = 0; r < regions.Length; r++)
        {
            var strikes = nextStrikes is null ? [] : nextStrikes[r].ToArray();
            // Kept to be awaited exactly once below, after every call has gone out.
#pragma warning disable CA2012
            calls[r] = regions[r].ApplyAndStepAsync(new Immutable<RegionTickRequest>(new RegionTickRequest(tick, allocations[r], hasNext, strikes)));
#pragma warning restore CA2012
        }
        var values = new RegionTickRecord[regions.Length];
        var counts = new RegionTallies[regions.Length];
        for (var r = 0; r < regions.Length; r++)
        {
            var result = (await calls[r]).Value;
            calls[r] = default;
            values[r] = result.Record;
            counts[r] = result.Tallies!;
            if (hasNext) balanceBuffer[r] = result.NextBalance;
        }
        tallies = counts;
        return values;
    }

    private System.Diagnostics.Activity? Phase(string name) => replaying ? null : SimGridTracing.Phase(name);

    /// <summary>A span for each salvo whose weapons start arriving in <paramref name="tick"/>.</summary>
    private void TraceWaves(string runId, NationalModel model, int tick)
    {
        if (replaying) return;
        foreach (var salvo in model.Plan)
        {
            if (salvo.StartTick == tick) SimGridTracing.Wave(runId, salvo.Salvo.Weapon, salvo.Salvo.Count, tick);
        }
    }

    private async Task<RegionBalance[]> StepAllAsync(NationalModel model, int tick)
    {
        var strikes = model.AllocateStrikes(tick);
        TraceWaves(this.GetPrimaryKeyString(), model, tick);
        var balances = await Task.WhenAll(regions.Select((g, r) => g.StepAsync(tick, new Immutable<StrikeOrder[]>([.. strikes[r]]))));
        return [.. balances.Select(b => b.Value)];
    }

    /// <summary>The tick an event injected now takes effect at: regions have already stepped nextTick when its balances
    /// are pending, so then the event starts one tick later.</summary>
    private int InjectionTick => pendingBalances is null ? nextTick : nextTick + 1;

    private async Task InjectAtAsync(LiveEvent e, int tick)
    {
        var injections = National.Inject(e, tick);
        await Task.WhenAll(injections.Select(i => regions[i.Region].InjectAsync(tick, new Immutable<RegionInjection>(i))));
    }

    private NationalModel National => national ?? throw new InvalidOperationException($"simulation {this.GetPrimaryKeyString()} was not started");
}
