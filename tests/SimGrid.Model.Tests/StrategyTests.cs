using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Region;
using SimGrid.Model.Repair;
using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using static SimGrid.Tests.Model.Builders;
using SimGrid.Model.Assets;

namespace SimGrid.Tests.Model;

public class StrategyTests
{
    // One region, 1,000 customers: a heat plant, two 330 kV substations (one cut, one already switched around),
    // and two distribution zones of different size.
    private static readonly RegionSpec Region1 = Region("r", customers: 1000, districtHeat: 0.5, assets:
    [
        Asset("heat", AssetClass.HeatPlant, 50, heatShare: 0.5),
        Asset("s1", AssetClass.Substation330, 300),
        Asset("s2", AssetClass.Substation330, 100),
        Asset("d-big", AssetClass.Distribution, 300),
        Asset("d-small", AssetClass.Distribution, 100),
    ]);

    /// <summary>Damage in asset order (so FIFO order is asset order), with chosen job lengths.</summary>
    private static AssetBook Damaged()
    {
        var book = new AssetBook(Region1.Assets);
        double[] hours = [40, 0, 30, 20, 2];
        double[] reconnect = [0, 10, 0, 0, 0];
        for (var i = 0; i < book.Count; i++)
        {
            book.Hit(i, DamageState.Extensive);
            book.SetWorkLeft(i, hours[i] == 0 ? 100 : hours[i], reconnect[i]);
        }
        return book;
    }

    [Fact]
    public void Fifo_takes_the_asset_damaged_first() => Assert.Equal(0, new FifoStrategy().PickNext(Damaged(), Region1));

    [Fact]
    public void Shortest_job_first_takes_the_quickest_job() => Assert.Equal(4, new ShortestJobFirstStrategy().PickNext(Damaged(), Region1));

    [Fact]
    public void Largest_load_first_takes_the_most_customers_per_team_hour()
    {
        // s1: dispatchers switch its customers, so its repair gives back only its size, 1e-3 * 300 * 0.7 = 0.21 in its
        // 100 h of repair; d-big: 1000 * 0.75 * 0.5 = 375 in 20 h = 18.75/h; d-small: 1000 * 0.25 * 0.5 = 125 in 2 h
        // = 62.5/h -> d-small.
        Assert.Equal(4, new LargestLoadFirstStrategy().PickNext(Damaged(), Region1));
        Assert.Equal(0.21, RepairValue.CustomersBack(Damaged(), 1, Region1), precision: 9);
        Assert.Equal(100, RepairValue.NextJobHours(Damaged(), 1));
    }

    [Fact]
    public void Critical_first_takes_heat_then_switching_then_local_networks()
    {
        var book = Damaged();
        var strategy = new CriticalFirstStrategy();
        var order = new List<string>();
        for (var k = 0; k < 4; k++)
        {
            var next = strategy.PickNext(book, Region1);
            order.Add(book.Specs[next].Id);
            Crew(book, next);
        }
        Assert.Equal(["heat", "s1", "d-big", "d-small"], order);
    }

    [Fact]
    public void Mutual_aid_sends_half_the_idle_teams_to_the_neighbour_with_most_waiting_work_after_the_journey()
    {
        var grid = Grid([Region("a"), Region("b"), Region("c")], [new LinkSpec("a", "b", 10), new LinkSpec("a", "c", 10)]);
        var aid = new MutualAid(grid, tickHours: 0.25);
        var changes = new int[3];
        aid.Plan(0, [Balance(0, 0) with { IdleTeams = 10 }, Balance(0, 0) with { BacklogHours = 5 }, Balance(0, 0) with { BacklogHours = 50 }], changes);
        Assert.Equal([-5, 0, 0], changes);
        var travelTicks = (int)(MutualAid.TravelHours / 0.25);
        aid.Plan(travelTicks - 1, [Balance(0, 0), Balance(0, 0), Balance(0, 0)], changes);
        Assert.Equal([0, 0, 0], changes);
        aid.Plan(travelTicks, [Balance(0, 0), Balance(0, 0), Balance(0, 0)], changes);
        Assert.Equal([0, 0, 5], changes);
    }

