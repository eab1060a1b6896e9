using SimGrid.Model.Grid;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Scenarios;

/// <summary>What a scenario changes in its grid: overrides, a night's own interception, grid rules and grid states.</summary>
public sealed partial class ScenarioFeatureTests
{
    [Fact]
    public void Overrides_change_the_grid_for_this_scenario_only()
    {
        var (s, problems) = Load("""
            overrides:
              import_limit_mw: 1700
              spare_transformers: 1
              weapons:
                shahed: {interception: 0.8}
              regions:
                kharkiv: {crews: 90, interception: {iskander-m: 0.5}}
            """);
        Assert.Empty(problems);
        Assert.Equal(1700, s!.Grid.ImportLimitMw);
        Assert.Equal(1, s.Grid.SpareTransformers);
        Assert.Equal(0.8, s.Grid.Weapon("shahed")!.Interception);
        var kharkiv = s.Grid.Regions.Single(r => r.Id == "kharkiv");
        Assert.Equal(90, kharkiv.Crews);
        Assert.Equal(0.5, kharkiv.InterceptionOf(s.Grid.Weapon("iskander-m")!));
    }

    [Fact]
    public void A_nights_own_interception_replaces_the_regions_typical_figures_for_that_weapon()
    {
        // The grid gives Kyiv city figures of its own for ballistic missiles (Iskander-M 0.4, Kinzhal 0.35) and an
        // air-defence factor for the rest. A night that reports its Iskander tally plays it in Kyiv too, times Kyiv's
        // factor; the Kinzhal, not overridden, keeps Kyiv's figure; and a region's figure for the night set under
        // `overrides.regions` still wins.
        var (s, problems) = Load("""
            overrides:
              weapons:
                iskander-m: {interception: 0.2}
              regions:
                kharkiv: {interception: {iskander-m: 0.5}}
            """);
        Assert.Empty(problems);
        var (iskander, kinzhal) = (s!.Grid.Weapon("iskander-m")!, s.Grid.Weapon("kinzhal")!);
        var kyiv = s.Grid.Regions.Single(r => r.Id == "kyiv-city");
        Assert.NotEqual(1, kyiv.InterceptionFactor);
        Assert.Equal(0.2 * kyiv.InterceptionFactor, kyiv.InterceptionOf(iskander), 12);
        Assert.Equal(0.35, kyiv.InterceptionOf(kinzhal));
        Assert.Equal(0.5, s.Grid.Regions.Single(r => r.Id == "kharkiv").InterceptionOf(iskander));
    }

    [Fact]
    public void Overrides_of_unknown_things_are_located()
    {
        var (_, problems) = Load("""
            overrides:
              regions:
                kharkov: {crews: 90}
                sumy: {crew: 5}
            """);
        Assert.Equal(
        [
            "scenario.yaml:10:5: overrides.regions.kharkov: unknown region 'kharkov' (did you mean kharkiv?)",
            "scenario.yaml:11:12: overrides.regions.sumy.crew: unknown field (did you mean crews?)",
        ], problems);
    }

    [Fact]
    public void Grid_rules_for_weapons_and_generation_are_checked()
    {
        var grid = File.ReadAllText(Path.Combine(Repo.Scenarios, "grids", "ukraine-2026.yaml"))
            .Replace("interception: {iskander-m: 0.4,", "interception: {iskander-x: 0.4,", StringComparison.Ordinal)
            .Replace("capacity_factors: {nuclear:", "capacity_factors: {substation_330:", StringComparison.Ordinal);
        var path = files.Write("g.yaml", grid);
        var d = new SimGrid.Scenarios.Yaml.Diagnostics(path);
        GridLoader.Read(path, d);
        var messages = d.All.Select(p => p.Message).ToList();
        Assert.True(messages.Count == 2, string.Join("\n", messages));
        Assert.Contains("capacity_factors.substation_330: not a generation class", messages);
        Assert.Contains(messages, m => m.StartsWith("regions[", StringComparison.Ordinal) && m.EndsWith(".interception.iskander-x: unknown weapon 'iskander-x' (did you mean iskander-k?)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_grid_state_sets_the_grid_as_it_was_before_the_scenarios_own_overrides()
    {
        files.Write("state.yaml", """
            name: before the 2024 strikes
            overrides:
              import_limit_mw: 1200
              demand_factor: 1.1
              assets:
                zmiiv-tpp: {damage: none}
                burshtyn-tpp: {damage: moderate, capacity_mw: 2000}
            """);
        var (s, problems) = Load("""
            grid_state: state.yaml
            overrides:
              import_limit_mw: 1500
            """);
        Assert.Empty(problems);
        var grid = GridLoader.Load(Path.Combine(Repo.Scenarios, "grids", "ukraine-2026.yaml"));
        Assert.Equal(1500, s!.Grid.ImportLimitMw);   // the scenario's own override wins
        var assets = s.Grid.Regions.SelectMany(r => r.Assets).ToDictionary(a => a.Id);
        Assert.Equal(DamageState.None, assets["zmiiv-tpp"].InitialDamage);
        Assert.Equal((DamageState.Moderate, 2000.0, false), (assets["burshtyn-tpp"].InitialDamage, assets["burshtyn-tpp"].CapacityMw, assets["burshtyn-tpp"].RepairInitialDamage));
        var kharkiv = (Before: grid.Regions.Single(r => r.Id == "kharkiv"), After: s.Grid.Regions.Single(r => r.Id == "kharkiv"));
        Assert.Equal(kharkiv.Before.BaseDemandMw * 1.1, kharkiv.After.BaseDemandMw, 9);
        Assert.Equal(kharkiv.Before.ColdSensitivityMwPerC * 1.1, kharkiv.After.ColdSensitivityMwPerC, 9);
    }

    [Fact]
    public void A_grid_states_problems_are_located_in_its_own_file()
    {
        files.Write("state.yaml", """
            name: bad
            overrides:
              assets:
                zmiv-tpp: {damage: none}
                burshtyn-tpp: {damage: ruined}
            """);
        var (_, problems) = Load("grid_state: state.yaml\n");
        Assert.Equal(
        [
            "state.yaml:4:5: overrides.assets.zmiv-tpp: unknown asset 'zmiv-tpp' (did you mean zmiiv-tpp?)",
            "state.yaml:5:28: overrides.assets.burshtyn-tpp.damage: must be one of none, slight, moderate, extensive, complete",
        ], problems);
        Assert.Equal(["scenario.yaml:8:13: grid_state: missing.yaml: file not found"], Load("grid_state: missing.yaml\n").Problems);
    }
}
