using Orleans.Concurrency;
using Orleans.Placement;
using SimGrid.Grains.Abstractions;
using SimGrid.Model.Hindcast;
using SimGrid.Model.Scenario;

namespace SimGrid.Grains;

/// <summary>
/// A hindcast case played by the kernel inside this one grain and measured against what was reported, as a study's
/// replication is (random placement spreads the cases over the silos). Called by HindcastRunner.
/// </summary>
[RandomPlacement]
public sealed class HindcastGrain : Grain, IHindcastGrain
{
    public Task<Immutable<double[]>> PredictAsync(Immutable<RunSetup> setup, Immutable<ReportedOutcome[]> outcomes)
    {
        var predictions = HindcastProbe.Predict(setup.Value, outcomes.Value);
        DeactivateOnIdle();
        return Task.FromResult(new Immutable<double[]>(predictions));
    }
}
