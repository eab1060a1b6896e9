using SimGrid.Model.Grid;
using SimGrid.Model.Scenario;
using SimGrid.Scenarios;

namespace SimGrid.Tests.Scenarios;

/// <summary>What a scenario can say beyond waves and weather: damage at start, sites, events, campaigns, weather series (its grid: ScenarioFeatureTests.Grid.cs).</summary>
public sealed partial class ScenarioFeatureTests : IDisposable
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
}
