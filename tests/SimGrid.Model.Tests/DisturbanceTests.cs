using SimGrid.Model.Disturbance;
using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using static SimGrid.Tests.Model.Builders;
using SimGrid.Model.Assets;
using SimGrid.Model.Protocol;

namespace SimGrid.Tests.Model;

/// <summary>The mechanisms the hindcast nights show: emergency outages, nuclear trips, heat back without its plant.</summary>
public class DisturbanceTests
{
    [Fact]
    public void A_region_that_loses_most_of_its_transmission_is_cut_off_and_comes_back_after_the_attack()
    {
        // Substations of 300 and 100 MW, no plant: the 300 MW one destroyed at 01:00 (tick 4) leaves 0.25 of the
        // transmission capacity, below 0.5, so the region is cut off: all 1,000 customers off in tick 4. From tick 5 the
        // attack is over and the emergency share decays by exp(-0.25 / 3) a tick, while the destroyed substation's
        // three quarters of the load wait for switching: 1,000 x (1 - 0.25 x (1 - exp(-0.25 / 3))) off.
        var sim = Play(Asset("s1", AssetClass.Substation330, 300), Asset("s2", AssetClass.Substation330, 100), target: "s1");
        for (var t = 0; t < 4; t++) Assert.Equal(0, sim.Step(t)[0].CustomersOffDamage);
        Assert.Equal(1000, sim.Step(4)[0].CustomersOffDamage, 9);
        Assert.Equal(1000 * (1 - (0.25 * (1 - Math.Exp(-0.25 / EmergencyOutages.RestoreHours)))), sim.Step(5)[0].CustomersOffDamage, 9);
    }

    [Fact]
    public void A_region_that_keeps_half_its_transmission_loses_only_what_the_lost_substation_fed()
    {
        // The 100 MW substation destroyed: 0.75 of the capacity left, so no emergency; its quarter of the load is cut.
        var sim = Play(Asset("s1", AssetClass.Substation330, 300), Asset("s2", AssetClass.Substation330, 100), target: "s2");
        for (var t = 0; t < 4; t++) sim.Step(t);
        Assert.Equal(250, sim.Step(4)[0].CustomersOffDamage, 9);
    }

    private static GridSimulation Play(AssetSpec a, AssetSpec b, string target)
    {
        var salvo = new SalvoSpec("sure-hit", 1, [], [], target);
        var scenario = Scenario(Grid([Region("r", assets: [a, b])]), [new WaveSpec("w", Start.AddHours(1), Start.AddHours(1.25), [salvo])]);
        return new GridSimulation(new RunSetup(scenario, 1, "fifo", 0));
    }

    [Fact]
    public void Emergency_outages_wait_for_the_attack_on_the_region_to_end_but_a_national_shed_does_not()
    {
        var outages = new EmergencyOutages();
        outages.TransmissionLost(0.8, 0.4, localGenerationShare: 0.3);
        Assert.Equal(0.7, outages.Share, 12);
        outages.Restore(3, underAttack: true);
        Assert.Equal(0.7, outages.Share, 12);
        outages.Restore(3, underAttack: false);
        Assert.Equal(0.7 / Math.E, outages.Share, 12);
        // A national shed of 0.5 takes half of those still connected; it decays even while the region is attacked.
        var local = outages.Share;
        outages.Shed(0.5);
        Assert.Equal(1 - ((1 - local) * 0.5), outages.Share, 12);
        outages.Restore(3, underAttack: true);
        Assert.Equal(1 - ((1 - local) * (1 - (0.5 / Math.E))), outages.Share, 12);
        // The standing substations carry the region while what is lost stays within their spare (the loading limit);
        // a drop past it trips them all.
        var calm = new EmergencyOutages();
        calm.TransmissionLost(1, RepairTable.SubstationLoading + 0.01, 0);
        Assert.Equal(0, calm.Share);
        var tripped = new EmergencyOutages();
        tripped.TransmissionLost(1, RepairTable.SubstationLoading - 0.01, 0);
        Assert.Equal(1, tripped.Share);
    }

