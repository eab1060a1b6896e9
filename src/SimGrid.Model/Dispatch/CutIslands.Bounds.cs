namespace SimGrid.Model.Dispatch;

/// <summary>The islands' bounds, worked out again only when one could be the level sought.</summary>
internal sealed partial class CutIslands
{
    /// <summary>
    /// The lowest bound (clamped at 0) below <paramref name="uniform"/> and its island, the first in order on a tie, or
    /// uniform and -1: what working out every island's bound afresh and comparing them in order would give.
    /// Regions may have been frozen since the last call, so every bound may have changed; they are worked out again only
    /// when needed. Freezing regions at a level at or under an island's bound can only raise that bound (taking a
    /// region's share out at the level leaves the rest at least as much per megawatt), so the bounds known so far are
    /// lower bounds, and an island whose old bound is above the best found cannot be the lowest. On a 10,000-region grid
    /// this spares working out some 300,000 island memberships each round, most of them for islands far above the level.
    /// </summary>
    public (double Bound, int Island) Lowest(double uniform)
    {
        for (var i = 0; i < islands.Count; i++)
        {
            if (!islands[i].Dead) islands[i] = islands[i] with { Fresh = false };
        }
        var (best, from) = (uniform, -1);
        while (true)
        {
            // The first island not worked out since the last freeze that could be at or under the best so far. The best
            // only comes down, so islands are worked out in increasing order and the first of equal bounds is kept.
            var next = -1;
            for (var i = 0; i < islands.Count && next < 0; i++)
            {
                if (!islands[i].Fresh && !islands[i].Dead && Math.Max(0, islands[i].Bound) <= best + Slack) next = i;
            }
            if (next < 0) return (best, from);
            var bound = Math.Max(0, Settle(next));
            if (bound < best) (best, from) = (bound, next);
        }
    }

    /// <summary>Works out afresh every bound that might be at or under <paramref name="upTo"/>, before any of those islands is frozen.</summary>
    public void SettleUpTo(double upTo)
    {
        for (var i = 0; i < islands.Count; i++)
        {
            if (!islands[i].Fresh && !islands[i].Dead && Math.Max(0, islands[i].Bound) <= upTo + Slack) Settle(i);
        }
    }

    // Rounding: a region frozen at a level equal to an island's bound can leave that bound an ulp lower when worked out again.
    private const double Slack = 1e-9;

    private double Settle(int i)
    {
        var island = islands[i];
        island.Bound = Compute(ref island);
        island.Dead = double.IsPositiveInfinity(island.Bound);
        island.Fresh = true;
        islands[i] = island;
        return island.Bound;
    }

    /// <summary>
    /// An island's bound on the common fraction of its active regions; +infinity once none is active. Only the members
    /// still active when it last ran are read again (regions only freeze within a fill, and a frozen target stays): late
    /// in a fill on a large grid a handful of regions are active in islands of thousands, whose bounds were worked out
    /// member by member every round. The frozen targets are summed as they are found frozen, so a bound can differ from
    /// one summed in member order in its last bits, as any order of a sum can; the levels are those bounds, and equally exact.
    /// </summary>
    private double Compute(ref Island island)
    {
        var from = island.Start;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(live);
        var n = 0;
        if (island.Stale)
        {
            (island.FrozenMw, island.Stale) = (0, false);
            for (var k = from; k < from + island.Count; k++)
            {
                var r = members[k];
                if (active[r]) span[from + n++] = r;
                else island.FrozenMw += target[r];
            }
        }
        else
        {
            for (var k = from; k < from + island.LiveCount; k++)
            {
                var r = span[k];
                if (active[r]) span[from + n++] = r;
                else island.FrozenMw += target[r];
            }
        }
        island.LiveCount = n;
        double fixedMw = island.FrozenMw, variable = 0;
        for (var k = from; k < from + n; k++)
        {
            var r = span[k];
            fixedMw += baseMw[r];
            variable += variableMw[r];
        }
        return variable > 0 ? (island.InflowMw - fixedMw) / variable : double.PositiveInfinity;
    }
}
