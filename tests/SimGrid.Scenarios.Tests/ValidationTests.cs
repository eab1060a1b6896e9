using SimGrid.Scenarios;

namespace SimGrid.Tests.Scenarios;

/// <summary>Each rule gives one located message; positions are 1-based line and column of the offending node.</summary>
public sealed class ValidationTests : IDisposable
{
    private const string Grid = """
        name: tiny
        import_limit_mw: 100
        cold_threshold_c: 8
        heat_loss_demand_factor: 0.2
        weapons:
          - {id: shahed, interception: 0.9, hit: 0.7, damage: [0.4, 0.3, 0.2, 0.1]}
        regions:
          - id: kharkiv
            name: Kharkiv
            population: 1000
            customers: 400
            base_demand_mw: 10
            crews: 2
            assets:
              - {id: kharkiv-330-1, class: substation_330, capacity_mw: 10}
          - id: sumy
            name: Sumy
            population: 1000
            customers: 400
            base_demand_mw: 10
            crews: 2
        links:
          - {from: kharkiv, to: sumy, capacity_mw: 5}
        """;

    private const string Scenario = """
        name: test
        grid: grid.yaml
        start: 2026-02-03T00:00:00+02:00
        duration: 1d
        tick: 15m
        weather:
          default:
            - {night_min_c: -20, day_max_c: -10}
        waves:
          - id: w1
            start: 2026-02-03T01:00:00+02:00
            end: 2026-02-03T03:00:00+02:00
            salvos:
              - weapon: shahed
                count: 10
                regions: {kharkiv: 1}
        """;

    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    private IReadOnlyList<string> Check(string scenario, string grid = Grid)
    {
        files.Write("grid.yaml", grid);
        var path = files.Write("scenario.yaml", scenario);
        var (_, problems) = ScenarioLoader.Check(path);
        return [.. problems.Select(p => p.ToString().Replace(files.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal))];
    }

    [Fact]
    public void The_valid_files_have_no_problems() => Assert.Empty(Check(Scenario));

    [Fact]
    public void A_duration_counts_every_part_or_is_refused()
    {
        // The second part is beyond the 100,000 any unit may count: not one day, and not a day plus a cut-off part.
        var problems = Check(Scenario.Replace("duration: 1d", "duration: 1d200000m", StringComparison.Ordinal));
        Assert.Equal(["scenario.yaml:4:11: duration: must be a positive duration such as 15m, 6h, 7d or 1d12h (at most 3660d)"], problems);
    }

    [Fact]
    public void A_start_whose_run_would_leave_the_calendar_is_refused_at_validation()
    {
        var problems = Check(Scenario.Replace("start: 2026-02-03T00:00:00+02:00", "start: 9999-12-30T00:00:00+00:00", StringComparison.Ordinal));
        Assert.Contains("scenario.yaml:3:8: start: must lie between the years 1900 and 2200", problems);
    }

    [Fact]
    public void An_unknown_region_is_located_with_a_suggestion()
    {
        var problems = Check(Scenario.Replace("regions: {kharkiv: 1}", "regions: {kharkov: 1}", StringComparison.Ordinal));
        Assert.Equal(["scenario.yaml:16:19: waves[0].salvos[0].regions.kharkov: unknown region 'kharkov' (did you mean kharkiv?)"], problems);
    }

    [Fact]
    public void A_misspelt_field_is_reported_with_the_known_name()
    {
        var problems = Check(Scenario.Replace("tick: 15m", "tik: 15m", StringComparison.Ordinal));
        Assert.Equal(["scenario.yaml:5:1: tik: unknown field (did you mean tick?)"], problems);
    }

