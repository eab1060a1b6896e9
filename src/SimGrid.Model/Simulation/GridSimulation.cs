using SimGrid.Model.Dispatch;
using SimGrid.Model.Outputs;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Simulation;

/// <summary>A whole run in one call, all regions in this thread: the limit that the grain path is measured against.</summary>
public sealed class GridSimulation
{
    private readonly NationalModel national;
    private readonly RegionModel[] regions;
    private readonly RegionBalance[] balances;
    private readonly RegionAllocation[] allocations;
    private readonly RegionTickRecord[] records;

    public GridSimulation(RunSetup run)
    {
        national = new NationalModel(run);
        regions = [.. Enumerable.Range(0, national.RegionCount).Select(r => new RegionModel(national.SetupOf(r)))];
        balances = new RegionBalance[regions.Length];
        allocations = new RegionAllocation[regions.Length];
        records = new RegionTickRecord[regions.Length];
    }

    private GridSimulation(GridSimulation other, int replication, bool keepResults)
    {
        national = other.national.Fork(keepResults);
        regions = [.. other.regions.Select(r => r.Fork())];
        balances = new RegionBalance[regions.Length];
        allocations = new RegionAllocation[regions.Length];
        records = new RegionTickRecord[regions.Length];
        (NextTick, National) = (other.NextTick, other.National);
        Reseed(replication);
    }

    /// <summary>
    /// A forecast branch from this run's state now: a copy that draws its future from replication
    /// <paramref name="replication"/>'s streams, as a replay of the same past followed by <see cref="Reseed"/> would,
    /// without paying for the replay. This run is unchanged. Without <paramref name="keepResults"/> the branch is read
    /// only tick by tick through <see cref="National"/> and <see cref="Step"/> (a forecast), and cannot be summarized.
    /// </summary>
    public GridSimulation Branch(int replication, bool keepResults = true) => new(this, replication, keepResults);

    public int TickCount => national.TickCount;

    /// <summary>The national totals of the tick <see cref="Step"/> last played.</summary>
    public RegionTickRecord National { get; private set; }

    /// <summary>The next tick <see cref="Step"/> will play (events injected now take effect there).</summary>
    public int NextTick { get; private set; }

    /// <summary>A live event, effective from <see cref="NextTick"/>.</summary>
    public void Inject(LiveEvent e)
    {
        foreach (var injection in national.Inject(e, NextTick))
        {
            if (injection.Salvo is { } salvo) regions[injection.Region].AddSalvo(salvo);
            if (injection.Event is { } regional) regions[injection.Region].Inject(regional, NextTick);
        }
    }

    /// <summary>From now on, draw from replication <paramref name="replication"/>'s streams: a forecast branch.</summary>
    public void Reseed(int replication)
    {
        national.Reseed(replication);
        foreach (var region in regions) region.Reseed(replication);
    }

    /// <summary>Plays one tick (design section 4) and returns its records in region order, valid until the next call.</summary>
    public ReadOnlySpan<RegionTickRecord> Step(int tick)
    {
        var strikes = national.AllocateStrikes(tick);                                              // 1. waves
        for (var r = 0; r < regions.Length; r++)
        {
            balances[r] = regions[r].Step(tick, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(strikes[r])); // 2. step
        }
        national.Allocate(tick, balances, allocations);                                                 // 3. dispatch
        for (var r = 0; r < regions.Length; r++) records[r] = regions[r].Apply(tick, allocations[r]);   // 4. apply
        National = national.Record(records);                                                      // 5. record
        NextTick = tick + 1;
        return records;
    }

    public RunSummary Summarize() => national.Summarize();

    /// <summary>Nuclear units tripped so far by grid disturbances.</summary>
    public int NuclearTrips => national.NuclearTrips;

    /// <summary>What dispatch has done so far (bench `dispatch`).</summary>
    public DispatchCounts DispatchCounts => national.DispatchCounts;

    public static RunSummary Run(RunSetup run)
    {
        var sim = new GridSimulation(run);
        for (var t = 0; t < sim.TickCount; t++) sim.Step(t);
        return sim.Summarize();
    }

    /// <summary>A replication of a study: the summary and the national outage series.</summary>
    public static RunResult RunWithSeries(RunSetup run)
    {
        var sim = new GridSimulation(run);
        var total = new double[sim.TickCount];
        var damage = new double[sim.TickCount];
        for (var t = 0; t < sim.TickCount; t++)
        {
            sim.Step(t);
            var national = sim.National;
            (total[t], damage[t]) = (national.PeopleOff, national.PeopleOffDamage);
        }
        return new RunResult(sim.Summarize(), total, damage);
    }
}
