using Orleans.Concurrency;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;

namespace SimGrid.Grains.Abstractions;

/// <summary>One replication of a Monte Carlo study (key: study and job). The unit a study spreads over the cluster.</summary>
public interface IReplicationGrain : IGrainWithStringKey
{
    /// <summary>Plays the whole replication and returns its summary and national series; the grain deactivates afterwards.</summary>
    /// <remarks>
    /// A replication of a large grid runs for minutes (a 10,000-region one about 40 s), beyond Orleans' default response
    /// timeout, so this call waits up to an hour. A study does not rely on the timeout to notice a lost silo: calls to
    /// a dead silo fail when it is declared dead, and calls through a lost gateway are abandoned (ClusterChanges).
    /// </remarks>
    [ResponseTimeout(ReplicationTimeout.Longest)]
    Task<Immutable<RunResult>> RunAsync(Immutable<RunSetup> setup);
}

/// <summary>How long a call that plays a whole run may take (a replication, a batch of ticks, a replay).</summary>
public static class ReplicationTimeout
{
    public const string Longest = "01:00:00";
}
