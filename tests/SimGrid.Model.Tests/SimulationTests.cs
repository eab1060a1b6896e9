using SimGrid.Model.Grid;
using SimGrid.Model.Randomness;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using static SimGrid.Tests.Model.Builders;

namespace SimGrid.Tests.Model;

public class SimulationTests
{
    private static ScenarioSpec Attacked()
    {
        var regions = new[]
        {
            Region("east", baseDemandMw: 300, assets: [Asset("east-330-1", AssetClass.Substation330, 200), Asset("east-330-2", AssetClass.Substation330, 200),
                Asset("east-dist", AssetClass.Distribution, 300), Asset("east-tpp", AssetClass.Thermal, 400)]),
            Region("west", baseDemandMw: 200, assets: [Asset("west-330-1", AssetClass.Substation330, 300), Asset("west-npp", AssetClass.Nuclear, 300)]),
        };
        var salvo = new SalvoSpec("sure-hit", 12, [new Weighted<string>("east", 2), new Weighted<string>("west", 1)], [], null);
        return Scenario(Grid(regions, [new LinkSpec("east", "west", 150)]),
            [new WaveSpec("w", Start.AddHours(1), Start.AddHours(3), [salvo])], temperatureC: -15, duration: TimeSpan.FromDays(2));
    }

    [Fact]
    public void Same_seed_gives_identical_results_and_another_seed_different_ones()
    {
        var a = GridSimulation.Run(new RunSetup(Attacked(), 42, "fifo", 0));
        var b = GridSimulation.Run(new RunSetup(Attacked(), 42, "fifo", 0));
        var c = GridSimulation.Run(new RunSetup(Attacked(), 43, "fifo", 0));
        Assert.Equal(a.National, b.National);
        Assert.Equal(a.Regions, b.Regions);
        Assert.NotEqual(a.National, c.National);
    }

    [Fact]
    public void Every_weapon_is_accounted_for_and_sure_hits_all_land()
    {
        var summary = GridSimulation.Run(new RunSetup(Attacked(), 1, "fifo", 0));
        Assert.Equal(12, summary.National.WeaponsLaunched);
        Assert.Equal(0, summary.National.WeaponsIntercepted);
        Assert.Equal(12, summary.National.WeaponsHit);
        Assert.Equal(12, summary.Regions.Sum(r => r.WeaponsLaunched));
    }

    [Fact]
    public void An_attack_is_worse_than_no_attack()
    {
        var attacked = GridSimulation.Run(new RunSetup(Attacked(), 5, "fifo", 0));
        var calm = GridSimulation.Run(new RunSetup(Attacked() with { Waves = [] }, 5, "fifo", 0));
        Assert.True(attacked.National.CustomerHoursInterrupted > calm.National.CustomerHoursInterrupted);
        Assert.True(attacked.National.PeakPeopleWithoutPowerDamage > 0);
        Assert.Equal(0, calm.National.PeakPeopleWithoutPowerDamage);
    }

    [Fact]
    public void Without_attack_or_shortage_nobody_is_off_and_the_indices_are_perfect()
    {
        var regions = new[] { Region("a", baseDemandMw: 100, assets: [Asset("a-gas", AssetClass.Gas, 1000)]) };
        var summary = GridSimulation.Run(new RunSetup(Scenario(Grid(regions)), 1, "fifo", 0));
        Assert.Equal(0, summary.National.CustomerHoursInterrupted);
        Assert.Equal(0, summary.National.EnergyNotServedMwh, precision: 6);
        Assert.Equal(1, summary.National.Asai);
        Assert.Equal(0, summary.National.Saifi);
    }

    [Fact]
    public void A_steady_shortage_gives_the_indices_IEEE_1366_defines()
    {
        // 100 MW demanded, 60 MW of gas: 40% of (non-critical) customers off in every tick of a 24-hour run.
        var regions = new[] { Region("a", baseDemandMw: 100, customers: 1000, assets: [Asset("a-gas", AssetClass.Gas, 60 / 0.9)]) };
        var s = GridSimulation.Run(new RunSetup(Scenario(Grid(regions)), 1, "fifo", 0)).National;
        Assert.Equal(400 * 24, s.CustomerHoursInterrupted, precision: 6);
        Assert.Equal(40 * 24, s.EnergyNotServedMwh, precision: 6);
        Assert.Equal(400 * 24 * 60 / 1000.0, s.SaidiMinutes, precision: 6);
        // Rolling blocks rotate every 4 hours: 400 * 24 / 4 interruptions.
        Assert.Equal(400 * 24 / 4 / 1000.0, s.Saifi, precision: 9);
        Assert.Equal(s.SaidiMinutes / s.Saifi, s.CaidiMinutes, precision: 9);
        Assert.Equal(1 - 0.4, s.Asai, precision: 9);
    }

    [Fact]
    public void Random_streams_differ_by_region_purpose_and_replication_and_repeat_exactly()
    {
        var seeds = new[]
        {
            RandomStreams.DeriveSeed(1, 0, "kyiv", "strikes"), RandomStreams.DeriveSeed(1, 0, "kharkiv", "strikes"),
            RandomStreams.DeriveSeed(1, 0, "kyiv", "repair"), RandomStreams.DeriveSeed(1, 1, "kyiv", "strikes"),
            RandomStreams.DeriveSeed(2, 0, "kyiv", "strikes"),
        };
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        Assert.Equal(seeds[0], RandomStreams.DeriveSeed(1, 0, "kyiv", "strikes"));
    }
}
