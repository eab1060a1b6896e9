using SimGrid.Model.Grid;
using SimGrid.Model.Region;
using SimGrid.Model.Assets;

namespace SimGrid.Model.Repair;

/// <summary><c>shortest-job-first</c>: the quickest next job, whatever it brings back (clears the most jobs soonest).</summary>
public sealed class ShortestJobFirstStrategy : RankingStrategy
{
    protected override double Score(AssetBook assets, int i, RegionSpec region) => -RepairValue.NextJobHours(assets, i);
}
