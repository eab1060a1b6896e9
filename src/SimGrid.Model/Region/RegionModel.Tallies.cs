using SimGrid.Model.Grid;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Region;

/// <summary>What a region has counted so far, by kind, as live runs show it.</summary>
public sealed partial class RegionModel
{
    /// <summary>
    /// The region's counts by asset class and weapon type, for live telemetry: the same instance until an asset or a
    /// tally changes (live runs read it every tick; it allocates, so the kernel's tick loop never calls it).
    /// </summary>
    public RegionTallies Tallies()
    {
        if (tallies is not null && talliedAssets == assets.Version && talliedStrikes == strikes.TallyVersion) return tallies;
        (talliedAssets, talliedStrikes) = (assets.Version, strikes.TallyVersion);
        var damaged = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < assets.Count; i++)
        {
            if (assets.State[i] == DamageState.None) continue;
            var id = assets.Class(i).ToId();
            damaged[id] = damaged.GetValueOrDefault(id) + 1;
        }
        return tallies = new RegionTallies(damaged, Copy(strikes.LaunchedByWeapon), Copy(strikes.InterceptedByWeapon), Copy(strikes.HitByWeapon));
    }

    private RegionTallies? tallies;
    private int talliedAssets, talliedStrikes;

    private static SortedDictionary<string, long> Copy(IReadOnlyDictionary<string, long> tally) =>
        new(tally.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
}
