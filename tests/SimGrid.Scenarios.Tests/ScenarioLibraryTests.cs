using SimGrid.Model.Scenario;
using SimGrid.Model.Simulation;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Scenarios;

/// <summary>Guard tests over every file users run: each validates and plays a few ticks (style rule 10).</summary>
public class ScenarioLibraryTests
{
    public static TheoryData<string> Files() => [.. Repo.ScenarioFiles().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_scenario_validates_and_plays_a_few_ticks(string file)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Repo.Scenarios, file));
        var sim = new GridSimulation(new RunSetup(scenario, scenario.DefaultSeed, scenario.DefaultStrategy, 0));
        for (var t = 0; t < 8; t++)
        {
            var records = sim.Step(t);
            Assert.Equal(scenario.Grid.Regions.Count, records.Length);
            foreach (var r in records)
            {
                Assert.True(r.ServedMw <= r.DemandMw + 1e-6, $"{file}: served more than demanded");
                Assert.True(r.CustomersOff >= -1e-9, $"{file}: negative outage");
            }
        }
    }

    public static TheoryData<string> AttackFiles() =>
        [.. Repo.ScenarioFiles().Where(f => ScenarioLoader.Load(f).Waves.Count > 0).Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(AttackFiles))]
    public void Every_attack_is_worse_than_the_same_scenario_without_its_waves(string file)
    {
        var attack = ScenarioLoader.Load(Path.Combine(Repo.Scenarios, file));
        var calm = attack with { Waves = [] };
        var hit = GridSimulation.Run(new RunSetup(attack, attack.DefaultSeed, "fifo", 0)).National;
        var baseline = GridSimulation.Run(new RunSetup(calm, calm.DefaultSeed, "fifo", 0)).National;
        Assert.True(hit.WeaponsHit > 0, $"{file}: no weapon hit");
        // Worse in power (damage outages) or in heat: a strike on CHPs cuts heat and generation, not local supply.
        Assert.True(hit.PeakPeopleWithoutPowerDamage > baseline.PeakPeopleWithoutPowerDamage || hit.PeakPeopleWithoutHeat > baseline.PeakPeopleWithoutHeat,
            $"{file}: neither power nor heat outages grew");
        Assert.True(hit.EnergyNotServedMwh > baseline.EnergyNotServedMwh, $"{file}: no more energy lost");
        Assert.True(hit.PersonHoursBelow16c >= baseline.PersonHoursBelow16c, $"{file}: homes warmer under attack");
    }

    [Fact]
    public void The_reference_grid_has_the_25_fixed_region_ids()
    {
        string[] expected =
        [
            "kyiv-city", "kyiv", "chernihiv", "sumy", "kharkiv", "poltava", "dnipropetrovsk", "zaporizhzhia", "donetsk", "luhansk",
            "kherson", "mykolaiv", "odesa", "kirovohrad", "cherkasy", "vinnytsia", "zhytomyr", "khmelnytskyi", "rivne", "volyn",
            "lviv", "ternopil", "ivano-frankivsk", "zakarpattia", "chernivtsi",
        ];
        var grid = GridLoader.Load(Path.Combine(Repo.Scenarios, "grids", "ukraine-2026.yaml"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), grid.Regions.Select(r => r.Id));
    }

    [Fact]
    public void The_seed_scenario_says_what_the_3_February_attack_was()
    {
        var s = ScenarioLoader.Load(Repo.SeedScenario);
        var salvos = s.Waves.SelectMany(w => w.Salvos).ToList();
        var drones = salvos.Where(x => x.Weapon is "shahed" or "decoy").Sum(x => x.Count);
        var missiles = salvos.Sum(x => x.Count) - drones;
        string[] ballistic = ["iskander-m", "kn-23", "kinzhal", "zircon"];
        Assert.Equal(450, drones);
        Assert.Equal(71, missiles);
        Assert.Equal(32, salvos.Where(x => ballistic.Contains(x.Weapon)).Sum(x => x.Count));
        Assert.Equal(TimeSpan.FromDays(7), s.Duration);
        Assert.Equal(TimeSpan.FromMinutes(15), s.Tick);
    }
}
