using SimGrid.Model.Grid;
using SimGrid.Model.Region;
using SimGrid.Model.Protocol;

namespace SimGrid.Model.Dispatch;

/// <summary>
/// Phase 3, national dispatch: serve as much demand as generation, EU imports and tie-lines allow, and share the
/// shortfall max-min fairly (every region gets the same served fraction unless the network stops it).
/// Critical demand is dispatched first, then the rest.
///
/// Network: source -> region (available generation), source -> EU hub (national import limit) -> region
/// (its interconnectors), region <-> neighbour (tie-line capacity times the lower transmission availability
/// of the two ends), region -> sink (the demand being tested). Progressive filling: find the largest common
/// fraction f that the network can serve, freeze the regions behind the cut that limits it, repeat with the rest.
/// f is found exactly from cuts (Dinkelbach's method): a max-flow at too high an f gives a minimum cut, whose islands
/// (<see cref="CutIslands"/>) each bound f; the lowest bound is tried next, and the first feasible bound is the answer.
/// Islands are kept from round to round, so on a large grid most rounds take one max-flow. Every max-flow starts from the last feasible flow of the tick rather than from zero: targets
/// only grow while filling (fractions rise round by round, and every probe is at or above the next level), so that
/// flow stays valid and each probe only augments the difference. The usual tick skips most of this: both stages are
/// settled by one probe at the national fraction (OneProbe.cs), and that probe often by last tick's flow, corrected
/// along a spanning tree, without a max-flow (Certificate.cs); a tick whose known bottlenecks still bind, by the
/// same flow checked against the levels the islands give (KeptStages.cs). Deterministic: fixed edge order, no randomness.
/// </summary>
public sealed partial class FairShareDispatcher
{
    private const int Source = 0, Sink = 1, Hub = 2, FirstRegion = 3;
    private const int MaxCutSteps = 64;

    private readonly FlowNetwork network;
    private readonly int regionCount;
    private readonly int[] generationEdge, importEdge, demandEdge;
    private readonly int hubEdge;
    private readonly (int Edge, int From, int To, double CapacityMw)[] links;
    /// <summary>The national EU import limit in force; timed events change it.</summary>
    public double ImportLimitMw { get; set; }

    // Work arrays, reused every tick.
    private readonly double[] baseMw, variableMw, target, generationMw, importMw;
    private readonly bool[] active;
    private readonly CutIslands islands;
    private double[] feasibleFlow = [];

    public FairShareDispatcher(GridSpec grid)
    {
        regionCount = grid.Regions.Count;
        ImportLimitMw = grid.ImportLimitMw;
        network = new FlowNetwork(FirstRegion + regionCount);
        generationEdge = new int[regionCount];
        importEdge = new int[regionCount];
        demandEdge = new int[regionCount];
        hubEdge = network.AddEdge(Source, Hub);
        for (var r = 0; r < regionCount; r++)
        {
            generationEdge[r] = network.AddEdge(Source, FirstRegion + r);
            importEdge[r] = network.AddEdge(Hub, FirstRegion + r);
            demandEdge[r] = network.AddEdge(FirstRegion + r, Sink);
        }
        var linkList = new List<(int, int, int, double)>();
        foreach (var link in grid.Links)
        {
            int a = grid.RegionIndex(link.From), b = grid.RegionIndex(link.To);
            linkList.Add((network.AddEdge(FirstRegion + a, FirstRegion + b), a, b, link.CapacityMw));
            linkList.Add((network.AddEdge(FirstRegion + b, FirstRegion + a), b, a, link.CapacityMw));
        }
        links = [.. linkList];
        baseMw = new double[regionCount];
        variableMw = new double[regionCount];
        target = new double[regionCount];
        generationMw = new double[regionCount];
        importMw = new double[regionCount];
        active = new bool[regionCount];
        islands = new CutIslands(FirstRegion + regionCount, active, baseMw, variableMw, target);
        servedEnough = () => Served() >= wanted - Math.Max(ToleranceMw, RelativeTolerance * wanted);
        PrepareCertificate();
    }

    /// <summary>A copy for a forecast branch: the import limit and the bottlenecks known so far, nothing shared.</summary>
    public FairShareDispatcher Fork(GridSpec grid)
    {
        var copy = new FairShareDispatcher(grid) { ImportLimitMw = ImportLimitMw };
        copy.islands.CopyFrom(islands);
        copy.CopyKeptFlow(this);
        return copy;
    }

    /// <summary>Fills <paramref name="servedMw"/> (region order) from the regions' balances.</summary>
    public void Dispatch(ReadOnlySpan<RegionBalance> balances, Span<double> servedMw)
    {
        network.SetCapacity(hubEdge, ImportLimitMw);
        for (var r = 0; r < regionCount; r++)
        {
            generationMw[r] = balances[r].GenerationMw;
            importMw[r] = balances[r].ImportCapacityMw;
            network.SetCapacity(generationEdge[r], generationMw[r]);
            network.SetCapacity(importEdge[r], importMw[r]);
        }
        foreach (var (edge, from, to, capacity) in links)
        {
            var availability = Math.Min(balances[from].TransmissionAvailability, balances[to].TransmissionAvailability);
            network.SetCapacity(edge, capacity * availability);
        }

        islands.BeginTick(network);
        var infeasibleBefore = infeasibleProbes;
        if (!BothStagesAtOnce(balances) && !StagesCertified(balances))
        {
            PlayStages(balances);
            // Whatever the network holds now is a flow within this tick's capacities: a start for next tick's certificate.
            KeepFlow();
        }

        // The targets are feasible by construction (to within the solver's tolerance): no final solve needed.
        for (var r = 0; r < regionCount; r++) servedMw[r] = Math.Min(target[r], balances[r].DemandMw);
        lastTickCut = infeasibleProbes != infeasibleBefore;
    }

