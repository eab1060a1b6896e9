using Orleans.Concurrency;
using SimGrid.Model.Outputs;
using SimGrid.Model.Scenario;

namespace SimGrid.Grains.Abstractions;

/// <summary>
/// Passes a client's replication call on from the silo the client is connected to. A call in flight from a client to
/// a silo that dies is only answered by the client's response timeout; a call from a silo is failed as soon as the
/// cluster declares the other silo dead. So a study's calls go through this relay, and a replication lost with its
/// silo is known lost in seconds, not at the timeout.
/// </summary>
public interface IReplicationRelayGrain : IGrainWithIntegerKey
{
    [ResponseTimeout(ReplicationTimeout.Longest)]
    Task<Immutable<RunResult>> RunAsync(string replication, Immutable<RunSetup> setup);
}
