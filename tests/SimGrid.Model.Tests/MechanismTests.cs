using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Region;
using SimGrid.Model.Repair;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using static SimGrid.Tests.Model.Builders;
using SimGrid.Model.Assets;
using SimGrid.Model.Protocol;

namespace SimGrid.Tests.Model;

public class MechanismTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_salvo_hits_each_of_its_sites_about_twice(int seed)
    {
        // 200 sure hits on a region of 1,000 equal substations. Drawn anew each time they would land on ~182 distinct
        // sites; with RepeatHitChance 0.5 each hit after the first is a new site with chance 0.5 (less the ~5% of new
        // draws that land on a site hit before): ~95 sites, binomial spread sd ~7.
        var assets = Enumerable.Range(1, 1000).Select(i => Asset($"r-330-{i}", AssetClass.Substation330, 10)).ToArray();
        var salvo = new SalvoSpec("sure-hit", 200, [new Weighted<string>("r", 1)], [], null);
        var scenario = Scenario(Grid([Region("r", assets: assets)]), [new WaveSpec("w", Start.AddHours(1), Start.AddHours(2), [salvo])]);
        var region = GridSimulation.Run(new RunSetup(scenario, seed, "fifo", 0)).Regions.Single();
        Assert.Equal(200, region.WeaponsHit);
        Assert.InRange(region.AssetsDamaged, 75, 115);
    }

    [Fact]
    public void Spare_transformers_go_to_regions_in_region_order_until_the_stock_runs_out()
    {
        var grid = Grid([Region("a"), Region("b"), Region("c")]) with { SpareTransformers = 2 };
        var national = new NationalModel(new RunSetup(Scenario(grid), 1, "fifo", 0));
        var allocations = new RegionAllocation[3];
        national.Allocate(0, [Balance(0, 0) with { SpareRequests = 1 }, Balance(0, 0) with { SpareRequests = 3 }, Balance(0, 0) with { SpareRequests = 1 }], allocations);
        Assert.Equal([1, 1, 0], allocations.Select(a => a.SparesGranted));
        Assert.Equal(0, national.SpareTransformers);
    }

    [Fact]
    public void A_heat_plant_hit_in_the_run_stops_its_whole_zone_until_repaired_while_standing_damage_heats_what_is_left()
    {
        // A CHP heating 30% of the district-heated people, and one already moderately damaged before the run (20%).
        var fresh = Asset("chp-a", AssetClass.Chp, 500, heatShare: 0.3);
        var standing = Asset("chp-b", AssetClass.Chp, 500, heatShare: 0.2) with { InitialDamage = DamageState.Moderate };
        var book = new AssetBook([fresh, standing]);
        var standingLoss = 0.2 * DamageTable.CapacityLoss(AssetClass.Chp, DamageState.Moderate);
        Assert.Equal(1 - standingLoss, book.HeatAvailability(), 12);

        // Even a slight hit trips the plant: its whole zone loses heat (not the 5% of equipment a slight state fails).
        book.Hit(0, DamageState.Slight);
        Assert.Equal(1 - 0.3 - standingLoss, book.HeatAvailability(), 12);

        // A fresh hit on the damaged plant stops the rest of its zone too.
        book.Hit(1, DamageState.Slight);
        Assert.Equal(1 - 0.3 - 0.2, book.HeatAvailability(), 12);

        // Repaired, the first plant heats its zone again.
        book.AssignWork(0, new Random(1), 0, 1000);
        Assert.True(book.Repair(0, book.WorkLeftHours[0]));
        Assert.Equal(1 - 0.2, book.HeatAvailability(), 12);
    }

    [Fact]
    public void A_plant_hit_in_the_run_generates_nothing_until_repaired_while_standing_damage_generates_what_is_left()
    {
        // Flat capacity factors of 1: what a plant generates is its capacity times its availability.
        var factors = Enumerable.Repeat(1.0, Enum.GetValues<AssetClass>().Length).ToArray();
        var fresh = Asset("tpp-a", AssetClass.Thermal, 1000);
        var standing = Asset("tpp-b", AssetClass.Thermal, 1000) with { InitialDamage = DamageState.Extensive };
        var book = new AssetBook([fresh, standing]);
        var standingMw = 1000 * DamageTable.Availability(AssetClass.Thermal, DamageState.Extensive);
        Assert.Equal(1000 + standingMw, book.GenerationMw(0, 1, factors), 9);

        // Even a slight hit trips the plant: all of its output is lost, not the 5% of equipment a slight state fails.
        book.Hit(0, DamageState.Slight);
        Assert.Equal(standingMw, book.GenerationMw(0, 1, factors), 9);

        // A fresh hit on the damaged plant stops what it still generated.
        book.Hit(1, DamageState.Slight);
        Assert.Equal(0, book.GenerationMw(0, 1, factors), 9);

        // Repaired, the first plant generates its whole capacity again.
        book.AssignWork(0, new Random(1), 0, 1000);
        Assert.True(book.Repair(0, book.WorkLeftHours[0]));
        Assert.Equal(1000, book.GenerationMw(0, 1, factors), 9);
    }

    [Fact]
    public void A_destroyed_substation_waits_for_a_transformer_until_granted_or_its_lead_time()
    {
        var book = new AssetBook([Asset("s1", AssetClass.Substation330, 100), Asset("s2", AssetClass.Substation330, 100)]);
        var rng = new Random(1);
        book.Hit(0, DamageState.Complete);
        book.AssignWork(0, rng, tick: 10, transformerLeadTicks: 100);
        book.Hit(1, DamageState.Complete);
        book.AssignWork(1, rng, tick: 10, transformerLeadTicks: 100);
        Assert.Equal(2, book.SpareRequests());

        book.ReceiveSpares(1, tick: 11);
        Assert.Equal([false, true], book.AwaitingSpare.ToArray());
        book.ReceiveSpares(0, tick: 109);
        Assert.True(book.AwaitingSpare[1]);
        book.ReceiveSpares(0, tick: 110);
        Assert.False(book.AwaitingSpare[1]);
    }

    [Fact]
    public void Dispatchers_switch_a_hit_substation_during_the_attack_and_no_team_waits_for_its_transformer()
    {
        var book = new AssetBook([Asset("s", AssetClass.Substation330, 100)]);
        book.Hit(0, DamageState.Complete);
        book.AssignWork(0, new Random(1), 0, 1000);
        // Two hours of switching for the full complement of six teams: 12 team-hours.
        book.SetWorkLeft(0, book.WorkLeftHours[0], switchingTeamHours: 2 * RepairTable.MaxTeams(AssetClass.Substation330));
        var teams = new RepairTeams(Region("r"), 4, new FifoStrategy());
        teams.Work(book, 1, 0, 2, underAttack: true);
        Assert.Equal(6, book.ReconnectLeftHours[0]);
        Assert.Equal(0, book.TransmissionSupplyShare());   // its customers are still off, with no team on it
        var version = book.Version;
        teams.Work(book, 1, 0, 3, underAttack: true);
        Assert.Equal(0, book.ReconnectLeftHours[0]);
        Assert.True(book.Version > version, "the switched substation's customers must be seen back");
        Assert.Equal(1, book.TransmissionSupplyShare());
        // No team ever went to it: its repair waits for a transformer, and the teams stay free for other work.
        teams.Work(book, 1, -10, 12, underAttack: false);
        Assert.Equal(0, teams.Busy);
        Assert.False(RepairTeams.HasWork(book, 0));
        book.ReceiveSpares(1, 1);
        Assert.True(RepairTeams.HasWork(book, 0));
    }

    [Fact]
    public void Switching_slows_in_frost_like_repairs()
    {
        var book = new AssetBook([Asset("s", AssetClass.Substation330, 100)]);
        book.Hit(0, DamageState.Extensive);
        book.AssignWork(0, new Random(1), 0, 1000);
        book.SetWorkLeft(0, book.WorkLeftHours[0], switchingTeamHours: 12);
        // At -20 C work goes at 1 / (1 + 0.05 x 20) = half pace: an hour of six teams does 3 team-hours, not 6.
        new RepairTeams(Region("r"), 4, new FifoStrategy()).Work(book, 1, -20, 2, underAttack: true);
        Assert.Equal(9, book.ReconnectLeftHours[0], 9);
    }

    [Theory]
    // Ten equal substations loaded to 60% of their combined capacity: losing 40% of it is carried by the others after
    // switching; beyond, the share the standing capacity can carry is what stands over 0.6.
    [InlineData(4, 1.0)]
    [InlineData(5, 0.5 / 0.6)]
    [InlineData(8, 0.2 / 0.6)]
    public void Standing_substations_carry_the_switched_load_only_up_to_their_capacity(int destroyed, double carriable)
    {
        var book = new AssetBook([.. Enumerable.Range(0, 10).Select(i => Asset($"s{i}", AssetClass.Substation330, 100))]);
        for (var i = 0; i < destroyed; i++) book.Hit(i, DamageState.Complete);
        Assert.Equal(carriable, book.SubstationCarriableShare(), 12);
        Assert.Equal(0.6, RepairTable.SubstationLoading);
    }

    [Fact]
    public void Temporary_schemes_bring_back_what_no_substation_can_carry_and_give_way_to_repairs()
    {
        var supply = TemporarySupply.Create();
        const double tick = 0.25;
        for (var i = 0; i < (int)(TemporarySupply.MobiliseHours / tick); i++) Assert.Equal(0, supply.Update(0.3, tick));
        // Then what is not yet covered shrinks by exp(-0.25 / 72) per tick: after 72 hours to 1/e of it.
        for (var i = 0; i < (int)(TemporarySupply.TakeoverHours / tick); i++) supply.Update(0.3, tick);
        Assert.Equal(0.3 / Math.E, 0.3 - supply.Covered, 9);
        Assert.Equal(0.1, supply.Update(0.1, tick));   // a repair lowers what is lost: cover never exceeds it
    }

    [Fact]
    public void What_is_lost_when_the_run_starts_is_already_covered_and_only_new_losses_wait_for_mobilising()
    {
        var backup = HeatBackup.Create();
        backup.Settle(500);
        Assert.Equal(500, backup.Update(500, 0.25));
        // A fresh loss on top waits the mobilisation like any other; the standing part stays covered.
        Assert.Equal(500, backup.Update(800, 0.25));
    }

    [Fact]
    public void Heating_systems_drained_in_frost_stay_cold_for_the_refill_time()
    {
        var systems = new HeatingSystems();
        // 6 hours without heat at -20 C: drained.
        for (var h = 0; h < 6; h++) systems.Update(1000, -20, 1);
        Assert.Equal(1000, systems.Drained);
        // Heat is back at the source, but the buildings refill for 48 hours first.
        for (var h = 0; h < 47; h++) Assert.Equal(1000, systems.Update(0, -20, 1));
        Assert.Equal(0, systems.Update(0, -20, 1));
    }

    [Fact]
    public void Drained_buildings_are_refilled_each_after_the_refill_time_from_their_own_return()
    {
        var systems = new HeatingSystems();
        for (var h = 1; h <= 6; h++) systems.Update(1000, -20, 1);
        // Hour 7: heat is back for 400 (their refill ends at hour 6 + 48 = 54); hour 17: for the other 600 (ends at 64).
        for (var h = 7; h <= 16; h++) Assert.Equal(1000, systems.Update(600, -20, 1));
        for (var h = 17; h <= 53; h++) Assert.Equal(1000, systems.Update(0, -20, 1));
        // The first group is refilled; the second, whose heat came back ten hours later, is not yet (one batch for all,
        // timed from the first return, would give 0 here).
        for (var h = 54; h <= 63; h++) Assert.Equal(600, systems.Update(0, -20, 1));
        Assert.Equal(0, systems.Update(0, -20, 1));
    }

    [Fact]
    public void Above_freezing_systems_are_not_drained_and_heat_returns_at_once()
    {
        var systems = new HeatingSystems();
        for (var h = 0; h < 100; h++) systems.Update(1000, 2, 1);
        Assert.Equal(0, systems.Update(0, 2, 1));
    }

    [Fact]
    public void A_region_can_know_its_own_interception_rate_for_a_weapon()
    {
        var region = Region("r", assets: [Asset("r-330-1", AssetClass.Substation330, 100)]) with
        {
            Interception = new Dictionary<string, double> { ["sure-hit"] = 1.0 },
        };
        var salvo = new SalvoSpec("sure-hit", 20, [new Weighted<string>("r", 1)], [], null);
        var scenario = Scenario(Grid([region]), [new WaveSpec("w", Start, Start.AddHours(1), [salvo])]);
        var summary = GridSimulation.Run(new RunSetup(scenario, 3, "fifo", 0));
        Assert.Equal(20, summary.National.WeaponsIntercepted);
        Assert.Equal(0, summary.National.WeaponsHit);
    }

    [Fact]
    public void A_weapon_can_damage_an_asset_class_differently()
    {
        var weapon = new WeaponSpec("w", 0, 1, [1, 0, 0, 0], new Dictionary<AssetClass, IReadOnlyList<double>> { [AssetClass.Thermal] = [0, 0, 0, 1] });
        Assert.Equal([1.0, 0, 0, 0], weapon.DamageFor(AssetClass.Distribution));
        Assert.Equal([0.0, 0, 0, 1], weapon.DamageFor(AssetClass.Thermal));
    }

    [Fact]
    public void A_lower_import_limit_from_an_event_cuts_what_an_import_dependent_region_is_served()
    {
        var grid = Grid([Region("a", baseDemandMw: 100, importMw: 1000)], importLimitMw: 100);
        var cut = new ScenarioEvent(Start.AddHours(6), EventKind.ImportLimit, null, null, 50);
        var scenario = Scenario(grid) with { Events = [cut] };
        var sim = new GridSimulation(new RunSetup(scenario, 1, "fifo", 0));
        Assert.Equal(100, sim.Step(0)[0].ServedMw, precision: 6);
        Assert.Equal(100, sim.Step(23)[0].ServedMw, precision: 6);
        Assert.Equal(50, sim.Step(24)[0].ServedMw, precision: 6);
    }

    [Fact]
    public void Hours_of_supply_follow_from_the_share_of_customers_off()
    {
        // 40% of customers off all day: 14.4 hours of supply per day, every day.
        var regions = new[] { Region("a", baseDemandMw: 100, customers: 1000, assets: [Asset("a-gas", AssetClass.Gas, 60 / 0.9)]) };
        var s = GridSimulation.Run(new RunSetup(Scenario(Grid(regions), duration: TimeSpan.FromDays(2)), 1, "fifo", 0)).National;
        Assert.Equal(14.4, s.HoursOfSupplyPerDay, precision: 9);
        Assert.Equal(14.4, s.WorstDayHoursOfSupply, precision: 9);
    }
}
