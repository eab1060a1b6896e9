using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Grains.Telemetry;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;

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
    private RegionTallies[] tallies = [];

    public async Task StartAsync(Immutable<RunSetup> setup)
    {
        this.setup = setup.Value;
        national = new NationalModel(setup.Value);
        regionIds = [.. setup.Value.Scenario.Grid.Regions.Select(r => r.Id)];
        var runId = this.GetPrimaryKeyString();
        regions = [.. setup.Value.Scenario.Grid.Regions.Select(r => grains.GetGrain<IRegionGrain>(GrainKeys.Region(runId, r.Id)))];
        await Task.WhenAll(regions.Select((g, r) => g.InitializeAsync(new Immutable<RegionSetup>(national.RegionSetup(r)))));
        nextTick = 0;
        pendingBalances = null;
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
        var model = National;
        // Regions have already stepped nextTick when its balances are pending: the event starts one tick later.
        var tick = pendingBalances is null ? nextTick : nextTick + 1;
        var injections = model.Inject(e.Value, tick);
        await Task.WhenAll(injections.Select(i => regions[i.Region].InjectAsync(tick, new Immutable<RegionInjection>(i))));
        return tick;
    }

    public Task<Immutable<RunSummary>> GetSummaryAsync() => Task.FromResult(new Immutable<RunSummary>(National.Summarize()));

    /// <summary>
    /// Design section 4, with the regions as grains: fan out, await all, combine in region order. Phase 4 of this tick and
    /// phases 1-2 of the next go out as one call per region; the order of every draw is the kernel's.
    /// </summary>
    private async Task<RegionTickRecord[]> PlayTickAsync(NationalModel model, int tick)
    {
        var runId = this.GetPrimaryKeyString();
        using var span = SimGridTracing.Tick(runId, setup!.Scenario.Name, tick);
        RegionBalance[] balances;
        using (SimGridTracing.Phase("step"))
        {
            balances = pendingBalances ?? await StepAllAsync(model, tick);                                  // 1-2. waves, step
        }
        var allocations = new RegionAllocation[regions.Length];
        using (SimGridTracing.Phase("dispatch"))
        {
            model.Allocate(tick, balances, allocations);                                                     // 3. dispatch
        }
        var hasNext = tick + 1 < model.TickCount;
        var nextStrikes = hasNext ? model.AllocateStrikes(tick + 1) : null;
        if (nextStrikes is not null) TraceWaves(runId, model, tick + 1);
        Immutable<RegionStepResult>[] results;
        using (SimGridTracing.Phase("apply"))
        {
            results = await Task.WhenAll(regions.Select((g, r) => g.ApplyAndStepAsync(tick,
                new Immutable<RegionAllocation>(allocations[r]),
                nextStrikes is null ? null : new Immutable<StrikeOrder[]>([.. nextStrikes[r]]))));            // 4. apply (+ next 1-2)
        }
        var values = results.Select(r => r.Value.Record).ToArray();
        tallies = [.. results.Select(r => r.Value.Tallies!)];
        pendingBalances = hasNext ? [.. results.Select(r => r.Value.NextBalance)] : null;
        using (SimGridTracing.Phase("record"))
        {
            model.Record(values);                                                                             // 5. record
            metrics.Record(runId, setup.Scenario.Name, regionIds, values, setup.Scenario.TickHours);
        }
        return values;
    }

    /// <summary>A span for each salvo whose weapons start arriving in <paramref name="tick"/>.</summary>
    private static void TraceWaves(string runId, NationalModel model, int tick)
    {
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

    private NationalModel National => national ?? throw new InvalidOperationException($"simulation {this.GetPrimaryKeyString()} was not started");
}
