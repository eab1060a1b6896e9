using SimGrid.Model.Hindcast;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using static SimGrid.Tests.Model.Builders;
using SimGrid.Model.Protocol;

namespace SimGrid.Tests.Model;

/// <summary>The hindcast probe and scorer on a hand-made timeline: every expected value is worked out by hand below.</summary>
public class HindcastTests
{
    // Two regions of 1,000 customers (2,000 people) each, 15-minute ticks, one wave starting at 01:00: t0 is tick 4.
    private static readonly ScenarioSpec Scenario = Builders.Scenario(Grid([Region("a"), Region("b")]),
        [new WaveSpec("w", Start.AddHours(1), Start.AddHours(2), [])]);

    private static ReportedOutcome Outcome(OutcomeMetric metric, double value, OutcomeKind kind, double? at = null, string[]? regions = null,
        double from = 0, double? to = null) =>
        new("case", metric.ToString(), metric, regions ?? [], value, kind, at, from, to, "test", "");

    /// <summary>Region a: people off by damage 100 before t0, then 1,100 at t0, 600 an hour later, 150 two hours later.</summary>
    private static RegionTickRecord A(int tick) => new(tick, 0, DemandMw: 100, ServedMw: 80, 0, CustomersOffRolling: 0,
        CustomersOffDamage: tick < 4 ? 50 : tick < 8 ? 550 : tick < 12 ? 300 : 75, 0,
        PeopleOffDamage: tick < 4 ? 100 : tick < 8 ? 1100 : tick < 12 ? 600 : 150, PeopleWithoutHeat: tick >= 4 ? 400 : 0, 20, 0, 0, 0, 0, 0, 0, 0);

    private static RegionTickRecord B(int tick) => new(tick, 0, DemandMw: 50, ServedMw: 50, 0, CustomersOffRolling: 200, CustomersOffDamage: 0, 400, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0);

    private static double[] Play(params ReportedOutcome[] outcomes)
    {
        var probe = new HindcastProbe(Scenario, outcomes);
        for (var t = 0; t < Scenario.TickCount; t++) probe.Add(t, [A(t), B(t)]);
        return probe.Predictions();
    }

    [Fact]
    public void T0_is_the_tick_the_first_wave_starts_in() => Assert.Equal(4, new HindcastProbe(Scenario, []).T0Tick);

    [Fact]
    public void People_cut_off_count_what_the_attack_added_at_the_peak_and_at_a_given_hour()
    {
        // Peak: 1,100 - 100 standing = 1,000. One hour after t0 (tick 8): 600 - 100 = 500. Two hours: 150 - 100 = 50.
        var p = Play(Outcome(OutcomeMetric.PeopleWithoutPower, 0, OutcomeKind.Approx),
            Outcome(OutcomeMetric.PeopleWithoutPower, 0, OutcomeKind.Approx, at: 1),
            Outcome(OutcomeMetric.PeopleWithoutPower, 0, OutcomeKind.Approx, at: 2, regions: ["a"]));
        Assert.Equal([1000, 500, 50], p);
    }

    [Fact]
    public void A_share_counts_everyone_off_and_a_shortfall_only_connected_demand()
    {
        // Share at the peak: a's 550 damage-cut plus b's 200 rolling of 2,000 customers = 0.375.
        // Shortfall at t0: a serves 80 of 100 x (1 - 550/1000) = 45 connected MW, so nothing is short; before t0,
        // 100 x (1 - 50/1000) = 95 connected against 80 served: 15 MW short, outside the window that starts at t0.
        var p = Play(Outcome(OutcomeMetric.ShareWithoutPower, 0, OutcomeKind.Share), Outcome(OutcomeMetric.ShortfallMw, 0, OutcomeKind.Approx, at: 0),
            Outcome(OutcomeMetric.ShortfallMw, 0, OutcomeKind.Approx, at: 3));
        Assert.Equal(0.375, p[0], 12);
        Assert.Equal(0, p[1]);
        // Three hours after t0 (tick 16): 100 x (1 - 75/1000) = 92.5 connected, 80 served.
        Assert.Equal(12.5, p[2], 12);
    }

