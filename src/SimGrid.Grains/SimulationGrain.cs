using Orleans.Concurrency;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;

namespace SimGrid.Grains;

/// <summary>
/// A run: the clock and national dispatch (the kernel's <see cref="NationalModel"/>), with one <see cref="RegionGrain"/>
/// per region. Called by the CLI (and later the live server) to play ticks in batches, or by a study to play a whole
/// replication. Placed at random, so a study's replications spread over every silo.
/// </summary>
[Orleans.Placement.RandomPlacement]
public sealed class SimulationGrain(IGrainFactory grains, SimGridMetrics metrics) : Grain, ISimulationGrain
{
    private NationalModel? national;
    private RunSetup? setup;
    private string[] regionIds = [];
    private IRegionGrain[] regions = [];
    private int nextTick;

    public Task StartAsync(Immutable<RunSetup> setup) => StartAsync(setup, typeof(RegionGrain));

    private async Task StartAsync(Immutable<RunSetup> setup, Type regionGrainClass)
    {
        this.setup = setup.Value;
        national = new NationalModel(setup.Value);
        regionIds = [.. setup.Value.Scenario.Grid.Regions.Select(r => r.Id)];
        var runId = this.GetPrimaryKeyString();
        regions = [.. setup.Value.Scenario.Grid.Regions.Select(r => grains.GetGrain<IRegionGrain>(GrainKeys.Region(runId, r.Id), regionGrainClass.FullName))];
        await Task.WhenAll(regions.Select((g, r) => g.InitializeAsync(new Immutable<RegionSetup>(national.RegionSetup(r)))));
        nextTick = 0;
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
        return new TickBatch(first, new Immutable<RegionTickRecord[][]>([.. batch]), model.TickCount, nextTick >= model.TickCount);
    }

    public Task<Immutable<RunSummary>> GetSummaryAsync() => Task.FromResult(new Immutable<RunSummary>(National.Summarize()));

    public async Task<Immutable<RunResult>> RunAsync(Immutable<RunSetup> setup)
    {
        await StartAsync(setup, typeof(ColocatedRegionGrain));
        var model = National;
        var total = new double[model.TickCount];
        var damage = new double[model.TickCount];
        for (var t = 0; t < model.TickCount; t++)
        {
            var sum = NationalModel.Sum(await PlayTickAsync(model, t));
            (total[t], damage[t]) = (sum.PeopleOff, sum.PeopleOffDamage);
        }
        nextTick = model.TickCount;
        var result = new RunResult(model.Summarize(), total, damage);
        await Task.WhenAll(regions.Select(g => g.StopAsync()));
        national = null;
        DeactivateOnIdle();
        return new Immutable<RunResult>(result);
    }

    /// <summary>Design section 4, with the regions as grains: fan out, await all, combine in region order.</summary>
    private async Task<RegionTickRecord[]> PlayTickAsync(NationalModel model, int tick)
    {
        var strikes = model.AllocateStrikes(tick);                                                           // 1. waves
        var balances = await Task.WhenAll(regions.Select((g, r) =>
            g.StepAsync(tick, new Immutable<StrikeOrder[]>([.. strikes[r]]))));                              // 2. step
        var allocations = new RegionAllocation[regions.Length];
        model.Allocate(tick, [.. balances.Select(b => b.Value)], allocations);                               // 3. dispatch
        var records = await Task.WhenAll(regions.Select((g, r) =>
            g.ApplyAsync(tick, new Immutable<RegionAllocation>(allocations[r]))));                            // 4. apply
        var values = records.Select(r => r.Value).ToArray();
        model.Record(values);                                                                                 // 5. record
        metrics.Record(this.GetPrimaryKeyString(), setup!.Scenario.Name, regionIds, values, setup.Scenario.TickHours);
        return values;
    }

    private NationalModel National => national ?? throw new InvalidOperationException($"simulation {this.GetPrimaryKeyString()} was not started");
}
