using SimGrid.Model.Grid;
using SimGrid.Model.Region;
using SimGrid.Model.Assets;

namespace SimGrid.Model.Repair;

/// <summary>
/// A strategy that ranks the assets a free team could work on and takes the best; ties go to the asset damaged first,
/// then to the lower asset index, so every choice is deterministic.
/// </summary>
public abstract class RankingStrategy : IRepairStrategy
{
    public int PickNext(AssetBook assets, RegionSpec region)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < assets.Count; i++)
        {
            if (!RepairTeams.HasWork(assets, i)) continue;
            var score = Score(assets, i, region);
            if (best < 0 || score > bestScore || (score == bestScore && assets.DamagedAt[i] < assets.DamagedAt[best]))
            {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>Higher is done first.</summary>
    protected abstract double Score(AssetBook assets, int i, RegionSpec region);
}
