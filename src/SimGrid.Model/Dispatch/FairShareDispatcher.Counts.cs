namespace SimGrid.Model.Dispatch;

/// <summary>
/// What dispatch has done so far (bench `dispatch`): feasibility probes, those found infeasible, the max-flow's tree
/// searches and the nodes they took from their queues (their cost), and the nodes taken by the searches of the first two
/// probes of each fill (on a large grid those route most of the power, and search most of the network to do it).
/// </summary>
public readonly record struct DispatchCounts(long Probes, long InfeasibleProbes, long TreeSearches, long TreeSearchNodes, long OpeningSearchNodes);

public sealed partial class FairShareDispatcher
{
    private long probes, infeasibleProbes, openingSearchNodes;
    private int probesInFill;

    public DispatchCounts Counts => new(probes, infeasibleProbes, network.TreeSearches, network.TreeSearchNodes, openingSearchNodes);

    private void Count(bool feasible, long searchNodes)
    {
        probes++;
        if (!feasible) infeasibleProbes++;
        if (probesInFill++ < 2) openingSearchNodes += searchNodes;
    }
}