    [Fact]
    public void Wrong_types_and_ranges_name_the_rule()
    {
        var problems = Check(Scenario.Replace("count: 10", "count: -3", StringComparison.Ordinal).Replace("duration: 1d", "duration: one day", StringComparison.Ordinal));
        Assert.Equal(
        [
            "scenario.yaml:4:11: duration: must be a positive duration such as 15m, 6h, 7d or 1d12h (at most 3660d)",
            "scenario.yaml:15:16: waves[0].salvos[0].count: must be between 1 and 1000000 (got -3)",
        ], problems);
    }

    [Fact]
    public void A_wave_outside_the_scenario_window_is_reported_at_the_end_that_lies_outside()
    {
        var late = Check(Scenario.Replace("end: 2026-02-03T03:00:00+02:00", "end: 2026-02-05T03:00:00+02:00", StringComparison.Ordinal));
        Assert.Equal(["scenario.yaml:12:10: waves[0].end: wave must lie inside the scenario window 2026-02-03T00:00+02:00 to 2026-02-04T00:00+02:00"], late);
        var early = Check(Scenario.Replace("start: 2026-02-03T01:00:00+02:00", "start: 2026-02-02T23:00:00+02:00", StringComparison.Ordinal));
        Assert.Equal(["scenario.yaml:11:12: waves[0].start: wave must lie inside the scenario window 2026-02-03T00:00+02:00 to 2026-02-04T00:00+02:00"], early);
    }

    [Fact]
    public void Timestamps_need_a_UTC_offset()
    {
        var problems = Check(Scenario.Replace("start: 2026-02-03T00:00:00+02:00", "start: 2026-02-03T00:00:00", StringComparison.Ordinal));
        Assert.Contains("scenario.yaml:3:8: start: must be a timestamp with a UTC offset, such as 2026-02-03T01:00:00+02:00", problems);
    }

    [Fact]
    public void Problems_in_the_grid_file_are_reported_in_the_grid_file()
    {
        var problems = Check(Scenario, Grid.Replace("{from: kharkiv, to: sumy", "{from: kharkiv, to: sumi", StringComparison.Ordinal)
            .Replace("class: substation_330", "class: substation_331", StringComparison.Ordinal));
        Assert.Equal(
        [
            "grid.yaml:15:36: regions[0].assets[0].class: unknown asset class 'substation_331' (did you mean substation_330?)",
            "grid.yaml:23:5: links[0]: unknown region 'sumi' (did you mean sumy?)",
        ], problems);
    }

    [Fact]
    public void A_missing_grid_file_is_reported_at_the_grid_field()
    {
        var problems = Check(Scenario.Replace("grid: grid.yaml", "grid: nowhere.yaml", StringComparison.Ordinal));
        Assert.Single(problems);
        Assert.Equal("scenario.yaml:2:7: grid: nowhere.yaml: file not found", problems[0]);
    }

    [Fact]
    public void A_YAML_syntax_error_is_located()
    {
        var problems = Check("name: test\nweather: [unclosed\n");
        Assert.Single(problems);
        Assert.Matches(@"^scenario\.yaml:\d+:\d+: YAML syntax error: ", problems[0]);
    }

    [Fact]
    public void Absurdly_deep_nesting_is_refused_with_a_location_not_a_crash()
    {
        var problems = Check("name: " + new string('[', 100_000));
        Assert.Equal(["scenario.yaml:1:71: nesting deeper than 64 levels; no scenario needs that"], problems);
    }

    [Fact]
    public void Duplicate_ids_are_reported()
    {
        var twice = Scenario + """

              - id: w1
                start: 2026-02-03T05:00:00+02:00
                end: 2026-02-03T06:00:00+02:00
                salvos: []
            """;
        Assert.Equal(["scenario.yaml:17:5: waves: duplicate wave id 'w1'"], Check(twice));
    }

    [Fact]
    public void Several_problems_are_all_reported_at_once()
    {
        var problems = Check(Scenario.Replace("weapon: shahed", "weapon: shaheed", StringComparison.Ordinal)
            .Replace("tick: 15m", "tick: 7m", StringComparison.Ordinal).Replace("name: test\n", "", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }
}
