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
}
