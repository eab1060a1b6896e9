using SimGrid.Model.Grid;
using SimGrid.Model.Region;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Repair;

/// <summary>
/// National side of the <c>mutual-aid</c> strategy: a region with idle teams and nothing waiting sends half of them to
/// the neighbouring region with the most waiting work; they arrive after a journey and stay. Decided in phase 3, in
/// region order, from what the regions reported, so no region ever calls another. Half, and only from two idle teams
/// up, are [E]: a region keeps cover for the next strike (DTEK moved ~1,000 workers to Kyiv oblast in 2022, a share of
/// its staff, S61; 40 rail and 20 regional brigades went to Kyiv in January 2026, S41).
/// </summary>
public sealed class MutualAid
{
    /// <summary>Hours for a team to reach a neighbouring oblast with its vehicles in winter [E].</summary>
    public const double TravelHours = 8;

    private readonly int[][] neighbours;
    private readonly int travelTicks;
    private List<(int Tick, int Region, int Teams)> underway = [];

    /// <summary>A copy of this state for a forecast branch (nothing shared that either side changes).</summary>
    public MutualAid Fork()
    {
        var copy = (MutualAid)MemberwiseClone();
        copy.underway = [.. underway];
        return copy;
    }

    public MutualAid(GridSpec grid, double tickHours)
    {
        travelTicks = (int)Math.Ceiling(TravelHours / tickHours);
        var lists = grid.Regions.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var link in grid.Links)
        {
            int a = grid.RegionIndex(link.From), b = grid.RegionIndex(link.To);
            lists[a].Add(b);
            lists[b].Add(a);
        }
        neighbours = [.. lists.Select(l => l.ToArray())];
    }

    /// <summary>Team changes per region this tick: arrivals (positive) and departures (negative).</summary>
    public void Plan(int tick, ReadOnlySpan<RegionBalance> balances, Span<int> teamChanges)
    {
        teamChanges.Clear();
        for (var k = underway.Count - 1; k >= 0; k--)
        {
            if (underway[k].Tick > tick) continue;
            teamChanges[underway[k].Region] += underway[k].Teams;
            underway.RemoveAt(k);
        }
        for (var r = 0; r < balances.Length; r++)
        {
            var idle = balances[r].IdleTeams;
            if (idle < 2 || balances[r].BacklogHours > 0) continue;
            var target = -1;
            foreach (var n in neighbours[r])
            {
                if (balances[n].BacklogHours > 0 && (target < 0 || balances[n].BacklogHours > balances[target].BacklogHours)) target = n;
            }
            if (target < 0) continue;
            var sent = idle / 2;
            teamChanges[r] -= sent;
            underway.Add((tick + travelTicks, target, sent));
        }
    }
}