    /// <summary>Both stages' fills, each probe decided by a max-flow (or, in <see cref="StagesCertified"/>, assumed feasible).</summary>
    private void PlayStages(ReadOnlySpan<RegionBalance> balances)
    {
        // Stage 1: critical demand, from zero flow (every target starts at zero).
        for (var r = 0; r < regionCount; r++)
        {
            baseMw[r] = 0;
            variableMw[r] = balances[r].CriticalDemandMw;
        }
        if (!assumingFeasible) ZeroFlow();
        Fill();
        // Stage 2: the rest, keeping what critical loads got (the last feasible flow of stage 1 serves exactly that).
        for (var r = 0; r < regionCount; r++)
        {
            baseMw[r] = target[r];
            variableMw[r] = balances[r].DemandMw - balances[r].CriticalDemandMw;
        }
        Fill();
    }

    /// <summary>No flow, no demand: the network as a tick's first probe starts from.</summary>
    private void ZeroFlow()
    {
        for (var r = 0; r < regionCount; r++) network.SetCapacity(demandEdge[r], 0);
        network.Reset();
        if (feasibleFlow.Length != network.EdgeCount) feasibleFlow = new double[network.EdgeCount];
        network.SaveFlow(feasibleFlow);
        flowSaved = true;
    }

    /// <summary>Progressive filling of target = base + f * variable; leaves the result in <see cref="target"/>.</summary>
    private void Fill()
    {
        var remaining = 0;
        for (var r = 0; r < regionCount; r++)
        {
            active[r] = variableMw[r] > 0;
            target[r] = baseMw[r];
            if (active[r]) remaining++;
        }
        islands.BeginFill();
        routed = false;
        maxFlowsInFill = 0;
        var steps = 0;
        while (remaining > 0)
        {
            // The lowest bound known: the national one (supply short of demand means f = 1 cannot be served), or an
            // island's from an earlier probe. Each is at or above the next level, so a feasible probe there is the level.
            var (candidate, from) = islands.Lowest(UniformFraction());
            if (Feasible(candidate))
            {
                // No island below the national fraction (the usual case on a small grid): every region gets it.
                if (from < 0)
                {
                    FreezeAll(candidate);
                    return;
                }
                remaining -= FreezeIslands(candidate, candidate);
                steps = 0;
                continue;
            }
            // Infeasible: the probe's minimum cut falls apart into islands, at least one of them below the probe (or the
            // bound has stopped coming down, to rounding: then the probe is the level and the lowest islands take it).
            var lowest = islands.AddFromCut(network, Source, Sink, FirstRegion);
            if (lowest >= candidate - 1e-12 || ++steps >= MaxCutSteps)
            {
                var frozen = FreezeIslands(Math.Max(0, Math.Min(lowest, candidate)), lowest);
                remaining -= frozen > 0 ? frozen : FreezeAll(Math.Max(0, Math.Min(lowest, candidate)));
                steps = 0;
            }
        }
    }

    /// <summary>Fixes the active regions of every island whose bound is at most <paramref name="upTo"/> at <paramref name="fraction"/>.</summary>
    private int FreezeIslands(double fraction, double upTo)
    {
        var n = 0;
        islands.SettleUpTo(upTo);
        for (var i = 0; i < islands.Count; i++)
        {
            if (Math.Max(0, islands.Bound(i)) > upTo) continue;
            islands.MarkUsed(i);
            foreach (var r in islands.Regions(i))
            {
                if (!active[r]) continue;
                target[r] = baseMw[r] + (fraction * variableMw[r]);
                active[r] = false;
                n++;
            }
        }
        return n;
    }

    /// <summary>The fraction that would use every megawatt available, if the network carried it all.</summary>
    private double UniformFraction()
    {
        double supply = Math.Min(ImportLimitMw, SumImportCapacity()), fixedMw = 0, variable = 0;
        for (var r = 0; r < regionCount; r++)
        {
            supply += generationMw[r];
            fixedMw += active[r] ? baseMw[r] : target[r];
            if (active[r]) variable += variableMw[r];
        }
        return variable > 0 ? Math.Clamp((supply - fixedMw) / variable, 0, 1) : 1;
    }

    private double SumImportCapacity()
    {
        double sum = 0;
        for (var r = 0; r < regionCount; r++) sum += importMw[r];
        return sum;
    }

    /// <summary>Fixes every active region at the fraction.</summary>
    private int FreezeAll(double fraction)
    {
        var n = 0;
        for (var r = 0; r < regionCount; r++)
        {
            if (!active[r]) continue;
            target[r] = baseMw[r] + (fraction * variableMw[r]);
            active[r] = false;
            n++;
        }
        return n;
    }

}
