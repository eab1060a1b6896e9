using SimGrid.Model.Grid;
using SimGrid.Model.Physics;
using SimGrid.Model.Region;
using SimGrid.Model.Scenario;
using SimGrid.Model.Assets;
using SimGrid.Model.Protocol;

namespace SimGrid.Tests.Model;

/// <summary>Small grids and scenarios for kernel tests; every default is stated here so tests can derive expectations.</summary>
internal static class Builders
{
    public static readonly DateTimeOffset Start = new(2026, 2, 3, 0, 0, 0, TimeSpan.FromHours(2));

    public static readonly WeaponSpec SureHit = new("sure-hit", Interception: 0, Hit: 1, Damage: [0, 0, 0, 1]);

    public static RegionSpec Region(string id, double baseDemandMw = 100, int customers = 1000, int crews = 2,
        IReadOnlyList<AssetSpec>? assets = null, double importMw = 0, double districtHeat = 0) =>
        new(id, id, Population: customers * 2, Customers: customers, CriticalSites: 10, BaseDemandMw: baseDemandMw,
            ColdSensitivityMwPerC: 0, CriticalLoadShare: 0, DistrictHeatShare: districtHeat,
            Buildings: [new BuildingShare(BuildingClass.Panel9, 1)], Assets: assets ?? [], Crews: crews,
            ImportCapacityMw: importMw, InterceptionFactor: 1);

    public static AssetSpec Asset(string id, AssetClass c, double mw, double heatShare = 0) => new(id, c, mw, heatShare, DamageState.None);

    public static GridSpec Grid(IReadOnlyList<RegionSpec> regions, IReadOnlyList<LinkSpec>? links = null, double importLimitMw = 0) =>
        new("test", [.. regions.OrderBy(r => r.Id, StringComparer.Ordinal)], links ?? [], [SureHit], importLimitMw,
            Enumerable.Repeat(1.0, 24).ToArray(), ColdThresholdC: 8, HeatLossDemandFactor: 0);

    public static ScenarioSpec Scenario(GridSpec grid, IReadOnlyList<WaveSpec>? waves = null, double temperatureC = 0, TimeSpan? duration = null) =>
        new("test", grid, Start, duration ?? TimeSpan.FromDays(1), TimeSpan.FromMinutes(15), 1, "fifo",
            new WeatherSpec([new DailyTemperature(temperatureC, temperatureC)], new Dictionary<string, IReadOnlyList<DailyTemperature>>()),
            waves ?? []);

    public static RegionBalance Balance(double demand, double generation, double critical = 0, double import = 0, double transmission = 1) =>
        new(demand, critical, generation, transmission, import);

    /// <summary>Sends the full complement of teams to asset <paramref name="i"/>, so a strategy picks something else next.</summary>
    public static void Crew(AssetBook book, int i)
    {
        while (book.Teams[i] < RepairTable.MaxTeams(book.Class(i))) book.AssignTeam(i);
    }
}
