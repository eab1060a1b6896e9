namespace SimGrid.Model.Grid;

/// <param name="Id">Scenario-file id, e.g. shahed, iskander-m, kh-101.</param>
/// <param name="Interception">Probability that one weapon is downed (before the region's interception factor).</param>
/// <param name="Hit">Probability that a weapon that is not downed hits its target asset.</param>
/// <param name="Damage">Probabilities of slight, moderate, extensive, complete damage for a hit (sum to 1).</param>
public sealed record WeaponSpec(string Id, double Interception, double Hit, IReadOnlyList<double> Damage);
