using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Hindcast;

/// <summary>
/// Watches a run tick by tick and measures each reported outcome the way docs/hindcast.md says it is counted:
/// t0 is the start of the scenario's first wave, counts are what the attack added to the level of the tick before
/// t0, shares count everyone off, peaks are taken over a window of hours after t0.
/// </summary>
public sealed class HindcastProbe
{
    /// <summary>A region counts as cut when the attack took at least this share of its customers off [E].</summary>
    public const double RegionCutShare = 0.05;

    /// <summary>Restoration is reached when what the attack caused falls to this share of its peak.</summary>
    public const double RestoredShare = 0.1;

    /// <summary>Most regions are restored when those still cut are at most half of the most cut at once.</summary>
    public const double MostRegionsRestoredShare = 0.5;

    private readonly ScenarioSpec scenario;
    private readonly IReadOnlyList<ReportedOutcome> outcomes;
    private readonly int[][] scopes;
    private readonly double[] before;
    private readonly double[] peak;
    private readonly double[] atPoint;
    private readonly double[] restoredAt;
    private readonly double[] regionBefore;
    private int nuclearTrips;

    public HindcastProbe(ScenarioSpec scenario, IReadOnlyList<ReportedOutcome> outcomes)
    {
        this.scenario = scenario;
        this.outcomes = outcomes;
        T0Tick = scenario.Waves.Count == 0 ? 0 : Math.Clamp(scenario.TickAt(scenario.Waves.Min(w => w.Start)), 0, scenario.TickCount - 1);
        var grid = scenario.Grid;
        scopes = [.. outcomes.Select(o => o.Regions.Count == 0
            ? Enumerable.Range(0, grid.Regions.Count).ToArray()
            : o.Regions.Select(grid.RegionIndex).ToArray())];
        before = new double[outcomes.Count];
        peak = new double[outcomes.Count];
        atPoint = Enumerable.Repeat(double.NaN, outcomes.Count).ToArray();
        restoredAt = Enumerable.Repeat(double.NaN, outcomes.Count).ToArray();
        regionBefore = new double[grid.Regions.Count];
    }

    /// <summary>The tick the attack begins in (the first wave's start).</summary>
    public int T0Tick { get; }

    /// <summary>Nuclear units the run tripped, as the national model counts them.</summary>
    public void SetNuclearTrips(int trips) => nuclearTrips = trips;

    public void Add(int tick, ReadOnlySpan<RegionTickRecord> records)
    {
        if (tick == T0Tick - 1 || (T0Tick == 0 && tick == 0))
        {
            for (var k = 0; k < outcomes.Count; k++) before[k] = Raw(k, records);
            for (var r = 0; r < records.Length; r++) regionBefore[r] = records[r].CustomersOffDamage;
        }
        if (tick < T0Tick) return;
        var hours = (tick - T0Tick) * scenario.TickHours;
        for (var k = 0; k < outcomes.Count; k++)
        {
            var o = outcomes[k];
            var value = Value(k, records);
            if (o.AtHours is { } at && Math.Abs(hours - at) < scenario.TickHours / 2) atPoint[k] = value;
            var inWindow = hours >= o.FromHours && (o.ToHours is not { } to || hours <= to);
            if (inWindow && value > peak[k])
            {
                peak[k] = value;
                restoredAt[k] = double.NaN;
            }
            else if (peak[k] > 0 && double.IsNaN(restoredAt[k]) && value <= RestoredFraction(o.Metric) * peak[k]) restoredAt[k] = hours;
        }
    }

    private static double RestoredFraction(OutcomeMetric metric) =>
        metric == OutcomeMetric.HoursToRestoreMostRegions ? MostRegionsRestoredShare : RestoredShare;

    /// <summary>The model's value for each outcome, in order (NaN: not reached within the run).</summary>
    public double[] Predictions() => [.. outcomes.Select((o, k) => o.Metric switch
    {
        OutcomeMetric.HoursToRestoreHeat or OutcomeMetric.HoursToRestorePower or OutcomeMetric.HoursToRestoreMostRegions =>
            peak[k] <= 0 ? 0 : restoredAt[k],
        OutcomeMetric.NuclearUnitsTripped => nuclearTrips,
        _ => o.AtHours is null ? peak[k] : atPoint[k],
    })];

    private double Value(int k, ReadOnlySpan<RegionTickRecord> records) => outcomes[k].Metric switch
    {
        OutcomeMetric.PeopleWithoutPower or OutcomeMetric.PeopleWithoutHeat or OutcomeMetric.HoursToRestoreHeat
            or OutcomeMetric.HoursToRestorePower => Math.Max(0, Raw(k, records) - before[k]),
        _ => Raw(k, records),
    };

    private double Raw(int k, ReadOnlySpan<RegionTickRecord> records)
    {
        var grid = scenario.Grid;
        double sum = 0, customers = 0;
        foreach (var r in scopes[k])
        {
            var rec = records[r];
            switch (outcomes[k].Metric)
            {
                case OutcomeMetric.PeopleWithoutPower:
                case OutcomeMetric.HoursToRestorePower:
                    sum += rec.PeopleOffDamage;
                    break;
                case OutcomeMetric.PeopleWithoutHeat:
                case OutcomeMetric.HoursToRestoreHeat:
                    sum += rec.PeopleWithoutHeat;
                    break;
                case OutcomeMetric.ShareWithoutPower:
                    sum += rec.CustomersOff;
                    customers += grid.Regions[r].Customers;
                    break;
                case OutcomeMetric.ShortfallMw:
                    var spec = grid.Regions[r];
                    var connected = spec.Customers > 0 ? 1 - (rec.CustomersOffDamage / spec.Customers) : 1;
                    sum += Math.Max(0, (rec.DemandMw * connected) - rec.ServedMw);
                    break;
                case OutcomeMetric.RegionsCut:
                case OutcomeMetric.HoursToRestoreMostRegions:
                    var c = grid.Regions[r].Customers;
                    if (c > 0 && (rec.CustomersOffDamage - regionBefore[r]) / c >= RegionCutShare) sum++;
                    break;
                case OutcomeMetric.NuclearUnitsTripped:
                default:
                    break;
            }
        }
        return outcomes[k].Metric == OutcomeMetric.ShareWithoutPower ? (customers > 0 ? sum / customers : 0) : sum;
    }

    /// <summary>Plays one case in this thread and returns its predictions (the unit a hindcast spreads over the silos).</summary>
    public static double[] Predict(RunSetup setup, IReadOnlyList<ReportedOutcome> outcomes)
    {
        var probe = new HindcastProbe(setup.Scenario, outcomes);
        var sim = new GridSimulation(setup);
        for (var t = 0; t < sim.TickCount; t++) probe.Add(t, sim.Step(t));
        probe.SetNuclearTrips(sim.NuclearTrips);
        return probe.Predictions();
    }
}
