namespace SimGrid.Model.Dispatch;

/// <summary>
/// Bounds on the next fairness level, taken from the minimum cuts of infeasible probes. The regions behind a minimum
/// cut often fall into several islands (linked among themselves, not to the rest of the cut's side), and each island is
/// a cut of its own: its regions cannot all get more than (what can flow into it - what it must serve already) divided
/// by its variable demand. Kept for the whole fill, the islands let most rounds start at the right level, where a
/// single bound over the whole cut (an average of the islands') needs several probes to come down to it.
/// The islands that set a level are kept for the next tick too, their inflow taken again at its capacities: from one
/// quarter hour to the next the same bottlenecks usually bind. Any set of regions is a valid cut, so an island that no
/// longer binds costs a bound, never a wrong level. Allocates nothing once its lists have grown to the grid's needs.
/// </summary>
/// <param name="active">Per region, whether its target still grows with the fraction (the dispatcher's array).</param>
internal sealed partial class CutIslands(int nodes, bool[] active, double[] baseMw, double[] variableMw, double[] target)
{
    private struct Island
    {
        public int Start, Count, CrossStart, CrossCount;
        public double InflowMw, Bound;
        public bool Dead, Used, Fresh;
        // What Compute keeps between calls within a fill: the members still active when it last ran (in `live`, at
        // Start), and the targets of those frozen since, summed as they were found frozen (Stale: not built this fill).
        public int LiveCount;
        public double FrozenMw;
        public bool Stale;
    }

    private readonly int[] parent = new int[nodes];
    private readonly int[] islandOf = new int[nodes];
    private readonly int[] crossCount = new int[nodes];
    private readonly int[] cursor = new int[nodes];
    private readonly int[] size = new int[nodes];
    private readonly int[] rootOf = new int[nodes];
    private readonly List<int> members = [];
    // Each island's members still active as of its last bound, at the island's own Start (as long as `members`).
    private readonly List<int> live = [];
    private readonly List<int> crossing = [];     // each island's entering edges, in edge order
    private readonly List<Island> islands = [];
    // Scratch for AddFromCut: the edges entering the sink side from the source side.
    private readonly List<int> entering = [];

    public int Count => islands.Count;

    /// <summary>
    /// Island <paramref name="i"/>'s bound as last worked out: exact once <see cref="Lowest"/> or <see cref="SettleUpTo"/>
    /// has worked it out since regions were last frozen, a lower bound on it otherwise.
    /// </summary>
    public double Bound(int i) => islands[i].Bound;

    /// <summary>The regions of island <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> Regions(int i) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(members).Slice(islands[i].Start, islands[i].Count);

    /// <summary>
    /// Takes over <paramref name="other"/>'s islands (a fork of its dispatcher): the same bottlenecks known, so the next
    /// ticks find their levels through the same cuts, to the bit. A level found through another, equally exact cut can
    /// differ in the last digits.
    /// </summary>
    public void CopyFrom(CutIslands other)
    {
        members.Clear();
        members.AddRange(other.members);
        live.Clear();
        live.AddRange(other.live);
        crossing.Clear();
        crossing.AddRange(other.crossing);
        islands.Clear();
        islands.AddRange(other.islands);
    }

    /// <summary>Island <paramref name="i"/> set a level: keep it for the next tick.</summary>
    public void MarkUsed(int i) => islands[i] = islands[i] with { Used = true };

    /// <summary>Undoes this tick's <see cref="MarkUsed"/> calls (a fill that was only tried: see the dispatcher's kept flow).</summary>
    public void ForgetUse()
    {
        for (var i = 0; i < islands.Count; i++) islands[i] = islands[i] with { Used = false };
    }

    /// <summary>A new tick: keeps the islands that set a level in the last one, with their inflow at the new capacities.</summary>
    public void BeginTick(FlowNetwork network)
    {
        int kept = 0, memberEnd = 0, crossEnd = 0;
        for (var i = 0; i < islands.Count; i++)
        {
            var island = islands[i];
            if (!island.Used) continue;
            // Ranges only ever move left, in order, so copying in place is safe.
            for (var k = 0; k < island.Count; k++) members[memberEnd + k] = members[island.Start + k];
            for (var k = 0; k < island.CrossCount; k++) crossing[crossEnd + k] = crossing[island.CrossStart + k];
            (island.Start, island.CrossStart) = (memberEnd, crossEnd);
            memberEnd += island.Count;
            crossEnd += island.CrossCount;
            island.InflowMw = Inflow(network, island);
            (island.Used, island.Dead, island.Fresh, island.Bound, island.Stale) = (false, false, false, double.NegativeInfinity, true);
            islands[kept++] = island;
        }
        islands.RemoveRange(kept, islands.Count - kept);
        members.RemoveRange(memberEnd, members.Count - memberEnd);
        live.RemoveRange(memberEnd, live.Count - memberEnd);
        crossing.RemoveRange(crossEnd, crossing.Count - crossEnd);
    }

    /// <summary>A new fill (critical demand, then the rest): every island may bound again.</summary>
    public void BeginFill()
    {
        // Bases and variable demands are new: no bound known yet (minus infinity is a lower bound on any).
        for (var i = 0; i < islands.Count; i++) islands[i] = islands[i] with { Dead = false, Fresh = false, Bound = double.NegativeInfinity, Stale = true };
    }

    /// <summary>What can flow into an island: its entering edges' capacities, summed in edge order.</summary>
    private double Inflow(FlowNetwork network, Island island)
    {
        double sum = 0;
        for (var k = island.CrossStart; k < island.CrossStart + island.CrossCount; k++) sum += network.Capacity(crossing[k]);
        return sum;
    }
}
