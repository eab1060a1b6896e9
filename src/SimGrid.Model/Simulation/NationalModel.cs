using SimGrid.Model.Disturbance;
using SimGrid.Model.Dispatch;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Repair;
using SimGrid.Model.Scenario;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Simulation;

/// <summary>
/// The national side of a run, shared by the one-call kernel and the simulation grain so both give the same numbers:
/// the clock, which weapons go where (phase 1), dispatch (phase 3) and the results (phase 5), always in region order.
/// </summary>
public sealed class NationalModel
{
    private readonly RunSetup run;
    private readonly StrikeAllocator allocator;
    private readonly FairShareDispatcher dispatcher;
    private readonly ScopeAccumulator national;
    private readonly ScopeAccumulator[] regions;
    private int lastWaveEndTick;
    private readonly List<TickEvent> events;
    private readonly double[] served;
    private int spareTransformers;
    private readonly MutualAid? mutualAid;
    private readonly int[] teamChanges;

    public NationalModel(RunSetup run)
    {
        this.run = run;
        var scenario = run.Scenario;
        plan = [.. StrikePlan.Build(scenario)];
        allocator = new StrikeAllocator(run, plan);
        dispatcher = new FairShareDispatcher(scenario.Grid);
        var grid = scenario.Grid.Regions;
        national = new ScopeAccumulator("national", grid.Sum(r => (long)r.Population), grid.Sum(r => (long)r.Customers),
            scenario.TickHours, scenario.TickCount);
        regions = [.. grid.Select(r => new ScopeAccumulator(r.Id, r.Population, r.Customers, scenario.TickHours, scenario.TickCount))];
        lastWaveEndTick = plan.Count == 0 ? 0 : plan.Max(p => p.EndTick);
        events = [.. scenario.TimedEvents.Where(e => e.IsNational).Select(e => new TickEvent(scenario.TickAt(e.At), e))];
        served = new double[regions.Length];
        spareTransformers = scenario.Grid.SpareTransformers;
        mutualAid = run.Strategy == RepairStrategies.MutualAidName ? new MutualAid(scenario.Grid, scenario.TickHours) : null;
        teamChanges = new int[regions.Length];
        trips = new NuclearTrips(scenario.Grid, scenario.TickHours);
    }

    /// <summary>
    /// A copy of the national state for a forecast branch. Dispatch carries its import limit and the bottlenecks it knows
    /// over: a fresh dispatcher finds the same levels through other, equally exact cuts, which can move the last digits
    /// on a grid the network binds (DispatchTests).
    /// Call <see cref="Reseed"/> before the branch plays: until then it targets from a fresh stream of this run.
    /// </summary>
    /// <param name="keepResults">
    /// False for a branch that is only stepped and read tick by tick (a forecast): it neither copies the results so far
    /// (two series per region, sized by the run's length: ~1.2 MB a branch a month into a run) nor folds its ticks
    /// into them, and cannot be summarized.
    /// </param>
    public NationalModel Fork(bool keepResults = true) => new(this, keepResults);

    // Every field, as declared: a field added to the class must be copied here too (the fork test shows a missed one).
    private NationalModel(NationalModel other, bool keepResults)
    {
        run = other.run;
        plan = [.. other.plan];
        allocator = new StrikeAllocator(run, plan);
        dispatcher = other.dispatcher.Fork(run.Scenario.Grid);
        keepsResults = keepResults;
        national = keepResults ? other.national.Fork() : other.national;
        regions = keepResults ? [.. other.regions.Select(r => r.Fork())] : other.regions;
        lastWaveEndTick = other.lastWaveEndTick;
        events = [.. other.events];
        served = [.. other.served];
        spareTransformers = other.spareTransformers;
        mutualAid = other.mutualAid?.Fork();
        teamChanges = [.. other.teamChanges];
        trips = other.trips.Fork();
        dispatched = [.. other.dispatched];
    }

    /// <summary>Nuclear units tripped so far by grid disturbances.</summary>
    public int NuclearTrips => trips.Count;

    private readonly NuclearTrips trips;
    private RegionBalance[] dispatched = [];

    /// <summary>Spare large transformers left in the national stock.</summary>
    public int SpareTransformers => spareTransformers;

    private readonly List<PlannedSalvo> plan;

    public IReadOnlyList<PlannedSalvo> Plan => plan;

    public int TickCount => run.Scenario.TickCount;

    public int RegionCount => regions.Length;

    public RegionSetup SetupOf(int regionIndex) => RegionSetup.For(run, Plan, regionIndex);

    public List<StrikeOrder>[] AllocateStrikes(int tick) => allocator.Allocate(tick);

