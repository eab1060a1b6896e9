namespace SimGrid.Model.Grid;

/// <param name="Id">Scenario-file id, e.g. shahed, iskander-m, kh-101.</param>
/// <param name="Interception">Probability that one weapon is downed (before a region's own figure or factor).</param>
/// <param name="Hit">Probability that a weapon that is not downed hits its target asset.</param>
/// <param name="Damage">Probabilities of slight, moderate, extensive, complete damage for a hit (sum to 1).</param>
/// <param name="DamageByClass">The same, for asset classes that a hit affects differently (a drone and a power plant's turbine hall).</param>
public sealed record WeaponSpec(
    string Id,
    double Interception,
    double Hit,
    IReadOnlyList<double> Damage,
    IReadOnlyDictionary<AssetClass, IReadOnlyList<double>>? DamageByClass = null)
{
    public IReadOnlyList<double> DamageFor(AssetClass target) =>
        DamageByClass is not null && DamageByClass.TryGetValue(target, out var d) ? d : Damage;
}
