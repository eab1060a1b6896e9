using SimGrid.Model.Grid;
using SimGrid.Model.Region;
using SimGrid.Model.Assets;

namespace SimGrid.Model.Repair;

/// <summary>
/// <c>critical-first</c>: heat plants first (district heat, the water and sewage pumps on their feeders), then 330 kV
/// substations whose load is not yet rerouted (the critical sites behind them), then local networks, then the rest;
/// within each, the most customers first.
/// </summary>
public sealed class CriticalFirstStrategy : RankingStrategy
{
    protected override double Score(AssetBook assets, int i, RegionSpec region)
    {
        var rank = assets.Class(i) switch
        {
            AssetClass.HeatPlant => 3,
            AssetClass.Substation330 when assets.ReconnectLeftHours[i] > 0 => 2,
            AssetClass.Distribution => 1,
            _ => 0,
        };
        // Customers back never reach 1e9, so the rank always dominates.
        return (rank * 1e9) + RepairValue.CustomersBack(assets, i, region);
    }
}
