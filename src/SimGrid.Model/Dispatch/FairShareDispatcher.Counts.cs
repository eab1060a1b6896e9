namespace SimGrid.Model.Dispatch;

/// <summary>
/// What dispatch has done so far (bench `dispatch`): feasibility probes and those found infeasible; the max-flow's tree
/// searches and the nodes they took from their queues (their cost); and for the max-flows that route the bulk of the
/// power by push-relabel, the shortfalls moved along an edge and the labellings (each a breadth-first search of the network);
/// and the ticks settled by last tick's flow without any max-flow.
/// </summary>
public readonly record struct DispatchCounts(long Probes, long InfeasibleProbes, long TreeSearches, long TreeSearchNodes,
    long ShortfallMoves, long Labellings, long TicksSettledByKeptFlow);

public sealed partial class FairShareDispatcher
{
    private long probes, infeasibleProbes;

    public DispatchCounts Counts =>
        new(probes, infeasibleProbes, network.TreeSearches, network.TreeSearchNodes, network.ShortfallMoves, network.Labellings,
            TicksSettledByKeptFlow);

    private void Count(bool feasible)
    {
        probes++;
        if (!feasible) infeasibleProbes++;
    }
}
