namespace SimGrid.Hosting.Studies;

/// <summary>
/// Tells a study that the cluster has lost a silo (this client lost one of its gateways). A client's call in flight
/// through that silo is only answered by the client's response timeout, so the study stops waiting for the calls it
/// has in flight and runs them again: a replication is a pure function of its inputs, so a rerun changes no result.
/// </summary>
public sealed class ClusterChanges : IDisposable
{
    private readonly Lock gate = new();
    private CancellationTokenSource current = new();

    /// <summary>Cancelled at the next loss; calls started after it get a fresh token.</summary>
    public CancellationToken NextLoss
    {
        get
        {
            lock (gate) return current.Token;
        }
    }

    public void SiloLost()
    {
        CancellationTokenSource lost;
        lock (gate)
        {
            lost = current;
            current = new CancellationTokenSource();
        }
        // Cancelled, not disposed: calls may still be linking to its token.
        lost.Cancel();
    }

    public void Dispose()
    {
        lock (gate) current.Dispose();
    }
}

/// <summary>A replication abandoned because a silo left the cluster while it ran; it is run again.</summary>
public sealed class SiloLostException() : Exception("a silo left the cluster while it ran");
