namespace SimGrid.Model.Outputs;

/// <summary>One run's results: national and per region (grid order). The seed travels with the figures.</summary>
public sealed record RunSummary(
    string Scenario,
    int Seed,
    string Strategy,
    int Replication,
    DateTimeOffset Start,
    double Hours,
    ScopeSummary National,
    IReadOnlyList<ScopeSummary> Regions);
