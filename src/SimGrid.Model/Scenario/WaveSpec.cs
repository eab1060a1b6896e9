namespace SimGrid.Model.Scenario;

/// <summary>A strike wave: weapons arrive evenly over [Start, End).</summary>
public sealed record WaveSpec(string Id, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<SalvoSpec> Salvos);
