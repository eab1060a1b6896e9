using SimGrid.Model.Region;

namespace SimGrid.Model.Repair;

/// <summary>Repairs in the order assets were damaged; ties (none in practice) go to the lower asset index.</summary>
public sealed class FifoStrategy : IRepairStrategy
{
    public int PickNext(AssetBook assets)
    {
        var best = -1;
        for (var i = 0; i < assets.Count; i++)
        {
            if (!RepairTeams.HasWork(assets, i)) continue;
            if (best < 0 || assets.DamagedAt[i] < assets.DamagedAt[best]) best = i;
        }
        return best;
    }
}