    /// <summary>
    /// A live event at <paramref name="tick"/> (the next tick to be played): national parts take effect here (a strike
    /// joins the plan, the import limit changes); what regions must do is returned, in region order.
    /// </summary>
    public IReadOnlyList<RegionInjection> Inject(LiveEvent e, int tick)
    {
        var grid = run.Scenario.Grid;
        switch (e.Kind)
        {
            case LiveEventKind.ImportLimit:
                // Applied when that tick is dispatched, like a timed event.
                events.Add(new TickEvent(tick, new ScenarioEvent(run.Scenario.TimeOf(tick), EventKind.ImportLimit, null, null, e.Value)));
                return [];
            case LiveEventKind.Strike:
                var weapon = grid.Weapon(e.Weapon!) ?? throw new ArgumentException($"unknown weapon {e.Weapon}", nameof(e));
                var salvo = new SalvoSpec(e.Weapon!, e.Count, e.Regions ?? [], e.Classes ?? [], e.Asset);
                var end = Math.Min(TickCount, tick + Math.Max(1, (int)Math.Ceiling(e.Hours / run.Scenario.TickHours)));
                IReadOnlyList<int> regions = e.Asset is { } asset
                    ? [StrikePlan.OwnerOf(run.Scenario, asset)]
                    : [.. salvo.Regions.Select(r => grid.RegionIndex(r.Item))];
                IReadOnlyList<double> weights = e.Asset is null ? [.. salvo.Regions.Select(r => r.Weight)] : [1.0];
                var planned = new PlannedSalvo(plan.Count, salvo, weapon, tick, end, regions, weights);
                plan.Add(planned);
                lastWaveEndTick = Math.Max(lastWaveEndTick, end);
                return [.. regions.Distinct().Order().Select(r => new RegionInjection(r, null, planned))];
            case LiveEventKind.Damage:
                return [new RegionInjection(StrikePlan.OwnerOf(run.Scenario, e.Asset!), e, null)];
            case LiveEventKind.Crews:
                return [new RegionInjection(grid.RegionIndex(e.Region!), e, null)];
            case LiveEventKind.Weather:
            default:
                return e.Region is { } id
                    ? [new RegionInjection(grid.RegionIndex(id), e, null)]
                    : [.. Enumerable.Range(0, RegionCount).Select(r => new RegionInjection(r, e, null))];
        }
    }

    /// <summary>What dispatch has done so far (benchmarks).</summary>
    public DispatchCounts DispatchCounts => dispatcher.Counts;

    /// <summary>Future national draws from another replication's stream (forecasts).</summary>
    public void Reseed(int replication) => allocator.Reseed(run, replication);

    /// <summary>Phase 3: national events, power by fair-share dispatch, spare transformers from the stock in region order.</summary>
    public void Allocate(int tick, ReadOnlySpan<RegionBalance> balances, Span<RegionAllocation> allocations)
    {
        for (var k = 0; k < events.Count; k++)
        {
            var (at, e) = events[k];
            if (at != tick) continue;
            if (e.Kind == Scenario.EventKind.ImportLimit) dispatcher.ImportLimitMw = e.Value;
            else if (e.Kind == Scenario.EventKind.SparesDelivered) spareTransformers += (int)e.Value;
        }
        var shed = Disturb(tick, balances);
        dispatcher.Dispatch(dispatched, served);
        mutualAid?.Plan(tick, balances, teamChanges);
        for (var r = 0; r < balances.Length; r++)
        {
            var granted = Math.Min(balances[r].SpareRequests, spareTransformers);
            spareTransformers -= granted;
            allocations[r] = new RegionAllocation(served[r], granted, teamChanges[r], shed);
        }
    }

    /// <summary>
    /// Sudden losses of this tick: nuclear units tripped near a backbone hit leave dispatch, and what the fast reserve
    /// cannot cover is shed at once in every region (under-frequency and emergency cuts, "emergency cuts in all
    /// oblasts", C12), as a share of connected load, however much slower spare there is; operators then start that
    /// spare and go back to schedules (EmergencyOutages).
    /// </summary>
    private double Disturb(int tick, ReadOnlySpan<RegionBalance> balances)
    {
        if (dispatched.Length != balances.Length) dispatched = new RegionBalance[balances.Length];
        var newlyTripped = trips.Update(tick, balances);
        double lost = newlyTripped, demand = 0, generation = 0;
        for (var r = 0; r < balances.Length; r++)
        {
            var b = balances[r];
            var trippedMw = Math.Min(b.NuclearMw, trips.TrippedMw(r));
            dispatched[r] = trippedMw > 0 ? b with { GenerationMw = b.GenerationMw - trippedMw } : b;
            lost += b.GenerationLostMw;
            demand += b.DemandMw;
            generation += dispatched[r].GenerationMw;
        }
        if (lost <= 0 || demand <= 0) return 0;
        // Only the fast reserve covers a sudden loss at once; the rest is shed until slower units start.
        var spare = Math.Max(0, generation + dispatcher.ImportLimitMw - demand);
        var uncovered = lost - EmergencyOutages.FastReserve(spare);
        return uncovered > 0 ? Math.Min(1, uncovered / demand) : 0;
    }

    /// <summary>Phase 5: folds the tick into the results; returns its national totals, so no caller sums them again.</summary>
    public RegionTickRecord Record(ReadOnlySpan<RegionTickRecord> records)
    {
        var totals = RegionTickRecord.Sum(records);
        if (!keepsResults) return totals;
        for (var r = 0; r < records.Length; r++) regions[r].Add(records[r]);
        national.Add(totals);
        return totals;
    }

    // False in a forecast branch: the accumulators are the trunk's, shared and never written (Fork).
    private readonly bool keepsResults = true;

    public RunSummary Summarize() => !keepsResults
        ? throw new InvalidOperationException("a branch forked without its results cannot be summarized")
        : new(
        run.Scenario.Name, run.Seed, run.Strategy, run.Replication, run.Scenario.Start,
        run.Scenario.TickCount * run.Scenario.TickHours,
        national.Build(lastWaveEndTick), [.. regions.Select(r => r.Build(lastWaveEndTick))]);

}