    [Fact]
    public void A_backbone_hit_next_to_a_nuclear_plant_trips_a_unit_for_two_days_and_sheds_what_it_leaves_uncovered()
    {
        // a: a 2,000 MW nuclear plant and no load; b next to it: 3,000 MW of load, a 750 kV substation hit in tick 0.
        var grid = Grid([Region("a"), Region("b")], [new LinkSpec("a", "b", 5000)]);
        var national = new NationalModel(new RunSetup(Scenario(grid, duration: TimeSpan.FromDays(3)), 1, "fifo", 0));
        var allocations = new RegionAllocation[2];
        RegionBalance[] Balances(int hits) => [Balance(0, 2000) with { NuclearMw = 2000 }, Balance(3000, 0) with { BackboneHits = hits }];

        national.Allocate(0, Balances(1), allocations);
        Assert.Equal(1, national.NuclearTrips);
        Assert.Equal(1000, allocations.Sum(a => a.ServedMw), 6);
        // 1,000 MW lost at once, nothing spare to cover it: a third of the 3,000 MW of load is shed in every region.
        Assert.Equal(1.0 / 3, allocations[1].EmergencyShed, 12);
        Assert.Equal(allocations[1].EmergencyShed, allocations[0].EmergencyShed);

        var restart = (int)(NuclearTrips.RestartHours / 0.25);
        national.Allocate(restart - 1, Balances(0), allocations);
        Assert.Equal(1000, allocations.Sum(a => a.ServedMw), 6);
        Assert.Equal(0, allocations[1].EmergencyShed);
        national.Allocate(restart, Balances(0), allocations);
        Assert.Equal(2000, allocations.Sum(a => a.ServedMw), 6);
        Assert.Equal(1, national.NuclearTrips);
    }

    [Theory]
    // A plant of 2,500 MW lost at once beside 2,000 MW of spare thermal: only the fast reserve (1,000 MW) answers in
    // time, so 1,500 of the 3,000 MW of load is shed; spare generation brings it back later, not at once.
    [InlineData(2500, 5000, 0.5)]
    // A loss the reserve covers (one unit's worth) sheds nothing.
    [InlineData(1000, 5000, 0)]
    // With 400 MW spare, the reserve is only what is spare: 600 of a 1,000 MW loss is shed.
    [InlineData(1000, 3400, 0.2)]
    public void A_sudden_loss_is_covered_at_once_only_by_the_fast_reserve(double lostMw, double generationMw, double shed)
    {
        var grid = Grid([Region("a"), Region("b")], [new LinkSpec("a", "b", 10_000)]);
        var national = new NationalModel(new RunSetup(Scenario(grid), 1, "fifo", 0));
        var allocations = new RegionAllocation[2];
        national.Allocate(0, [Balance(0, generationMw) with { GenerationLostMw = lostMw }, Balance(3000, 0)], allocations);
        Assert.Equal(Math.Max(0, lostMw - Math.Min(generationMw - 3000, EmergencyOutages.FastReserveMw)) / 3000, shed, 12);
        Assert.Equal(shed, allocations[1].EmergencyShed, 12);
    }

    [Fact]
    public void A_backbone_hit_far_from_any_plant_trips_nothing()
    {
        var grid = Grid([Region("a"), Region("b"), Region("c")], [new LinkSpec("a", "b", 5000), new LinkSpec("b", "c", 5000)]);
        var national = new NationalModel(new RunSetup(Scenario(grid), 1, "fifo", 0));
        national.Allocate(0, [Balance(0, 2000) with { NuclearMw = 2000 }, Balance(1000, 0), Balance(1000, 0) with { BackboneHits = 1 }], new RegionAllocation[3]);
        Assert.Equal(0, national.NuclearTrips);
    }

    [Fact]
    public void Backups_take_over_a_lost_plants_heat_after_mobilising_and_give_way_when_it_returns()
    {
        var backup = HeatBackup.Create();
        const double tick = 0.25;
        var mobilising = (int)(HeatBackup.MobiliseHours / tick);
        for (var i = 0; i < mobilising; i++) Assert.Equal(0, backup.Update(1000, tick));
        // From then on the uncovered part shrinks by exp(-0.25 / 44) per tick: after 44 hours to 1/e of it.
        var takeover = (int)(HeatBackup.TakeoverHours / tick);
        for (var i = 0; i < takeover; i++) backup.Update(1000, tick);
        Assert.Equal(1000 / Math.E, 1000 - backup.Covered, 6);
        Assert.Equal(0, backup.Update(0, tick));
    }

    [Theory]
    [InlineData(-10, true)]
    [InlineData(5, false)]
    public void Heaters_in_cooled_flats_overload_their_local_networks_in_frost_only(double temperatureC, bool overloads)
    {
        // One region on district heat from one CHP, destroyed at 01:00; imports cover the lost megawatts, so nothing
        // else cuts anyone off. Population 2,000, 1,000 customers.
        var chp = Asset("chp", AssetClass.Chp, 100, heatShare: 1);
        var region = Region("r", customers: 1000, assets: [chp], importMw: 1000, districtHeat: 1);
        var salvo = new SalvoSpec("sure-hit", 1, [], [], "chp");
        var scenario = Scenario(Grid([region], importLimitMw: 1000), [new WaveSpec("w", Start.AddHours(1), Start.AddHours(1.25), [salvo])],
            temperatureC);
        var sim = new GridSimulation(new RunSetup(scenario, 1, "fifo", 0));
        var cooled = 0;
        var previousBelow16 = 0.0;
        for (var t = 0; t < sim.TickCount; t++)
        {
            var record = sim.Step(t)[0];
            // Each tick cuts the share of the people who were below 16 C the tick before, in frost only.
            var expected = overloads ? 1000 * NetworkOverload.ShareTripped * previousBelow16 / 2000 : 0;
            Assert.Equal(expected, record.CustomersOffDamage, 9);
            if (record.PeopleBelow16C > 0) cooled++;
            previousBelow16 = record.PeopleBelow16C;
        }
        Assert.True(cooled > 0, "the flats never cooled below 16 C: the test would check nothing");
    }

