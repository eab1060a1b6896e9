using SimGrid.Model.Grid;
using SimGrid.Model.Region;
using SimGrid.Model.Assets;

namespace SimGrid.Model.Repair;

/// <summary>
/// <c>largest-load-first</c>: the job that brings back the most customers per team-hour (Smith's rule, which minimises
/// weighted completion time for one team, and is the usual greedy rule for several).
/// </summary>
public sealed class LargestLoadFirstStrategy : RankingStrategy
{
    protected override double Score(AssetBook assets, int i, RegionSpec region) =>
        RepairValue.CustomersBack(assets, i, region) / Math.Max(0.25, RepairValue.NextJobHours(assets, i));
}
