using System.Globalization;
using System.Text;

namespace SimGrid.Scenarios;

/// <summary>
/// Synthetic grids and scenarios of any size for scale tests (`simgrid synth`): regions on a square lattice, each tied
/// to its right and lower neighbours (so the network is connected) plus a few long lines, with substations, local
/// networks, heat, plants on about one region in three, and a generated strike campaign. Written as ordinary YAML
/// files, so they validate and run like the real ones. The same seed always writes the same files.
/// </summary>
public static class SyntheticGrid
{
    public static (string Grid, string Scenario) Write(int regions, int seed)
    {
        var rng = new Random(seed);
        var side = (int)Math.Ceiling(Math.Sqrt(regions));
        string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"r{i:D5}");
        var grid = new StringBuilder();
        grid.AppendLine(CultureInfo.InvariantCulture, $"# Synthetic grid of {regions} regions on a {side}x{side} lattice, seed {seed}: for scale tests, not a real system.");
        grid.AppendLine(CultureInfo.InvariantCulture, $"name: synthetic-{regions}");
        grid.AppendLine(CultureInfo.InvariantCulture, $"import_limit_mw: {Math.Max(500, regions * 20)}");
        grid.AppendLine("cold_threshold_c: 8");
        grid.AppendLine("heat_loss_demand_factor: 0.2");
        grid.AppendLine("spare_transformers: " + Math.Max(2, regions / 50).ToString(CultureInfo.InvariantCulture));
        grid.AppendLine("weapons:");
        grid.AppendLine("  - {id: shahed, interception: 0.9, hit: 0.65, damage: [0.45, 0.35, 0.15, 0.05]}");
        grid.AppendLine("  - {id: iskander-m, interception: 0.3, hit: 0.85, damage: [0.1, 0.3, 0.35, 0.25]}");
        grid.AppendLine("  - {id: kh-101, interception: 0.6, hit: 0.85, damage: [0.15, 0.35, 0.3, 0.2]}");
        grid.AppendLine("regions:");
        string[] plants = ["nuclear", "thermal", "hydro", "gas", "solar"];
        for (var i = 0; i < regions; i++)
        {
            var population = rng.Next(200, 2000) * 1000;
            var baseMw = Math.Round(population * 0.00045);
            grid.AppendLine(CultureInfo.InvariantCulture, $"  - id: {Id(i)}");
            grid.AppendLine(CultureInfo.InvariantCulture, $"    name: Region {i}");
            grid.AppendLine(CultureInfo.InvariantCulture, $"    population: {population}");
            grid.AppendLine(CultureInfo.InvariantCulture, $"    customers: {population * 2 / 5}");
            grid.AppendLine(CultureInfo.InvariantCulture, $"    critical_sites: {population / 10000}");
            grid.AppendLine(CultureInfo.InvariantCulture, $"    base_demand_mw: {baseMw}");
            grid.AppendLine(CultureInfo.InvariantCulture, $"    cold_sensitivity_mw_per_c: {Math.Round(baseMw * 0.012, 2)}");
            grid.AppendLine(CultureInfo.InvariantCulture, $"    district_heat_share: {rng.Next(10, 70) / 100.0}");
            grid.AppendLine(CultureInfo.InvariantCulture, $"    crews: {rng.Next(4, 30)}");
            grid.AppendLine("    distribution_zones: 4");
            grid.AppendLine("    assets:");
            grid.AppendLine(CultureInfo.InvariantCulture, $"      - {{id: {Id(i)}-330-1, class: substation_330, capacity_mw: {baseMw}}}");
            grid.AppendLine(CultureInfo.InvariantCulture, $"      - {{id: {Id(i)}-330-2, class: substation_330, capacity_mw: {baseMw}}}");
            grid.AppendLine(CultureInfo.InvariantCulture, $"      - {{id: {Id(i)}-heat, class: heat_plant, capacity_mw: 50, heat_share: 0.5}}");
            if (i % 3 == 0)
            {
                grid.AppendLine(CultureInfo.InvariantCulture, $"      - {{id: {Id(i)}-plant, class: {plants[rng.Next(plants.Length)]}, capacity_mw: {Math.Round(baseMw * rng.Next(20, 45) / 10.0)}}}");
            }
        }
        grid.AppendLine("links:");
        for (var i = 0; i < regions; i++)
        {
            int row = i / side, col = i % side;
            if (col + 1 < side && i + 1 < regions) Link(grid, Id(i), Id(i + 1), rng);
            if (row + 1 < side && i + side < regions) Link(grid, Id(i), Id(i + side), rng);
        }
        for (var k = 0; k < regions / 20; k++)
        {
            int a = rng.Next(regions), b = rng.Next(regions);
            if (a != b) Link(grid, Id(a), Id(b), rng);
        }

        var targets = Enumerable.Range(0, regions).Where(i => i % 10 == 0).Select(i => $"{Id(i)}: {1 + (i % 3)}");
        var scenario = new StringBuilder();
        scenario.AppendLine(CultureInfo.InvariantCulture, $"# Synthetic scenario over {regions} regions, seed {seed}: two cold days and a generated campaign. For scale tests.");
        scenario.AppendLine(CultureInfo.InvariantCulture, $"name: synthetic {regions} regions");
        scenario.AppendLine("grid: grid.yaml");
        scenario.AppendLine("start: 2026-02-02T18:00:00+02:00");
        scenario.AppendLine("duration: 2d");
        scenario.AppendLine("tick: 15m");
        scenario.AppendLine(CultureInfo.InvariantCulture, $"seed: {seed}");
        scenario.AppendLine("weather:");
        scenario.AppendLine("  default:");
        scenario.AppendLine("    - {night_min_c: -18, day_max_c: -9}");
        scenario.AppendLine("    - {night_min_c: -20, day_max_c: -11}");
        scenario.AppendLine("campaign:");
        scenario.AppendLine("  id: synthetic");
        scenario.AppendLine("  start: 2026-02-02T20:00:00+02:00");
        scenario.AppendLine("  end: 2026-02-04T12:00:00+02:00");
        scenario.AppendLine("  waves: 3");
        scenario.AppendLine("  wave_duration: 4h");
        scenario.AppendLine("  cooldown: 6h");
        scenario.AppendLine(CultureInfo.InvariantCulture, $"  budget: {{shahed: {regions * 3}, iskander-m: {Math.Max(3, regions / 10)}, kh-101: {Math.Max(3, regions / 10)}}}");
        scenario.AppendLine(CultureInfo.InvariantCulture, $"  regions: {{{string.Join(", ", targets)}}}");
        scenario.AppendLine("  classes: {substation_330: 3, distribution: 3, heat_plant: 1}");
        return (grid.ToString(), scenario.ToString());
    }

    private static void Link(StringBuilder grid, string a, string b, Random rng) =>
        grid.AppendLine(CultureInfo.InvariantCulture, $"  - {{from: {a}, to: {b}, capacity_mw: {rng.Next(2, 12) * 100}}}");
}