    [Fact]
    public void Flats_cooled_because_their_own_local_network_is_down_overload_nothing()
    {
        // Two equal local-network zones, one destroyed at 01:00 in frost: its customers lose power and, with their heat
        // pumps, heat. Their flats cool, but a network that is down carries no heaters: the only customers off are the
        // zone's lost circuits (HAZUS complete: 80% until switched, then half of that until repaired).
        var zones = new[] { Asset("z1", AssetClass.Distribution, 100), Asset("z2", AssetClass.Distribution, 100) };
        var region = Region("r", customers: 1000, assets: zones, importMw: 1000, districtHeat: 1);
        var salvo = new SalvoSpec("sure-hit", 1, [], [], "z1");
        var scenario = Scenario(Grid([region], importLimitMw: 1000), [new WaveSpec("w", Start.AddHours(1), Start.AddHours(1.25), [salvo])], -10);
        var sim = new GridSimulation(new RunSetup(scenario, 1, "fifo", 0));
        var cooledAndCut = 0;
        for (var t = 0; t < sim.TickCount; t++)
        {
            var record = sim.Step(t)[0];
            var off = record.CustomersOffDamage;
            Assert.True(new[] { 0, 1000 * 0.8 / 2, 1000 * 0.4 / 2 }.Any(v => Math.Abs(off - v) < 1e-9), $"tick {t}: {off} customers off");
            if (record.PeopleBelow16C > 0 && record.CustomersOffDamage > 0) cooledAndCut++;
        }
        Assert.True(cooledAndCut > 0, "no flat cooled while the zone was down: the test would check nothing");
    }

    [Fact]
    public void Standing_backups_take_over_a_small_loss_at_once_after_mobilising_and_only_the_rest_at_the_first_order_rate()
    {
        const double tick = 0.25, ready = 300;
        var mobilising = (int)(HeatBackup.MobiliseHours / tick);
        var small = HeatBackup.Create();
        var large = HeatBackup.Create();
        for (var i = 0; i < mobilising; i++)
        {
            Assert.Equal(0, small.Update(200, tick, ready));
            Assert.Equal(0, large.Update(1000, tick, ready));
        }
        // The first tick after mobilising: a loss within what the backups carry is covered whole; a larger one gets
        // the backups' 300 at once, and the first-order rate starts on the 700 left.
        Assert.Equal(200, small.Update(200, tick, ready));
        Assert.Equal(300 + (700 * (1 - Math.Exp(-tick / HeatBackup.TakeoverHours))), large.Update(1000, tick, ready), 9);

        // What was covered before a new loss is not counted against the backups: a standing loss of 500 plus a fresh
        // 200 is all covered after mobilising.
        var standing = HeatBackup.Create();
        standing.Settle(500);
        for (var i = 0; i < mobilising; i++) Assert.Equal(500, standing.Update(700, tick, ready));
        Assert.Equal(700, standing.Update(700, tick, ready));
    }

    [Theory]
    // HAZUS circuits lost by state: slight 4%, moderate 12%, extensive 50%, complete 80%; after switching, none of the
    // light damage stays off, a quarter of extensive and half of complete damage waits for the repair.
    [InlineData(DamageState.Slight, 0.04, 0)]
    [InlineData(DamageState.Moderate, 0.12, 0)]
    [InlineData(DamageState.Extensive, 0.5, 0.125)]
    [InlineData(DamageState.Complete, 0.8, 0.4)]
    public void Light_damage_to_a_local_network_is_switched_around_and_heavy_damage_keeps_a_tail_until_repaired(
        DamageState state, double lostBeforeSwitching, double lostAfterSwitching)
    {
        // Two equal zones, one damaged: the region loses half of each share.
        var book = new AssetBook([Asset("z1", AssetClass.Distribution, 100), Asset("z2", AssetClass.Distribution, 100)]);
        book.Hit(0, state);
        book.AssignWork(0, new Random(1), tick: 0, transformerLeadTicks: 100);
        Assert.True(book.ReconnectLeftHours[0] > 0);
        Assert.Equal(1 - (lostBeforeSwitching / 2), book.DistributionSupplyShare(), 12);
        Assert.True(book.Switch(0, book.ReconnectLeftHours[0]));   // switching done
        Assert.Equal(1 - (lostAfterSwitching / 2), book.DistributionSupplyShare(), 12);
        book.Restore(0);
        Assert.Equal(1, book.DistributionSupplyShare());
    }
}
