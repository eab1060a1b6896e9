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

public class RegionTests
{
    [Fact]
    public void A_hit_on_an_already_damaged_asset_escalates_one_state()
    {
        var book = new AssetBook([Asset("s", AssetClass.Substation330, 100)]);
        Assert.Equal(DamageState.Moderate, book.Hit(0, DamageState.Moderate));
        Assert.Equal(DamageState.Extensive, book.Hit(0, DamageState.Slight));
        Assert.Equal(DamageState.Complete, book.Hit(0, DamageState.Extensive));
        Assert.Equal(DamageState.Complete, book.Hit(0, DamageState.Slight));
    }

    [Fact]
    public void A_named_asset_strike_damages_that_asset_only()
    {
        var region = Region("r", assets: [Asset("r-330-1", AssetClass.Substation330, 100), Asset("r-330-2", AssetClass.Substation330, 100)]);
        var salvo = new SalvoSpec("sure-hit", 3, [], [], "r-330-2");
        var scenario = Scenario(Grid([region]), [new WaveSpec("w", Start, Start.AddHours(1), [salvo])]);
        var model = new RegionModel(RegionSetup.For(new RunSetup(scenario, 7, "fifo", 0), StrikePlan.Build(scenario), 0));
        model.Step(0, [new StrikeOrder(0, 3)]);
        Assert.Equal(DamageState.None, model.Assets.State[0]);
        Assert.Equal(DamageState.Complete, model.Assets.State[1]);
        var tallies = model.Tallies();
        Assert.Equal(3, tallies.LaunchedByWeapon["sure-hit"]);
        Assert.Equal(3, tallies.HitByWeapon["sure-hit"]);
        Assert.Equal(1, tallies.DamagedByClass["substation_330"]);
    }

    [Fact]
    public void Teams_have_nothing_to_do_with_standing_damage_only_and_again_once_a_hit_is_repaired()
    {
        // A plant written off before the run is nobody's work; a substation hit in the run is, until it is whole.
        var book = new AssetBook([
            new AssetSpec("plant", AssetClass.Thermal, 500, 0, DamageState.Complete),
            Asset("s", AssetClass.Substation330, 100),
        ]);
        var teams = new RepairTeams(Region("r"), 6, new FifoStrategy());
        Assert.True(book.NothingToDo);
        Assert.Equal(1, book.DamagedCount());

        book.Hit(1, DamageState.Slight);
        book.SetWorkLeft(1, repairTeamHours: 6, switchingTeamHours: 0);
        Assert.False(book.NothingToDo);
        Assert.Equal(2, book.DamagedCount());
        Assert.Equal(6, RepairTeams.BacklogHours(book));

        // Six teams (the substation's most) do its six team-hours in one hour of a day shift.
        teams.Work(book, hours: 1, temperatureC: 10, localHour: 12, underAttack: false);
        Assert.Equal(DamageState.None, book.State[1]);
        Assert.Equal(0, teams.Busy);
        Assert.True(book.NothingToDo);
        Assert.Equal(0, RepairTeams.BacklogHours(book));
        Assert.Equal(1, book.DamagedCount());
    }

    [Fact]
    public void Repair_progresses_at_the_cold_slowed_rate_in_shift_and_not_during_an_attack()
    {
        var book = new AssetBook([Asset("d", AssetClass.Distribution, 10)]);
        book.Hit(0, DamageState.Moderate);
        book.SetWorkLeft(0, repairTeamHours: 10, switchingTeamHours: 0);
        var teams = new RepairTeams(Region("r"), 1, new FifoStrategy());

        teams.Work(book, hours: 1, temperatureC: -20, localHour: 12, underAttack: true);
        Assert.Equal(10, book.WorkLeftHours[0]);

        teams.Work(book, hours: 1, temperatureC: -20, localHour: 12, underAttack: false);
        Assert.Equal(10 - RepairTable.ColdEfficiency(-20), book.WorkLeftHours[0], precision: 12);

        // At night the team stays assigned but repairs wait for the morning shift.
        teams.Work(book, hours: 1, temperatureC: -20, localHour: 2, underAttack: false);
        Assert.Equal(9.5, book.WorkLeftHours[0], precision: 12);
        Assert.Equal(1, teams.Busy);
    }

    [Fact]
    public void A_repaired_asset_frees_its_team()
    {
        var book = new AssetBook([Asset("d1", AssetClass.Distribution, 10), Asset("d2", AssetClass.Distribution, 10)]);
        book.Hit(0, DamageState.Slight);
        book.Hit(1, DamageState.Slight);
        book.SetWorkLeft(0, repairTeamHours: 0.5, switchingTeamHours: 0);
        book.SetWorkLeft(1, repairTeamHours: 0.5, switchingTeamHours: 0);
        var teams = new RepairTeams(Region("r"), 1, new FifoStrategy());
        teams.Work(book, 1, 10, 12, false);
        // FIFO: the first damaged asset is done; the second waits for the only team.
        Assert.Equal([DamageState.None, DamageState.Slight], book.State.ToArray());
        Assert.Equal(0, teams.Busy);
        teams.Work(book, 1, 10, 12, false);
        Assert.Equal([DamageState.None, DamageState.None], book.State.ToArray());
    }

    [Fact]
    public void A_damaged_substation_cuts_its_share_of_customers_until_switching_is_done()
    {
        var book = new AssetBook([Asset("a", AssetClass.Substation330, 300), Asset("b", AssetClass.Substation330, 100)]);
        book.Hit(1, DamageState.Moderate);
        book.SetWorkLeft(1, book.WorkLeftHours[1], switchingTeamHours: 2);
        // b carries a quarter of the load and loses 40% of its equipment: 10% of customers cut.
        Assert.Equal(0.9, book.TransmissionSupplyShare(), precision: 12);
        Assert.True(book.Switch(1, 2));
        Assert.Equal(1, book.TransmissionSupplyShare(), precision: 12);
        // The lost capacity still lowers the region's tie-lines until the repair is done.
        Assert.Equal(1 - (0.4 * 100 / 400), book.WeightedAvailability(c => c.IsTransmission()), precision: 12);
    }

    [Fact]
    public void People_who_lose_district_heat_cool_at_their_buildings_rate()
    {
        var pools = new HeatPools([new BuildingShare(BuildingClass.Panel16, 0.5), new BuildingShare(BuildingClass.StalinBrick, 0.5)]);
        pools.Step(1000, outdoorC: -10, hours: Cooling.HoursToLoseHeat(BuildingClass.Panel16));
        Assert.Equal(1000, pools.PeopleWithoutHeat, precision: 9);
        // Panel blocks are at 12 C (below the 16 C norm); Stalin-era brick is still above it.
        Assert.Equal(500, pools.PeopleBelow16C, precision: 9);
        var brick = Cooling.Step(20, -10, Cooling.HoursToLoseHeat(BuildingClass.Panel16), BuildingClass.StalinBrick);
        Assert.Equal((12 + brick) / 2, pools.MeanIndoorC, precision: 9);
    }
}
