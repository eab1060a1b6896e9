using SimGrid.Model.Grid;
using SimGrid.Model.Region;
using SimGrid.Model.Assets;

namespace SimGrid.Model.Repair;

/// <summary><c>fifo</c>: repairs in the order assets were damaged.</summary>
public sealed class FifoStrategy : RankingStrategy
{
    protected override double Score(AssetBook assets, int i, RegionSpec region) => -assets.DamagedAt[i];
}
