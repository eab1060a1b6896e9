namespace SimGrid.Model.Outputs;

/// <summary>A run's summary and its national people-without-power series (one value per tick): what a study keeps of a replication.</summary>
public sealed record RunResult(RunSummary Summary, IReadOnlyList<double> NationalPeopleWithoutPower);
