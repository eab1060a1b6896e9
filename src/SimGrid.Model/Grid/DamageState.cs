namespace SimGrid.Model.Grid;

/// <summary>The five HAZUS damage states; each removes a share of an asset's capacity (see <see cref="DamageTable"/>).</summary>
public enum DamageState
{
    None,
    Slight,
    Moderate,
    Extensive,
    Complete,
}
