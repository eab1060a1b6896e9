using SimGrid.Model.Grid;
using SimGrid.Model.Scenario;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Scenarios;

/// <summary>What a scenario can say beyond waves and weather: overrides, damage at start, events, campaigns, weather series.</summary>
public sealed class ScenarioFeatureTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    private (ScenarioSpec? Scenario, IReadOnlyList<string> Problems) Load(string extra, string? weatherCsv = null)
    {
        files.Write("grid.yaml", File.ReadAllText(Path.Combine(Repo.Scenarios, "grids", "ukraine-2026.yaml")));
        if (weatherCsv is not null) files.Write("weather.csv", weatherCsv);
        var scenario = """
            name: test
            grid: grid.yaml
            start: 2026-02-03T00:00:00+02:00
            duration: 2d
            weather:
              default:
                - {night_min_c: -20, day_max_c: -10}

            """ + extra;
        var path = files.Write("scenario.yaml", scenario);
        var (spec, problems) = ScenarioLoader.Check(path);
        return (spec, [.. problems.Select(p => p.ToString().Replace(files.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal))]);
    }

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
    public void Damage_at_start_is_fresh_damage_that_crews_repair()
    {
        var (s, problems) = Load("damage_at_start: {kyiv-chp-5: extensive, kharkiv-330-1: moderate}\n");
        Assert.Empty(problems);
        var chp = s!.Grid.Regions.SelectMany(r => r.Assets).Single(a => a.Id == "kyiv-chp-5");
        Assert.Equal(DamageState.Extensive, chp.InitialDamage);
        Assert.True(chp.RepairInitialDamage);

        var (_, bad) = Load("damage_at_start: {kyiv-chp-7: wrecked}\n");
        Assert.Equal(
        [
            "scenario.yaml:8:19: damage_at_start.kyiv-chp-7: unknown asset 'kyiv-chp-7' (did you mean kyiv-chp-4?)",
            "scenario.yaml:8:31: damage_at_start.kyiv-chp-7: must be one of none, slight, moderate, extensive, complete",
        ], bad);
    }

    [Fact]
    public void An_asset_written_as_several_sites_becomes_that_many_equal_assets_each_damaged_on_its_own()
    {
        // The grid writes Kyiv's district boiler houses as one line: 300 MW, a quarter of the district heat, ten sites.
        var (intact, problems) = Load("");
        Assert.Empty(problems);
        var kyiv = intact!.Grid.Regions.Single(r => r.Id == "kyiv-city");
        var sites = kyiv.Assets.Where(a => a.Id.StartsWith("kyiv-boilers", StringComparison.Ordinal)).ToList();
        Assert.Equal([.. Enumerable.Range(1, 10).Select(k => $"kyiv-boilers-{k:00}")], sites.Select(a => a.Id));
        Assert.All(sites, a =>
        {
            Assert.Equal(AssetClass.HeatPlant, a.Class);
            Assert.Equal(30, a.CapacityMw, 9);
            Assert.Equal(0.025, a.HeatShare, 12);
        });

        // One site destroyed costs its own tenth of the boilers' heat, not all of it.
        var (hit, _) = Load("damage_at_start: {kyiv-boilers-03: complete}\n");
        double HeatAvailability(ScenarioSpec spec) =>
            new SimGrid.Model.Assets.AssetBook(spec.Grid.Regions.Single(r => r.Id == "kyiv-city").Assets).HeatAvailability();
        Assert.Equal(0.025, HeatAvailability(intact) - HeatAvailability(hit!), 12);

        var (_, bad) = Load("damage_at_start: {kyiv-boilers: complete}\n");
        Assert.Equal(["scenario.yaml:8:19: damage_at_start.kyiv-boilers: unknown asset 'kyiv-boilers' (did you mean kyiv-boilers-01?)"], bad);
    }

    [Fact]
    public void Timed_events_of_every_kind_are_read_and_checked()
    {
        var (s, problems) = Load("""
            events:
              - {at: 2026-02-03T12:00:00+02:00, type: crews_arrive, region: kharkiv, crews: 20}
              - {at: 2026-02-03T12:00:00+02:00, type: spares_delivered, count: 2}
              - {at: 2026-02-04T00:00:00+02:00, type: import_limit, mw: 1700}
              - {at: 2026-02-04T06:00:00+02:00, type: asset_returns, asset: burshtyn-tpp}
            """);
        Assert.Empty(problems);
        Assert.Equal([EventKind.CrewsArrive, EventKind.SparesDelivered, EventKind.ImportLimit, EventKind.AssetReturns], s!.TimedEvents.Select(e => e.Kind));
        Assert.Equal(48, s.TickAt(s.TimedEvents[0].At));

        var (_, bad) = Load("""
            events:
              - {at: 2026-02-09T12:00:00+02:00, type: crews_arive, region: kharkiv}
              - {at: 2026-02-03T12:00:00+02:00, type: crews_arrive, region: kharkiv}
            """);
        Assert.Equal(
        [
            "scenario.yaml:9:10: events[0].at: must lie inside the scenario window",
            "scenario.yaml:9:43: events[0].type: unknown event type 'crews_arive' (did you mean crews_arrive?)",
            "scenario.yaml:10:5: events[1].crews: is required",
        ], bad);
    }

    [Fact]
    public void A_campaign_spends_its_whole_budget_in_waves_with_the_cooldown_between_them()
    {
        const string campaign = """
            campaign:
              id: c
              start: 2026-02-03T00:00:00+02:00
              end: 2026-02-05T00:00:00+02:00
              waves: 4
              wave_duration: 4h
              cooldown: 6h
              seed: 9
              budget: {shahed: 301, iskander-m: 17}
              regions: {kharkiv: 1, odesa: 1}
            """;
        var (s, problems) = Load(campaign);
        Assert.Empty(problems);
        var waves = s!.Waves;
        Assert.Equal(["c-1", "c-2", "c-3", "c-4"], waves.Select(w => w.Id));
        Assert.Equal(301, waves.SelectMany(w => w.Salvos).Where(x => x.Weapon == "shahed").Sum(x => x.Count));
        Assert.Equal(17, waves.SelectMany(w => w.Salvos).Where(x => x.Weapon == "iskander-m").Sum(x => x.Count));
        Assert.All(waves, w => Assert.Equal(TimeSpan.FromHours(4), w.End - w.Start));
        for (var i = 1; i < waves.Count; i++) Assert.True(waves[i].Start - waves[i - 1].End >= TimeSpan.FromHours(6));
        Assert.True(waves[0].Start >= s.Start && waves[^1].End <= s.Start + TimeSpan.FromDays(2));
        // The campaign's own seed fixes its waves.
        Assert.Equal(waves.Select(w => w.Start), Load(campaign).Scenario!.Waves.Select(w => w.Start));

        var (_, tooMany) = Load(campaign.Replace("waves: 4", "waves: 6", StringComparison.Ordinal));
        Assert.Equal(["scenario.yaml:9:3: campaign: 6 waves of 04:00:00 with 06:00:00 between them do not fit between start and end"], tooMany);
    }

    [Fact]
    public void A_weather_series_sets_temperatures_and_its_problems_are_located_in_the_csv()
    {
        const string csv = """
            # a comment line
            time,region,temperature_c
            2026-02-03T00:00:00+02:00,default,-20
            2026-02-03T02:00:00+02:00,default,-10
            2026-02-03T00:00:00+02:00,kharkiv,-30
            """;
        var (s, problems) = Load("", csv);
        Assert.Empty(problems);
        Assert.Null(s!.Weather.SeriesFor("kharkiv"));

        files.Write("weather.csv", csv);
        var path = files.Write("series.yaml", """
            name: test
            grid: grid.yaml
            start: 2026-02-03T00:00:00+02:00
            duration: 1d
            weather:
              series: weather.csv
            """);
        var (withSeries, none) = ScenarioLoader.Check(path);
        Assert.Empty(none);
        Assert.Equal(-15, withSeries!.Weather.SeriesFor("odesa")!.At(withSeries.Start.AddHours(1)), precision: 9);
        Assert.Equal(-30, withSeries.Weather.SeriesFor("kharkiv")!.At(withSeries.Start), precision: 9);

        files.Write("weather.csv", csv.Replace("kharkiv,-30", "kharkov,minus thirty", StringComparison.Ordinal));
        var (_, bad) = ScenarioLoader.Check(path);
        Assert.Equal(
        [
            "weather.csv:5:27: region: unknown region 'kharkov' (did you mean kharkiv?)",
            "weather.csv:5:35: temperature_c: must be a number between -60 and 50 (got 'minus thirty')",
        ], bad.Select(p => p.ToString().Replace(files.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)));
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
