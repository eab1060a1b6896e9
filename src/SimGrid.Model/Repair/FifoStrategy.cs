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
            if (!IsWaiting(assets, i)) continue;
            if (best < 0 || assets.DamagedAt[i] < assets.DamagedAt[best]) best = i;
        }
        return best;
    }

    internal static bool IsWaiting(AssetBook assets, int i) =>
        assets.NeedsRepair(i) && !assets.Crewed[i] && !assets.Class(i).IsGenerationAsset();
}

internal static class RepairScope
{
    /// <summary>Power plants are repaired by their own staff, not by the region's grid repair teams.</summary>
    public static bool IsGenerationAsset(this Grid.AssetClass c) => Grid.AssetClasses.IsGeneration(c);
}
