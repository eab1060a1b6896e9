using SimGrid.Model.Grid;
using SimGrid.Model.Region;
using SimGrid.Model.Assets;

namespace SimGrid.Model.Repair;

/// <summary>Picks what a free repair team does next.</summary>
public interface IRepairStrategy
{
    /// <returns>The index of the asset to work on, or -1 when nothing is waiting.</returns>
    int PickNext(AssetBook assets, RegionSpec region);

    /// <summary>A copy for a forecast branch: a strategy that keeps no state between picks is its own copy.</summary>
    IRepairStrategy Fork() => this;
}
