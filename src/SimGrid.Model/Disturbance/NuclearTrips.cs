using SimGrid.Model.Grid;
using SimGrid.Model.Region;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Disturbance;

/// <summary>
/// Nuclear units tripped by grid disturbances. A nuclear plant's output leaves through the 750 kV backbone: when a
/// 750 kV substation in its region or a neighbouring one is hit, the disturbance trips a unit (26 Aug 2024: 3 of 4
/// Rivne units, C20; 7 Feb 2026: units unloaded, one tripped, C1), which then takes one to three days to restart.
/// Unloading with lost transmission is modelled in the region (AssetBook.GenerationMw); this is the trip on top.
/// </summary>
public sealed class NuclearTrips
{
    /// <summary>Size of a unit [E]: VVER-1000, the type of most Ukrainian units (S26-S28).</summary>
    public const double UnitMw = 1000;

    /// <summary>Hours from a trip to the unit back at power [E]: one to three days (reference section 2.2, C1, C20).</summary>
    public const double RestartHours = 48;

    private readonly int[][] neighbours;
    private List<(int Region, double Mw, int UntilTick)> tripped = [];

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public NuclearTrips Fork()
    {
        var copy = (NuclearTrips)MemberwiseClone();
        copy.tripped = [.. tripped];
        return copy;
    }
    private readonly int restartTicks;

    public NuclearTrips(GridSpec grid, double tickHours)
    {
        var adjacency = grid.Regions.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var link in grid.Links)
        {
            int a = grid.RegionIndex(link.From), b = grid.RegionIndex(link.To);
            if (a < 0 || b < 0) continue;
            adjacency[a].Add(b);
            adjacency[b].Add(a);
        }
        neighbours = [.. adjacency.Select((set, r) => set.Prepend(r).ToArray())];
        restartTicks = (int)Math.Ceiling(RestartHours / tickHours);
    }

    /// <summary>Units tripped so far in the run.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Trips one unit at each plant near a backbone hit in this tick and returns the MW newly lost; units whose restart is
    /// done come back. Regions in index order, so the result does not depend on where regions ran.
    /// </summary>
    public double Update(int tick, ReadOnlySpan<RegionBalance> balances)
    {
        // Indexed, not RemoveAll with a lambda: the tick loop allocates nothing.
        for (var k = tripped.Count - 1; k >= 0; k--)
        {
            if (tripped[k].UntilTick <= tick) tripped.RemoveAt(k);
        }
        double newly = 0;
        for (var r = 0; r < balances.Length; r++)
        {
            var available = balances[r].NuclearMw - TrippedMw(r);
            if (available <= 0) continue;
            var hits = 0;
            foreach (var n in neighbours[r]) hits += balances[n].BackboneHits;
            if (hits == 0) continue;
            // One unit per plant and tick: the disturbance trips the unit whose protection sees it first.
            var mw = Math.Min(available, UnitMw);
            tripped.Add((r, mw, tick + restartTicks));
            newly += mw;
            Count += (int)Math.Ceiling(mw / UnitMw);
        }
        return newly;
    }

    /// <summary>MW of the region's nuclear output now tripped.</summary>
    public double TrippedMw(int region)
    {
        double mw = 0;
        for (var k = 0; k < tripped.Count; k++)
        {
            if (tripped[k].Region == region) mw += tripped[k].Mw;
        }
        return mw;
    }
}