    [Fact]
    public void Every_named_strategy_plays_a_run_and_sees_the_same_strikes()
    {
        // The east has eight local-network zones (the target), its own gas plant and one team; the west has six idle
        // teams next door. (Were the east short of power, repairs would only turn damage outages into rolling ones.)
        var zones = Enumerable.Range(1, 8).Select(z => Asset($"east-d{z}", AssetClass.Distribution, 50)).ToList();
        var regions = new[]
        {
            Region("east", baseDemandMw: 300, crews: 1, assets: [.. zones, Asset("east-330", AssetClass.Substation330, 400), Asset("east-heat", AssetClass.HeatPlant, 50, 0.5), Asset("east-gas", AssetClass.Gas, 600)], districtHeat: 0.4),
            Region("west", baseDemandMw: 200, crews: 6, assets: [Asset("west-330", AssetClass.Substation330, 300), Asset("west-gas", AssetClass.Gas, 600)]),
        };
        var moderate = new WeaponSpec("moderate-hit", 0, 1, [0, 1, 0, 0]);
        var grid = Grid(regions, [new LinkSpec("east", "west", 150)]) with { Weapons = [moderate] };
        var salvo = new SalvoSpec("moderate-hit", 12, [new Weighted<string>("east", 1)], [new Weighted<AssetClass>(AssetClass.Distribution, 1)], null);
        var scenario = Scenario(grid, [new WaveSpec("w", Start.AddHours(1), Start.AddHours(2), [salvo])], temperatureC: -5, duration: TimeSpan.FromDays(3));

        var results = RepairStrategies.Names.ToDictionary(s => s, s => GridSimulation.Run(new RunSetup(scenario, 11, s, 0)).National);
        Assert.All(results.Values, r => Assert.Equal(results["fifo"].WeaponsHit, r.WeaponsHit));
        // The same assets hit, whatever the strategy. (Not the same peak of damage-caused outages: in frost the blocks whose
        // heat pumps lost power cool, and their heaters overload local networks for as long as repairs take.)
        Assert.All(results.Values, r => Assert.Equal(results["fifo"].AssetsDamaged, r.AssetsDamaged));
        // West's idle teams come over: fewer customer-hours lost than with the east's one team alone.
        Assert.True(results["mutual-aid"].CustomerHoursInterrupted < results["fifo"].CustomerHoursInterrupted);
    }
}

public class ScheduleStrategyTests
{
    [Fact]
    public void With_one_team_the_solved_schedule_is_Smiths_rule_order()
    {
        // One team: minimising weighted completion time is ordering by weight per hour, largest first (Smith, 1956).
        var region = Region("r", customers: 1000, crews: 1, assets:
        [
            Asset("d1", AssetClass.Distribution, 100), Asset("d2", AssetClass.Distribution, 200),
            Asset("d3", AssetClass.Distribution, 300), Asset("d4", AssetClass.Distribution, 400),
        ]);
        var book = new AssetBook(region.Assets);
        double[] hours = [2, 10, 3, 40];
        for (var i = 0; i < book.Count; i++)
        {
            book.Hit(i, DamageState.Extensive);
            book.SetWorkLeft(i, hours[i], switchingTeamHours: 0);
        }
        var smith = Enumerable.Range(0, book.Count)
            .OrderByDescending(i => RepairValue.CustomersBack(book, i, region) / hours[i]).Select(i => book.Specs[i].Id).ToList();

        var strategy = new ScheduleStrategy();
        var order = new List<string>();
        for (var k = 0; k < book.Count; k++)
        {
            var next = strategy.PickNext(book, region);
            order.Add(book.Specs[next].Id);
            Crew(book, next);
        }
        Assert.Equal(smith, order);
    }

    [Fact]
    public void The_optimising_strategy_gives_the_same_run_every_time()
    {
        var regions = new[]
        {
            Region("east", baseDemandMw: 300, crews: 3, assets: [.. Enumerable.Range(1, 6).Select(z => Asset($"e-d{z}", AssetClass.Distribution, 50)),
                Asset("e-gas", AssetClass.Gas, 600)]),
        };
        var grid = Grid(regions) with { Weapons = [new WeaponSpec("w", 0, 1, [0, 0.5, 0.5, 0])] };
        var salvo = new SalvoSpec("w", 8, [new Weighted<string>("east", 1)], [new Weighted<AssetClass>(AssetClass.Distribution, 1)], null);
        var scenario = Scenario(grid, [new WaveSpec("w", Start.AddHours(1), Start.AddHours(2), [salvo])], temperatureC: -5, duration: TimeSpan.FromDays(2));
        var a = GridSimulation.Run(new RunSetup(scenario, 3, "optimal-schedule", 0));
        var b = GridSimulation.Run(new RunSetup(scenario, 3, "optimal-schedule", 0));
        Assert.Equal(a.National, b.National);
        Assert.True(a.National.PeakPeopleWithoutPowerDamage > 0);
    }

    [Fact]
    public void Arriving_crews_saturate_instead_of_wrapping_around()
    {
        var teams = new RepairTeams(Region("r"), 2, RepairStrategies.Create("fifo"));
        teams.AddTeams(int.MaxValue);
        teams.AddTeams(int.MaxValue);
        Assert.Equal(RepairTeams.TeamLimit, teams.Teams);
        teams.AddTeams(-5);
        Assert.Equal(RepairTeams.TeamLimit - 5, teams.Teams);
    }
}
