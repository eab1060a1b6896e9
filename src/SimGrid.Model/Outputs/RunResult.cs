namespace SimGrid.Model.Outputs;

/// <summary>
/// What a study keeps of a replication: the summary and two national series, one value per tick: people without power
/// (rolling and damage-caused) and people without power through damage alone (what repair strategies act on).
/// </summary>
public sealed record RunResult(RunSummary Summary, IReadOnlyList<double> NationalPeopleWithoutPower, IReadOnlyList<double> NationalPeopleWithoutPowerDamage);
