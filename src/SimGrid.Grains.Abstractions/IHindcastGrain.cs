using Orleans.Concurrency;
using SimGrid.Model.Hindcast;
using SimGrid.Model.Scenario;

namespace SimGrid.Grains.Abstractions;

/// <summary>One case of a hindcast, played and measured (key: hindcast, case and seed). The unit a hindcast spreads over the cluster.</summary>
public interface IHindcastGrain : IGrainWithStringKey
{
    /// <summary>Plays the case and returns the model's value for each reported outcome, in order; the grain deactivates afterwards.</summary>
    Task<Immutable<double[]>> PredictAsync(Immutable<RunSetup> setup, Immutable<ReportedOutcome[]> outcomes);
}
