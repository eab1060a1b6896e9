namespace SimGrid.Model.Scenario;

/// <summary>What a run's results are a pure function of (design section 5).</summary>
public sealed record RunSetup(ScenarioSpec Scenario, int Seed, string Strategy, int Replication);