    [Fact]
    public void Restoration_hours_run_from_t0_to_a_tenth_of_the_peak_and_regions_cut_need_five_percent()
    {
        // Added outage peaks at 1,000; a tenth is 100, reached when 150 - 100 = 50 at tick 12: 2 hours after t0.
        // Heat: 400 from t0 to the end, never restored within the run. Region a lost 500 of 1,000 customers: cut; b none.
        var p = Play(Outcome(OutcomeMetric.HoursToRestorePower, 0, OutcomeKind.Approx), Outcome(OutcomeMetric.HoursToRestoreHeat, 0, OutcomeKind.Approx),
            Outcome(OutcomeMetric.RegionsCut, 0, OutcomeKind.AtLeast));
        Assert.Equal(2, p[0]);
        Assert.True(double.IsNaN(p[1]));
        Assert.Equal(1, p[2]);
    }

    [Fact]
    public void Most_regions_are_restored_when_those_still_cut_fall_to_half_of_the_most_cut_at_once()
    {
        // Three regions of 1,000 customers. a as above: 550, 300, then 75 customers off against 50 before t0, so cut
        // (500 and 250 added, at least 50) until tick 12, and 25 added from then on: not cut. b: 100 off from t0 to
        // tick 6, then none. c: 200 off from t0 to the end. Cut at once: 3 at t0 (ticks 4-5), 2 from tick 6 (a and c:
        // more than half of 3), 1 from tick 12 (c alone, at most 1.5): 2 hours after t0. c is never restored, so the
        // people it keeps off hold the national count above a tenth of its peak to the end.
        var scenario = Builders.Scenario(Grid([Region("a"), Region("b"), Region("c")]), Scenario.Waves);
        var outcomes = new[]
        {
            Outcome(OutcomeMetric.HoursToRestoreMostRegions, 0, OutcomeKind.Approx),
            Outcome(OutcomeMetric.HoursToRestorePower, 0, OutcomeKind.Approx),
        };
        var probe = new HindcastProbe(scenario, outcomes);
        for (var t = 0; t < scenario.TickCount; t++) probe.Add(t, [A(t), Off(t, t is >= 4 and < 6 ? 100 : 0), Off(t, t >= 4 ? 200 : 0)]);
        var p = probe.Predictions();
        Assert.Equal(2, p[0]);
        Assert.True(double.IsNaN(p[1]));
    }

    private static RegionTickRecord Off(int tick, double customers) => new(tick, 0, DemandMw: 50, ServedMw: 50, 0, CustomersOffRolling: 0,
        CustomersOffDamage: customers, 0, PeopleOffDamage: 2 * customers, 0, 20, 0, 0, 0, 0, 0, 0, 0);

    [Theory]
    [InlineData(OutcomeKind.Approx, 50, 100, true)]     // exactly half
    [InlineData(OutcomeKind.Approx, 49.9, 100, false)]
    [InlineData(OutcomeKind.Approx, 200, 100, true)]    // exactly twice
    [InlineData(OutcomeKind.Approx, 200.1, 100, false)]
    [InlineData(OutcomeKind.Approx, 0, 0, true)]
    [InlineData(OutcomeKind.AtLeast, 1e9, 100, true)]   // "more than 100": anything from half up
    [InlineData(OutcomeKind.AtLeast, 49, 100, false)]
    [InlineData(OutcomeKind.Share, 0.8, 1.0, true)]
    [InlineData(OutcomeKind.Share, 0.79, 1.0, false)]
    [InlineData(OutcomeKind.Flag, 3, 1, true)]
    [InlineData(OutcomeKind.Flag, 0, 1, false)]
    [InlineData(OutcomeKind.Flag, 0, 0, true)]
    [InlineData(OutcomeKind.Approx, double.NaN, 100, false)]   // not reached within the run
    public void Each_kind_has_its_tolerance(OutcomeKind kind, double predicted, double reported, bool hit) =>
        Assert.Equal(hit, OutcomeScorer.IsHit(kind, predicted, reported));
}
